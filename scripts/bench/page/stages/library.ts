import { withPageStarts } from '../../../../src/core/chunking';
import { asDocId, chunkIdOf, type ChunkId, type DocId } from '../../../../src/core/ids';
import type { Chunk, DocumentRecord } from '../../../../src/core/library';
import { HybridIndex } from '../../../../src/workers/engine/hybrid-index';
import { KeywordIndex } from '../../../../src/workers/engine/keyword-index';
import { VectorIndex } from '../../../../src/workers/engine/vector-index';
import { loadKeywordIndex, loadLibrary, openLibraryDb, saveDocument, type LibraryDb, type StoredPage } from '../../../../src/workers/engine/storage';
import { RETRIEVERS, topK, type BenchQuery, type SearchContext } from './query';
import { median, percentile } from './stats';
import { clusteredVectors, makeVocabulary, queriesNear, seeded, zipfText } from './synthetic';

export interface GrowRequest {
  /** Chunks the library holds when this call returns. */
  chunks: number;
  chunksPerDocument: number;
  dims: number;
  /** The embedder id the vectors are tagged with (the engine indexes only vectors of its own embedder). */
  modelId: string;
  /** Characters of text per chunk (~1,000: what a 256-token chunk of English holds). */
  chunkCharacters: number;
  queries: number;
  k: number;
}

export interface RetrievalRow {
  retriever: string;
  kind: string;
  chunks: number;
  p50: number;
  p95: number;
  /** Share of queries whose source chunk is in the top k. */
  found: number;
  /** Share of the exact scan's top k it returned. */
  agreement: number;
}

export interface GrowResult {
  chunks: number;
  documents: number;
  /** Opening what was stored before (index rebuilt from stored vectors, keyword index restored). */
  openMs: number;
  /** Storing and indexing the new documents as LibraryEngine does after embedding (saveDocument, index.add). */
  addMs: number;
  /** Until the keyword index, written back after a pause, is stored. */
  persistMs: number;
  added: number;
  /** navigator.storage.estimate() usage, after minus before, for the added chunks. */
  storedBytes: number;
  /** Characters of the added chunks' texts (stored once, in their pages). */
  textBytes: number;
  retrieval: RetrievalRow[];
}

const CHUNK_SEED = 17;

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

const docIdAt = (index: number) => asDocId(`bench-${String(index).padStart(5, '0')}`);

/** The synthetic corpus: the same vectors and texts on every call, so a library can grow in several steps. */
function corpus(request: GrowRequest) {
  const vectors = clusteredVectors(request.chunks, request.dims);
  const vocabulary = makeVocabulary(5000);
  const random = seeded(CHUNK_SEED);
  const texts = Array.from({ length: request.chunks }, () => zipfText(random, vocabulary, request.chunkCharacters));
  return { vectors, texts };
}

/** Questions made from stored chunks: a few of their less common words, and a vector near theirs. */
function makeQueries(texts: readonly string[], ids: readonly ChunkId[], vectors: Float32Array, dims: number, count: number): BenchQuery[] {
  const random = seeded(23);
  const common = new Set(makeVocabulary(60));
  return queriesNear(vectors, dims, count).map(({ row, vector }) => {
    const words = texts[row].replace(/\./g, '').split(' ').filter((word) => !common.has(word));
    const picked = Array.from({ length: 4 }, () => words[Math.floor(random() * words.length)]);
    return { text: `${picked.join(' ')}?`, vector, target: ids[row] };
  });
}

/** Waits until the keyword index the HybridIndex writes back (after a short pause) covers every document. */
async function keywordIndexStored(db: LibraryDb, documents: number): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stored = await loadKeywordIndex(db);
    if (stored && stored.chunksOf.length >= documents) return;
  }
}

/**
 * Grows the stored library to `request.chunks` chunks of synthetic documents, stored and indexed as LibraryEngine
 * does after embedding a file (saveDocument in one transaction, then HybridIndex.add: Voy, MiniSearch, the keyword
 * index written back), then times every retriever of RETRIEVERS on the live index.
 */
export async function growLibrary(request: GrowRequest): Promise<GrowResult> {
  const db = await openLibraryDb();
  const openStart = performance.now();
  const stored = await loadLibrary(db);
  const hybrid = await HybridIndex.open(db, request.modelId, stored.documents.map((doc) => doc.id), stored.embeddings);
  const openMs = performance.now() - openStart;
  const have = stored.documents.reduce((sum, doc) => sum + doc.chunkCount, 0);
  const { vectors, texts } = corpus(request);
  const before = await usage();

  let documents = stored.documents.length;
  let textBytes = 0;
  const addStart = performance.now();
  for (let first = have; first < request.chunks; first += request.chunksPerDocument) {
    const count = Math.min(request.chunksPerDocument, request.chunks - first);
    const id: DocId = docIdAt(documents);
    // Three chunks to a page, as a text file of ~1,000-character paragraphs is chunked; offsets as joinPages gives them.
    const pageTexts: string[] = [];
    for (let ordinal = 0; ordinal < count; ordinal += 3) pageTexts.push(texts.slice(first + ordinal, first + Math.min(count, ordinal + 3)).join('\n\n'));
    const pages: StoredPage[] = withPageStarts(pageTexts.map((text, i) => ({ docId: id, page: i + 1, text })));
    const chunks: Chunk[] = [];
    let offset = 0;
    for (let ordinal = 0; ordinal < count; ordinal++) {
      const text = texts[first + ordinal];
      textBytes += text.length;
      const page = 1 + Math.floor(ordinal / 3);
      if (ordinal % 3 === 0) offset = pages[page - 1].start;
      chunks.push({ id: chunkIdOf(id, ordinal), docId: id, ordinal, text, pageStart: page, pageEnd: page, charStart: offset, charEnd: offset + text.length });
      offset += text.length + 2;
    }
    const name = `synthetic-${documents}.txt`;
    const document: DocumentRecord = { id, name, format: 'text', bytes: pageTexts.join('\f').length, pageCount: pages.length, chunkCount: count, addedAt: Date.now() + documents };
    const rows = vectors.slice(first * request.dims, (first + count) * request.dims);
    const embeddings = { docId: id, modelId: request.modelId, dims: request.dims, chunkIds: chunks.map((chunk) => chunk.id), vectors: rows };
    await saveDocument(db, { document, pages, chunks, embeddings });
    hybrid.add(id, chunks, embeddings);
    documents++;
  }
  const addMs = performance.now() - addStart;
  const persistStart = performance.now();
  await keywordIndexStored(db, documents);
  const persistMs = performance.now() - persistStart;
  const storedBytes = (await usage()) - before;

  const ids = Array.from({ length: request.chunks }, (_, i) => chunkIdOf(docIdAt(Math.floor(i / request.chunksPerDocument)), i % request.chunksPerDocument));
  const context: SearchContext = { hybrid, ids, matrix: vectors, dims: request.dims };
  const queries = makeQueries(texts, ids, vectors, request.dims, request.queries);
  const exact = queries.map((query) => new Set(topK(vectors, request.dims, query.vector, request.k).map((row) => ids[row])));
  const retrieval = RETRIEVERS.map((retriever) => {
    // A few untimed queries first: the first calls at a new size pay for compilation and allocation.
    for (const query of queries.slice(0, 5)) retriever.search(context, query, request.k);
    const times: number[] = [];
    let found = 0;
    let agreed = 0;
    queries.forEach((query, q) => {
      const start = performance.now();
      const hits = retriever.search(context, query, request.k);
      times.push(performance.now() - start);
      if (hits.includes(query.target)) found++;
      agreed += hits.filter((id) => exact[q].has(id)).length;
    });
    return {
      retriever: retriever.name,
      kind: retriever.kind,
      chunks: request.chunks,
      p50: median(times),
      p95: percentile(times, 95),
      found: found / queries.length,
      agreement: agreed / (queries.length * request.k),
    };
  });
  db.close();
  return { chunks: request.chunks, documents, openMs, addMs, persistMs, added: request.chunks - have, storedBytes, textBytes, retrieval };
}

const VOY_DB = 'docent-bench-voy';

function voyDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(VOY_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('index');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The stored library's vectors, read through the app's storage module. */
async function storedVectors(): Promise<{ ids: ChunkId[]; matrix: Float32Array; dims: number }> {
  const db = await openLibraryDb();
  const { embeddings } = await loadLibrary(db);
  db.close();
  const dims = embeddings[0]?.dims ?? 0;
  const total = embeddings.reduce((sum, stored) => sum + stored.chunkIds.length, 0);
  const matrix = new Float32Array(total * dims);
  const ids: ChunkId[] = [];
  for (const stored of embeddings) {
    matrix.set(stored.vectors, ids.length * dims);
    for (const id of stored.chunkIds) ids.push(id);
  }
  return { ids, matrix, dims };
}

/** Baseline, before a reload: Voy built from the stored vectors, serialized with its own serialize(), stored. */
export async function saveVoySerialized(): Promise<{ serializeMs: number; characters: number; storedBytes: number }> {
  const { Voy } = await import('voy-search');
  const { ids, matrix, dims } = await storedVectors();
  const voy = new Voy();
  for (let from = 0; from < ids.length; from += 1000) {
    const embeddings = ids.slice(from, from + 1000).map((id, i) => ({ id, title: '', url: '', embeddings: Array.from(matrix.subarray((from + i) * dims, (from + i + 1) * dims)) }));
    voy.add({ embeddings });
  }
  const start = performance.now();
  const serialized = voy.serialize();
  const serializeMs = performance.now() - start;
  voy.free();
  if (serialized.length === 0) throw new Error(`Voy.serialize() returned an empty string for ${ids.length} vectors`);
  const before = await usage();
  const db = await voyDb();
  const tx = db.transaction('index', 'readwrite');
  tx.objectStore('index').put(serialized, 'voy');
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return { serializeMs, characters: serialized.length, storedBytes: (await usage()) - before };
}

export interface ReloadBaseline {
  /** Milliseconds since the page's navigation started. */
  readyAt: number;
  firstResultAt: number;
  loadMs: number;
  chunks: number;
}

/** Baseline, after a reload: Voy.deserialize() of the stored string, then one search. */
export async function reloadVoySerialized(pageOrigin: number, query: Float32Array): Promise<ReloadBaseline> {
  const start = performance.now();
  const { Voy } = await import('voy-search');
  const db = await voyDb();
  const serialized = await request(db.transaction('index').objectStore('index').get('voy') as IDBRequest<string>);
  db.close();
  const voy = Voy.deserialize(serialized);
  const readyAt = performance.now();
  const { neighbors } = voy.search(query, 10);
  const done = performance.now();
  if (neighbors.length === 0) throw new Error('The deserialized Voy index found nothing.');
  const offset = performance.timeOrigin - pageOrigin;
  return { readyAt: readyAt + offset, firstResultAt: done + offset, loadMs: readyAt - start, chunks: voy.size() };
}

/** Baseline, after a reload: the stored vectors read into one Float32Array, then one exact scan. */
export async function reloadExactScan(pageOrigin: number, query: Float32Array): Promise<ReloadBaseline> {
  const start = performance.now();
  const { ids, matrix, dims } = await storedVectors();
  const readyAt = performance.now();
  topK(matrix, dims, query, 10);
  const done = performance.now();
  const offset = performance.timeOrigin - pageOrigin;
  return { readyAt: readyAt + offset, firstResultAt: done + offset, loadMs: readyAt - start, chunks: ids.length };
}

export interface OpenBreakdown {
  /** loadLibrary: the document and vector records. */
  readMs: number;
  /** A VectorIndex (Voy) built from the stored vectors, as HybridIndex.open builds it. */
  vectorIndexMs: number;
  /** The stored keyword index read and restored (MiniSearch.loadJS). */
  keywordIndexMs: number;
  chunks: number;
}

/** After a reload: the steps HybridIndex.open takes, timed one by one (where the engine's "ready" time goes). */
export async function openBreakdown(modelId: string): Promise<OpenBreakdown> {
  let start = performance.now();
  const db = await openLibraryDb();
  const { embeddings } = await loadLibrary(db);
  const readMs = performance.now() - start;
  start = performance.now();
  const vectors = await VectorIndex.create(modelId);
  for (const stored of embeddings) {
    vectors.add(stored.chunkIds.map((id, row) => ({ id, vector: stored.vectors.subarray(row * stored.dims, (row + 1) * stored.dims) })));
  }
  const vectorIndexMs = performance.now() - start;
  start = performance.now();
  const keywords = await loadKeywordIndex(db);
  if (keywords) KeywordIndex.restore(keywords);
  const keywordIndexMs = performance.now() - start;
  db.close();
  return { readMs, vectorIndexMs, keywordIndexMs, chunks: embeddings.reduce((sum, stored) => sum + stored.chunkIds.length, 0) };
}
