import { transfer } from 'comlink';
import type { Conversation } from '../../core/conversation';
import { asDocId, docIdOf, type ChunkId, type DocId } from '../../core/ids';
import { embeddingText, type DocumentSummary, type SearchHit } from '../../core/library';
import type { ModelSources, ModelSpec } from '../../core/models';
import { withPlannedWeights, type DevicePreference } from '../../core/runtime-plan';
import { detectGpu } from '../../platform/webgpu';
import type { BackupProgress, DuplicateFile, EngineApi, EngineConfig, EngineEvent, ExportSummary, ImportSummary, OcrLanguageProgress, SourceView } from '../../core/protocol';
import { modelCacheFor } from '../models/active-cache';
import { configureRuntime } from '../model-runtime';
import { Embedder } from './embedder';
import { PasswordRequiredError, UnreadableFileError } from './pdf-text';
import { formatOf } from './read-document';
import { configurePdfAssets } from './pdf-document';
import { prepareDocument } from './prepare-document';
import { keepOcrLanguages, keptOcrLanguages } from './ocr-languages';
import { configureOcr, readWithLanguages } from './scanned-pages';
import { OcrCancelled } from '../ocr/tesseract-reader';
import { sourceView } from './source-view';
import {
  deleteConversation,
  deleteDocument,
  getDocument,
  getEmbeddings,
  saveEmbeddings,
  getChunksOf,
  getChunks,
  loadConversations,
  loadLibrary,
  mergeConversations,
  openLibraryDb,
  saveConversation,
  saveDocument,
  type LibraryDb,
} from './storage';
import { HybridIndex } from './hybrid-index';
import { reranked, Reranker, RERANK_CANDIDATES } from './reranker';
import { followUpQuery, PASSAGES_READ } from '../../core/second-hop';
import { exportLibrary, fromBackup, readBackup } from './library-backup';
import { VectorIndex } from './vector-index';
import { LibrarySync, type LibraryChange } from './library-sync';

class IngestionCancelled extends Error {}

/** The "model" of a document stored without vectors (no search model then): every model finds it stale. */
const NOT_EMBEDDED = '';

/** Larger files are refused before reading: a browser tab has a few GB at most, and readers need several times the file. */
export const MAX_FILE_BYTES = 300 * 1024 * 1024;

interface Arrival {
  file: File;
  bytes: Uint8Array<ArrayBuffer>;
  id: DocId;
  password?: string;
}

interface Session {
  db: LibraryDb;
  embedder: Embedder;
  reranker: Reranker | null;
  sources: ModelSources;
  index: HybridIndex;
  sync: LibrarySync;
  emit: (event: EngineEvent) => void;
  /** Where models may run (Settings): the search model and any that replaces it. */
  device: DevicePreference;
}

async function contentId(bytes: Uint8Array<ArrayBuffer>): Promise<DocId> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return asDocId(Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join(''));
}

/** Loads the search model at once when its weights for this device are cached: no download without a need. */
async function warmUp(embedder: Embedder, sources: ModelSources, device: DevicePreference): Promise<void> {
  if (await modelCacheFor(sources).holds(withPlannedWeights(embedder.model, await detectGpu(), device))) await embedder.prepare();
}

/** The library: reads files, embeds and stores their passages, and answers searches. Owns storage and the index. */
export class LibraryEngine implements EngineApi {
  readonly #documents = new Map<DocId, DocumentSummary>();
  /** The model that made each stored document's vectors: documents of another model are embedded again. */
  readonly #embeddedBy = new Map<DocId, string>();
  /** Encrypted PDFs waiting for their password; kept in memory only. */
  readonly #locked = new Map<DocId, Arrival>();
  /** Ingestions under way: removing their document aborts them, even in the middle of a page read by OCR. */
  readonly #ingesting = new Map<DocId, AbortController>();
  #ocrAssetsUrl = '';
  /** Files are ingested one at a time: embedding is CPU-bound, and order keeps progress readable. */
  #queue: Promise<void> = Promise.resolve();

  #opening: Promise<Session> | undefined;

  /** Opens the library once; a second call (React runs effects twice in development) shares the first. */
  async init(config: EngineConfig, onEvent: (event: EngineEvent) => void): Promise<DocumentSummary[]> {
    if (!this.#opening) {
      this.#opening = this.#open(config, onEvent);
      this.#catchUp(await this.#opening);
    }
    return this.#snapshot(await this.#opening);
  }


  async #open(config: EngineConfig, onEvent: (event: EngineEvent) => void): Promise<Session> {
    configureRuntime(config.sources);
    configurePdfAssets(config.pdfAssetsUrl);
    configureOcr(config.ocrAssetsUrl, config.ocrLanguages);
    this.#ocrAssetsUrl = config.ocrAssetsUrl;
    const db = await openLibraryDb();
    const { documents, embeddings } = await loadLibrary(db);
    // The search model loaded (perhaps on its own, after the host came back): documents stored without its vectors
    // are embedded now.
    const emit = (event: EngineEvent) => {
      onEvent(event);
      if (event.type !== 'model-status' || event.status.kind !== 'ready') return;
      void this.#opening?.then((session) => {
        if (session.embedder.model.id === event.model.id) this.#catchUp(session);
      });
    };
    const embedder = new Embedder(config.embedder, emit, config.device);
    // A library searched by meaning whose search model is in the browser already: the model loads while the indexes
    // open, so the first question after a reload does not wait for it. Opening never downloads a model.
    if (embeddings.some((stored) => stored.modelId === embedder.model.id)) void warmUp(embedder, config.sources, config.device);
    const index = await HybridIndex.open(db, config.embedder.id, documents.map((document) => document.id), embeddings);
    // Documents embedded by another model (the search model changed) are found by keywords until re-embedded.
    for (const stored of documents) this.#documents.set(stored.id, { ...stored, state: { kind: 'ready' } });
    for (const stored of documents) this.#embeddedBy.set(stored.id, NOT_EMBEDDED);
    for (const stored of embeddings) this.#embeddedBy.set(stored.docId, stored.modelId);
    const sync = new LibrarySync((change) => void this.#applyRemoteChange(change));
    const reranker = config.reranker && new Reranker(config.reranker, config.sources, emit, config.device);
    return { db, index, sync, embedder, reranker, sources: config.sources, emit, device: config.device };
  }

  /** Another tab added or removed a document: hold the same library in memory. */
  async #applyRemoteChange({ kind, docId }: LibraryChange): Promise<void> {
    const session = await this.#session();
    if (kind === 'added') return this.#adopt(session, docId);
    session.index.remove(docId);
    this.#documents.delete(docId);
    this.#embeddedBy.delete(docId);
    this.#publish(session);
  }

  /** Takes a document stored by another tab into this tab's indexes and library list. */
  async #adopt(session: Session, docId: DocId): Promise<void> {
    const [document, embeddings, chunks] = await Promise.all([getDocument(session.db, docId), getEmbeddings(session.db, docId), getChunksOf(session.db, docId)]);
    if (!document) return;
    this.#embeddedBy.set(docId, embeddings?.modelId ?? NOT_EMBEDDED);
    session.index.add(docId, chunks, embeddings);
    this.#documents.set(docId, { ...document, state: { kind: 'ready' } });
    this.#locked.delete(docId);
    this.#publish(session);
  }

  async prepare(): Promise<void> {
    const session = await this.#session();
    await session.embedder.prepare();
    this.#catchUp(session);
  }

  #catchingUp: Promise<void> | undefined;

  /**
   * Embeds, into the live index, documents that lack vectors of the current model (stored while it was unavailable,
   * or by another model), one run at a time; a run that fails (the model still unavailable) is tried again later.
   */
  #catchUp(session: Session): void {
    if (this.#catchingUp) return;
    this.#catchingUp = this.#reembed(session, session.embedder, session.index.vectors)
      .catch(() => undefined)
      .finally(() => {
        this.#catchingUp = undefined;
        this.#publish(session);
      });
  }

  async setReranker(model: ModelSpec | null): Promise<void> {
    const session = await this.#session();
    session.reranker?.dispose();
    session.reranker = model && new Reranker(model, session.sources, session.emit, session.device);
  }

  async setEmbedder(model: ModelSpec): Promise<void> {
    const session = await this.#session();
    if (session.embedder.model.id === model.id) return;
    const embedder = new Embedder(model, session.emit, session.device);
    const vectors = await VectorIndex.create(model.id);
    await this.#reembed(session, embedder, vectors);
    session.embedder.dispose();
    session.embedder = embedder;
    session.index.replaceVectors(vectors);
    // A file that finished with the old model after the last round is caught now, into the live index.
    await this.#reembed(session, embedder, vectors);
  }

  /**
   * Embeds with `embedder`, into `vectors`, every stored document whose vectors another model made, until none is
   * left (documents stored meanwhile by the model then in use are caught by the next round). Each document's new
   * vectors replace its old ones in storage under the write lock; a document removed meanwhile is skipped.
   */
  async #reembed(session: Session, embedder: Embedder, vectors: VectorIndex): Promise<void> {
    const stale = () => [...this.#embeddedBy].filter(([, model]) => model !== embedder.model.id).map(([id]) => id);
    for (let round = stale(); round.length > 0; round = stale()) {
      for (const [done, id] of round.entries()) {
        const chunks = await getChunksOf(session.db, id);
        const { vectors: rows, dims } = await embedder.embedPassages(chunks.map(embeddingText), () => undefined);
        const embeddings = { docId: id, modelId: embedder.model.id, dims, chunkIds: chunks.map((chunk) => chunk.id), vectors: rows };
        const saved = await session.sync.exclusive(async () => {
          if (!(await getDocument(session.db, id))) return false;
          await saveEmbeddings(session.db, embeddings);
          return true;
        });
        if (saved) {
          vectors.add(chunks.map((chunk, row) => ({ id: chunk.id, vector: rows.subarray(row * dims, (row + 1) * dims) })));
          this.#embeddedBy.set(id, embedder.model.id);
        } else {
          this.#embeddedBy.delete(id);
        }
        session.emit({ type: 'reindex', model: embedder.model, done: done + 1, total: round.length });
      }
    }
  }

  async addFiles(files: File[]): Promise<void> {
    const session = await this.#session();
    const arrivals: Arrival[] = [];
    const duplicates: DuplicateFile[] = [];
    for (const file of files) {
      const placeholder = { name: file.name, bytes: file.size, pageCount: 0, chunkCount: 0, addedAt: Date.now() };
      if (file.size > MAX_FILE_BYTES) {
        const reason = `This file is ${Math.round(file.size / 1024 / 1024)} MB; Docent reads files up to ${MAX_FILE_BYTES / 1024 / 1024} MB.`;
        const id = asDocId(`too-large:${file.name}:${file.size}`);
        this.#documents.set(id, { id, ...placeholder, state: { kind: 'failed', reason } });
        continue;
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const id = await contentId(bytes);
      const known = this.#documents.get(id);
      if (known && known.state.kind !== 'failed') {
        duplicates.push({ name: file.name, existingName: known.name, pending: known.state.kind !== 'ready' });
        continue;
      }
      arrivals.push({ file, bytes, id });
      this.#documents.set(id, { id, ...placeholder, format: formatOf(file, bytes), state: { kind: 'indexing', stage: 'reading', done: 0, total: 0 } });
    }
    this.#publish(session);
    if (duplicates.length > 0) session.emit({ type: 'duplicates', files: duplicates });
    await Promise.all(arrivals.map((arrival) => this.#enqueue(session, arrival)));
  }

  /** Tries an encrypted PDF again with a password; a wrong one asks again. */
  async unlock(id: DocId, password: string): Promise<void> {
    const session = await this.#session();
    const arrival = this.#locked.get(id);
    if (!arrival) return;
    this.#locked.delete(id);
    this.#documents.set(id, { ...this.#documents.get(id)!, state: { kind: 'indexing', stage: 'reading', done: 0, total: 0 } });
    this.#publish(session);
    await this.#enqueue(session, { ...arrival, password });
  }

  #enqueue(session: Session, arrival: Arrival): Promise<void> {
    this.#queue = this.#queue.then(() => this.#ingest(session, arrival));
    return this.#queue;
  }

  async search(query: string, limit: number, onlyDocs?: DocId[]): Promise<SearchHit[]> {
    const { db, embedder, index, reranker } = await this.#session();
    // Without the search model (offline before its first download), keywords alone still find passages.
    const queryVector = await embedder.embed([query], 'query').then(([vector]) => vector, () => undefined);
    const scope = { limit, onlyDocs: onlyDocs && new Set(onlyDocs) };
    const candidates = index.search(query, queryVector, { ...scope, limit: reranker ? Math.max(limit, RERANK_CANDIDATES) : limit });
    const chunks = new Map((await getChunks(db, candidates.map((hit) => hit.id))).map((chunk) => [chunk.id, chunk]));
    const first = reranker ? await reranked(reranker, query, candidates, (id) => chunks.get(id)?.text ?? '', limit) : candidates;
    // A second hop for what the best passages introduce (core/second-hop.ts): one more keyword search.
    const followUp = followUpQuery(query, first.slice(0, PASSAGES_READ).flatMap((hit) => chunks.get(hit.id) ?? []));
    const hits = followUp ? index.followUp(first, followUp, queryVector, scope) : first;
    const missing = hits.filter((hit) => !chunks.has(hit.id)).map((hit) => hit.id);
    for (const chunk of await getChunks(db, missing)) chunks.set(chunk.id, chunk);
    return hits.flatMap(({ id, scores, followed }) => {
      const chunk = chunks.get(id);
      const document = chunk && this.#documents.get(chunk.docId);
      return chunk && document?.format ? [{ chunk, documentName: document.name, documentFormat: document.format, scores, ...(followed ? { followed } : {}) }] : [];
    });
  }

  async openSource(chunkId: ChunkId): Promise<SourceView> {
    return sourceView((await this.#session()).db, chunkId, (id) => this.#documents.get(docIdOf(id)));
  }

  async keptOcrLanguages(): Promise<string[]> {
    await this.#session();
    return keptOcrLanguages(this.#ocrAssetsUrl);
  }

  async setOcrLanguages(chosen: string[], onProgress: (progress: OcrLanguageProgress) => void): Promise<string[]> {
    await this.#session();
    const kept = await keepOcrLanguages(this.#ocrAssetsUrl, chosen, onProgress);
    readWithLanguages(kept);
    return kept;
  }

  async removeDocument(id: DocId): Promise<void> {
    this.#ingesting.get(id)?.abort();
    const session = await this.#session();
    await session.sync.exclusive(() => deleteDocument(session.db, id));
    session.sync.announce({ kind: 'removed', docId: id });
    session.index.remove(id);
    this.#documents.delete(id);
    this.#embeddedBy.delete(id);
    this.#locked.delete(id);
    this.#publish(session);
  }

  async exportLibrary(write: (bytes: Uint8Array) => Promise<boolean>, onProgress: (progress: BackupProgress) => void): Promise<ExportSummary | undefined> {
    const session = await this.#session();
    const ids = [...this.#documents.values()].filter((document) => document.state.kind === 'ready').sort((a, b) => a.addedAt - b.addedAt).map((document) => document.id);
    // Each piece crosses to the page without a copy.
    return exportLibrary(session.db, ids, (bytes) => write(transfer(bytes, [bytes.buffer])), onProgress);
  }

  async importLibrary(file: Blob, onProgress: (progress: BackupProgress) => void): Promise<ImportSummary> {
    const session = await this.#session();
    // All of it is checked before anything is written: a damaged or cut-short file changes nothing.
    const { documents: total } = await readBackup(file, async () => undefined, (bytes) => onProgress({ phase: 'checking', done: bytes, total: file.size, bytes }));
    const added: { id: DocId; name: string }[] = [];
    const skipped: string[] = [];
    const conversations: Conversation[] = [];
    let seen = 0;
    let read = 0;
    const merged = await session.sync.exclusive(async () => {
      try {
        await readBackup(
          file,
          async (item) => {
            if (item.kind === 'conversation') return void conversations.push(item.conversation);
            const { record } = item.document;
            seen++;
            if (this.#documents.has(record.id) || (await getDocument(session.db, record.id))) skipped.push(record.name);
            else {
              await saveDocument(session.db, fromBackup(item.document));
              added.push({ id: record.id, name: record.name });
            }
            onProgress({ phase: 'importing', done: seen, total, bytes: read });
          },
          (bytes) => (read = bytes),
        );
        return mergeConversations(session.db, conversations);
      } catch (error) {
        // The file changed since it was checked, or storage is full: what this import wrote goes again.
        for (const { id } of added) await deleteDocument(session.db, id);
        throw error;
      }
    });
    for (const { id } of added) {
      await this.#adopt(session, id);
      session.sync.announce({ kind: 'added', docId: id });
    }
    this.#catchUp(session);
    const model = session.index.vectors.modelId;
    return {
      added: added.map(({ name }) => name),
      skipped,
      conversations: merged,
      reembedding: added.filter(({ id }) => this.#embeddedBy.get(id) !== model).length,
    };
  }

  async conversations(): Promise<Conversation[]> {
    return loadConversations((await this.#session()).db);
  }

  async saveConversation(conversation: Conversation): Promise<void> {
    await saveConversation((await this.#session()).db, conversation);
  }

  async deleteConversation(id: string): Promise<void> {
    await deleteConversation((await this.#session()).db, id);
  }

  async #ingest(session: Session, arrival: Arrival): Promise<void> {
    const { file, bytes, id, password } = arrival;
    // Removing a document while it is being indexed cancels it: the next step stops, and nothing is stored.
    const cancelled = () => !this.#documents.has(id);
    const update = (changes: Partial<DocumentSummary>) => {
      if (cancelled()) throw new IngestionCancelled();
      this.#documents.set(id, { ...this.#documents.get(id)!, ...changes });
      this.#publish(session);
    };
    try {
      // One tab at a time reads and stores: a file dropped into two tabs is indexed once, then taken up by both.
      await session.sync.exclusive(async () => {
        if (await getDocument(session.db, id)) return this.#adopt(session, id);
        const ingestion = new AbortController();
        this.#ingesting.set(id, ingestion);
        const bundle = await prepareDocument(id, file, bytes, session.embedder, (state, counts) => update({ state, ...counts }), password, ingestion.signal).finally(() =>
          this.#ingesting.delete(id),
        );
        if (cancelled()) return;
        await saveDocument(session.db, bundle);
        if (cancelled()) return deleteDocument(session.db, id);
        session.sync.announce({ kind: 'added', docId: id });
        this.#embeddedBy.set(id, bundle.embeddings?.modelId ?? NOT_EMBEDDED);
        session.index.add(id, bundle.chunks, bundle.embeddings);
        update({ ...bundle.document, state: { kind: 'ready' } });
        if (bundle.embeddings) this.#catchUp(session);
      });
    } catch (error) {
      if (error instanceof IngestionCancelled || error instanceof OcrCancelled) return;
      if (error instanceof PasswordRequiredError) {
        this.#locked.set(id, arrival);
        return update({ state: { kind: 'needs-password', wrong: error.wrong } });
      }
      const reason = error instanceof UnreadableFileError ? error.message : `This file could not be indexed: ${error instanceof Error ? error.message : String(error)}`;
      update({ state: { kind: 'failed', reason } });
    }
  }

  /** The library as listed: a ready document without vectors of the model in use is found by keywords only. */
  #snapshot(session: Session): DocumentSummary[] {
    const model = session.index.vectors.modelId;
    return [...this.#documents.values()]
      .map((document) =>
        document.state.kind === 'ready' && this.#embeddedBy.has(document.id) && this.#embeddedBy.get(document.id) !== model
          ? { ...document, state: { kind: 'ready' as const, keywordsOnly: true } }
          : document,
      )
      .sort((a, b) => a.addedAt - b.addedAt);
  }

  #publish(session: Session) {
    session.emit({ type: 'library', documents: this.#snapshot(session) });
  }

  /** Requests that arrive while the library is still opening wait for it. */
  #session(): Promise<Session> {
    if (!this.#opening) throw new Error('The library was asked for work before it was opened.');
    return this.#opening;
  }
}
