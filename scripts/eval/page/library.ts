// Builds a library the way the app's library worker does (workers/engine/prepare-document.ts, library-engine.ts):
// each file read by readDocument (pdf.js for PDFs, the text reader for text), chunked by chunkPages in the embedder's
// own tokens and titled, chunks' contextText embedded by the app's Embedder, all indexed in the app's HybridIndex
// (MiniSearch BM25+ and Voy, fused by reciprocal rank). Only storage of documents, chunks and vectors is left out.
import { chunkPages, type ChunkDraft } from '../../../src/core/chunking';
import { identityText } from '../../../src/core/document-identity';
import { asDocId, type ChunkId, type DocId } from '../../../src/core/ids';
import { followUpQuery, PASSAGES_READ } from '../../../src/core/second-hop';
import { HUGGING_FACE_HUB, resolveModel } from '../../../src/core/models';
import type { ModelStatusEvent } from '../../../src/core/protocol';
import { Embedder } from '../../../src/workers/engine/embedder';
import { HybridIndex } from '../../../src/workers/engine/hybrid-index';
import { reranked, Reranker, RERANK_CANDIDATES } from '../../../src/workers/engine/reranker';
import { configurePdfAssets } from '../../../src/workers/engine/pdf-document';
import { readDocument } from '../../../src/workers/engine/read-document';
import { openLibraryDb } from '../../../src/workers/engine/storage';
import { configureRuntime } from '../../../src/workers/model-runtime';
import type { EvalSetup, LibraryReport, Mode, Progress } from './types';

/** The dense index's model id when no embedder is given: no vector is ever added under it. */
const NO_EMBEDDER = 'docent-eval/no-embedder';

export interface SourceDocument {
  id: string;
  /** What the chunker puts before each chunk's embedded text (the app gives the file name). */
  title?: string;
  file: File;
}

export interface Library {
  index: HybridIndex;
  embedder?: Embedder;
  chunks: Map<ChunkId, ChunkDraft>;
  /** Each read document's chunks and its pages' joined text (for the diagnostics' whole-document index). */
  documents: Map<DocId, { title?: string; chunks: ChunkDraft[] }>;
  failed: { id: string; reason: string }[];
  pages: number;
  timings: { modelLoadMs: number; readMs: number; chunkMs: number; embedMs: number; indexMs: number };
  /** How chunks were measured. */
  tokenizer: string;
  threads: number;
  /** Questions get the app's second hop (see searchChunks). */
  secondHop: boolean;
  /** Reorders each question's best candidates, as the app's does (--reranker). */
  reranker?: Reranker;
}

export const needsEmbedder = (modes: readonly Mode[]) => modes.includes('dense') || modes.includes('hybrid');

/** The model sources and pdf.js assets as the app's UI gives them to its library worker (ui/model-settings.ts). */
export function configure(setup: EvalSetup): number {
  configurePdfAssets(new URL('pdfjs/', setup.siteUrl).href);
  return configureRuntime({ localModelsUrl: new URL('models/', setup.siteUrl).href, remoteHost: HUGGING_FACE_HUB }, setup.threads);
}

/** The app's Embedder for `id` (catalog entry or hub defaults, as `?embedder=` resolves it), loaded. */
async function loadEmbedder(id: string, progress: Progress): Promise<{ embedder: Embedder; countTokens: (text: string) => number }> {
  let failure: string | undefined;
  let lastReport = 0;
  const embedder = new Embedder(resolveModel('embedder', id), ({ status }: ModelStatusEvent) => {
    if (status.kind === 'failed') failure = status.reason;
    else if (status.kind === 'downloading' && performance.now() - lastReport > 5000) {
      lastReport = performance.now();
      progress(`loading ${id}: ${status.file}, ${(status.loadedBytes / 1e6).toFixed(1)} MB`);
    }
  });
  try {
    return { embedder, countTokens: await embedder.tokenCounter() };
  } catch (error) {
    throw new Error(`The embedder ${id} could not be loaded: ${failure ?? (error instanceof Error ? error.message : String(error))}`, { cause: error });
  }
}

export async function buildLibrary(setup: EvalSetup, sources: readonly SourceDocument[], progress: Progress): Promise<Library> {
  const threads = configure(setup);
  const timings = { modelLoadMs: 0, readMs: 0, chunkMs: 0, embedMs: 0, indexMs: 0 };
  let embedder: Embedder | undefined;
  let countTokens: ((text: string) => number) | undefined;
  if (setup.embedder) {
    const start = performance.now();
    ({ embedder, countTokens } = await loadEmbedder(setup.embedder, progress));
    timings.modelLoadMs = performance.now() - start;
  }

  const chunks = new Map<ChunkId, ChunkDraft>();
  const documents = new Map<DocId, { title?: string; chunks: ChunkDraft[] }>();
  const failed: Library['failed'] = [];
  let pages = 0;
  let reported = performance.now();
  for (const [done, source] of sources.entries()) {
    const start = performance.now();
    let read;
    try {
      read = await readDocument(source.file, new Uint8Array(await source.file.arrayBuffer()), () => {});
    } catch (error) {
      failed.push({ id: source.id, reason: error instanceof Error ? error.message : String(error) });
      continue;
    } finally {
      timings.readMs += performance.now() - start;
    }
    const chunkStart = performance.now();
    const docId = asDocId(source.id);
    // As prepare-document.ts does: the embedder's token count (the chunker's estimate without one), and the
    // document's identity (a BEIR document's title stands for a PDF's own) as the title and a keyword field.
    const identity = identityText({ fileName: source.file.name, ...read.identity, ...(source.title && source.title !== source.file.name ? { title: source.title } : {}) });
    const drafts = chunkPages(docId, read.pages, { countTokens, title: identity }).map((draft) => ({ ...draft, identity }));
    timings.chunkMs += performance.now() - chunkStart;
    pages += read.pages.length;
    if (drafts.length === 0) {
      failed.push({ id: source.id, reason: 'no text' });
      continue;
    }
    documents.set(docId, { title: source.title, chunks: drafts });
    for (const draft of drafts) chunks.set(draft.id, draft);
    if (performance.now() - reported > 10_000) {
      reported = performance.now();
      progress(`read and chunked ${done + 1} of ${sources.length} documents (${chunks.size} chunks)`);
    }
  }
  progress(`read and chunked ${documents.size} documents into ${chunks.size} chunks${failed.length ? `; ${failed.length} failed` : ''}`);

  // Embedded in one run of batches across documents (the app embeds document by document, in the same batches of 16
  // within a document): the same vectors, fewer half-empty batches.
  let vectors: Float32Array = new Float32Array(0);
  let dims = 0;
  if (embedder && needsEmbedder(setup.modes)) {
    const start = performance.now();
    const all = [...chunks.values()];
    let last = performance.now();
    ({ vectors, dims } = await embedder.embedPassages(
      all.map((draft) => draft.contextText),
      (done) => {
        if (performance.now() - last < 10_000) return;
        last = performance.now();
        const rate = done / ((last - start) / 1000);
        progress(`embedded ${done} of ${all.length} chunks (${rate.toFixed(1)}/s, ~${Math.round((all.length - done) / rate)} s left)`);
      },
    ));
    timings.embedMs = performance.now() - start;
    progress(`embedded ${all.length} chunks in ${(timings.embedMs / 1000).toFixed(1)} s`);
  }

  const start = performance.now();
  const db = await openLibraryDb(`docent-eval-${crypto.randomUUID()}`);
  const modelId = embedder && dims > 0 ? embedder.model.id : NO_EMBEDDER;
  const index = await HybridIndex.open(db, modelId, [], []);
  let row = 0;
  for (const [docId, { chunks: drafts }] of documents) {
    const count = drafts.length;
    index.add(docId, drafts, { modelId: dims > 0 ? modelId : '', dims, vectors: vectors.subarray(row * dims, (row + count) * dims) });
    row += count;
  }
  timings.indexMs = performance.now() - start;
  const tokenizer = embedder ? `${embedder.model.id}'s tokenizer` : "the chunker's estimate (no embedder)";
  const models = { localModelsUrl: new URL('models/', setup.siteUrl).href, remoteHost: HUGGING_FACE_HUB };
  const reranker = setup.reranker ? new Reranker(resolveModel('reranker', setup.reranker), models, () => {}) : undefined;
  return { index, embedder, chunks, documents, failed, pages, timings, tokenizer, threads, secondHop: setup.secondHop !== false, reranker };
}

/** Query embeddings, in batches of 16 (the app embeds one question at a time: the same vectors). */
export async function embedQueries(embedder: Embedder, texts: readonly string[], progress: Progress): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  let last = performance.now();
  for (let start = 0; start < texts.length; start += 16) {
    vectors.push(...(await embedder.embed(texts.slice(start, start + 16), 'query')));
    if (performance.now() - last > 10_000) {
      last = performance.now();
      progress(`embedded ${vectors.length} of ${texts.length} queries`);
    }
  }
  return vectors;
}

/** The chunk ranking of one mode, as the app's HybridIndex gives it (`limit` chunks). */
/**
 * The chunks the app would give a question, as the library engine finds them: its search in `mode`, the reranker's
 * order of the best candidates (with --reranker), then the keyword follow-up for names its best passages introduce
 * (core/second-hop.ts), unless the eval was run with --first-round-only.
 */
export async function searchChunks(library: Library, mode: Mode, query: string, vector: Float32Array | undefined, limit: number): Promise<ChunkId[]> {
  if (mode !== 'keyword' && !vector) throw new Error(`${mode} search needs a query embedding`);
  const depth = library.reranker ? Math.max(limit, RERANK_CANDIDATES) : limit;
  const candidates =
    mode === 'dense'
      ? library.index.vectors.search(vector!, depth).map(({ id }) => ({ id, scores: { fused: 0 } }))
      : library.index.search(query, mode === 'keyword' ? undefined : vector, { limit: depth });
  const first = library.reranker ? await reranked(library.reranker, query, candidates, (id) => library.chunks.get(id)!.text, limit) : candidates;
  const followUp = library.secondHop && followUpQuery(query, first.slice(0, PASSAGES_READ).map((hit) => library.chunks.get(hit.id)!));
  return (followUp ? library.index.followUp(first, followUp, vector, { limit }) : first).map((hit) => hit.id);
}

export function libraryReport(library: Library): LibraryReport {
  const { documents, failed, pages, chunks, tokenizer, threads, timings } = library;
  return { documents: documents.size, failed, pages, chunks: chunks.size, tokenizer, threads, timings };
}
