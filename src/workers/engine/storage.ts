import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { sliceOfPages } from '../../core/chunking';
import type { ChunkId, DocId } from '../../core/ids';
import type { Conversation } from '../../core/conversation';
import type { Chunk, DocumentRecord } from '../../core/library';
import type { PageLayout, TextRun } from '../../core/text/layout';
import { gzipJson, gunzipJson } from './compressed-json';
import type { StoredKeywordIndex } from './keyword-index';
import { migrateToPageText } from './storage-migrations';

/**
 * All of a document's vectors in one binary record (Float32, row i belongs to chunkIds[i]). One record per document
 * keeps a reload to a few reads, and the model id and dimension say which embedder made them, so vectors of two
 * models are never mixed.
 */
export interface StoredEmbeddings {
  docId: DocId;
  modelId: string;
  dims: number;
  chunkIds: ChunkId[];
  vectors: Float32Array;
}

/**
 * A chunk as stored: its text is not, it is the slice `[charStart, charEnd)` of its pages' text (`sliceOfPages`).
 * The text of a document is stored once, in its pages.
 */
export type StoredChunk = Omit<Chunk, 'text'>;

export interface LibrarySchema extends DBSchema {
  // Only complete documents are ever written (see `saveDocument`).
  documents: { key: DocId; value: DocumentRecord };
  chunks: { key: ChunkId; value: StoredChunk; indexes: { 'by-doc': DocId } };
  embeddings: { key: DocId; value: StoredEmbeddings };
  /** A PDF's original file, kept to draw a cited page as it looks. Other formats are shown from their pages' text. */
  files: { key: DocId; value: StoredFile };
  /** Each page's cleaned text and, for PDFs, where its text stands: what a chunk's text and its highlight come from. */
  pages: { key: [DocId, number]; value: StoredPage; indexes: { 'by-doc': DocId } };
  conversations: { key: string; value: Conversation; indexes: { 'by-updated': number } };
  /** The keyword index as one record (key KEYWORD_INDEX_KEY), gzipped JSON; it lists the documents it covers. */
  'keyword-index': { key: string; value: StoredKeywordIndexRecord };
}

const KEYWORD_INDEX_KEY = 'current';

/** MiniSearch's index as gzipped JSON: a fifth of its size as a structured clone (`npm run bench`). */
interface StoredKeywordIndexRecord {
  gzippedJson: Uint8Array;
}

export interface StoredPage {
  docId: DocId;
  page: number;
  /** Where the page starts in the document's joined text (`joinPages`): chunk offsets count from there. */
  start: number;
  text: string;
  layout?: Omit<PageLayout, 'runs'> & { runs: Float32Array };
}

const RUN_FIELDS = 6;

/** Text runs packed as [start, end, x, y, width, height] per run: one typed array instead of thousands of objects. */
export function packRuns(runs: readonly TextRun[]): Float32Array {
  const packed = new Float32Array(runs.length * RUN_FIELDS);
  runs.forEach((run, i) => packed.set([run.start, run.end, run.x, run.y, run.width, run.height], i * RUN_FIELDS));
  return packed;
}

export function unpackRuns(packed: Float32Array): TextRun[] {
  const runs: TextRun[] = [];
  for (let i = 0; i < packed.length; i += RUN_FIELDS) {
    const [start, end, x, y, width, height] = packed.subarray(i, i + RUN_FIELDS);
    runs.push({ start, end, x, y, width, height });
  }
  return runs;
}

export interface StoredFile {
  docId: DocId;
  type: string;
  blob: Blob;
  /** An encrypted PDF's password, to draw its pages again (its text is stored already: this guards nothing more). */
  password?: string;
}

export type LibraryDb = IDBPDatabase<LibrarySchema>;

export const DATABASE_NAME = 'docent';
export const SCHEMA_VERSION = 3;

export type UpgradeTransaction = IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'versionchange'>;

export function openLibraryDb(name = DATABASE_NAME): Promise<LibraryDb> {
  return openDB<LibrarySchema>(name, SCHEMA_VERSION, {
    async upgrade(db, oldVersion, _newVersion, transaction) {
      // Each step migrates from the version before it; add a step here for every new SCHEMA_VERSION.
      if (oldVersion < 1) {
        db.createObjectStore('documents', { keyPath: 'id' });
        db.createObjectStore('chunks', { keyPath: 'id' }).createIndex('by-doc', 'docId');
        db.createObjectStore('embeddings', { keyPath: 'docId' });
      }
      if (oldVersion < 2) {
        db.createObjectStore('files', { keyPath: 'docId' });
        db.createObjectStore('pages', { keyPath: ['docId', 'page'] }).createIndex('by-doc', 'docId');
        db.createObjectStore('conversations', { keyPath: 'id' }).createIndex('by-updated', 'updatedAt');
        db.createObjectStore('keyword-index');
      }
      if (oldVersion < 3) await migrateToPageText(transaction);
    },
  });
}

export interface DocumentBundle {
  document: DocumentRecord;
  /** A PDF's original file; other formats have none. */
  file?: StoredFile;
  pages: readonly StoredPage[];
  /** Their text, when they carry it, is not stored: it is in the pages. */
  chunks: readonly (StoredChunk | Chunk)[];
  /** Absent when the search model was unavailable: the document is found by keywords until it is embedded. */
  embeddings?: StoredEmbeddings;
}

/** Writes a document, its file, chunks and vectors in one transaction: all of it is stored, or none. */
export async function saveDocument(db: LibraryDb, { document, file, pages, chunks, embeddings }: DocumentBundle) {
  const tx = db.transaction(['documents', 'files', 'pages', 'chunks', 'embeddings'], 'readwrite');
  const writes: Promise<unknown>[] = [tx.done];
  try {
    writes.push(tx.objectStore('documents').put(document));
    if (file) writes.push(tx.objectStore('files').put(file));
    for (const page of pages) writes.push(tx.objectStore('pages').put(page));
    for (const chunk of chunks) writes.push(tx.objectStore('chunks').put(withoutText(chunk)));
    if (embeddings) writes.push(tx.objectStore('embeddings').put(embeddings));
    await Promise.all(writes);
  } catch (error) {
    // A put that throws at once (a bad key, a value that cannot be cloned) leaves the transaction running, and it
    // would commit the other writes: abort it. A failed request has usually aborted it already, hence the guard.
    try {
      tx.abort();
    } catch {
      // already finished
    }
    await Promise.allSettled(writes);
    throw error;
  }
}

function withoutText(chunk: StoredChunk | Chunk): StoredChunk {
  if (!('text' in chunk)) return chunk;
  const { text: _text, ...stored } = chunk;
  return stored;
}

/** Everything stored for a document, read in one transaction (a consistent copy); chunks without their text. */
export async function getStoredDocument(db: LibraryDb, docId: DocId): Promise<(DocumentBundle & { chunks: StoredChunk[] }) | undefined> {
  const tx = db.transaction(['documents', 'files', 'pages', 'chunks', 'embeddings']);
  const [document, file, pages, chunks, embeddings] = await Promise.all([
    tx.objectStore('documents').get(docId),
    tx.objectStore('files').get(docId),
    tx.objectStore('pages').index('by-doc').getAll(docId),
    tx.objectStore('chunks').index('by-doc').getAll(docId),
    tx.objectStore('embeddings').get(docId),
  ]);
  return document && { document, file, pages, chunks, embeddings };
}

/** Removes a document with its file, pages, chunks and vectors, in one transaction. */
export async function deleteDocument(db: LibraryDb, docId: DocId): Promise<void> {
  const tx = db.transaction(['documents', 'files', 'pages', 'chunks', 'embeddings'], 'readwrite');
  const [chunkKeys, pageKeys] = await Promise.all([
    tx.objectStore('chunks').index('by-doc').getAllKeys(docId),
    tx.objectStore('pages').index('by-doc').getAllKeys(docId),
  ]);
  await Promise.all([
    tx.objectStore('documents').delete(docId),
    tx.objectStore('files').delete(docId),
    tx.objectStore('embeddings').delete(docId),
    ...chunkKeys.map((key) => tx.objectStore('chunks').delete(key)),
    ...pageKeys.map((key) => tx.objectStore('pages').delete(key)),
    tx.done,
  ]);
}

export function getPage(db: LibraryDb, docId: DocId, page: number): Promise<StoredPage | undefined> {
  return db.get('pages', [docId, page]);
}

export function getDocument(db: LibraryDb, id: DocId): Promise<DocumentRecord | undefined> {
  return db.get('documents', id);
}

export async function saveEmbeddings(db: LibraryDb, embeddings: StoredEmbeddings): Promise<void> {
  await db.put('embeddings', embeddings);
}

export function getEmbeddings(db: LibraryDb, docId: DocId): Promise<StoredEmbeddings | undefined> {
  return db.get('embeddings', docId);
}

export function getFile(db: LibraryDb, docId: DocId): Promise<StoredFile | undefined> {
  return db.get('files', docId);
}

/**
 * A chunk with its text, sliced from `pages` (ordered by page number) from `first`, the index of its first page,
 * through its last page. Pages without a record (schema 1's, see storage-migrations.ts) are held by the one before.
 */
function withText(chunk: StoredChunk, pages: readonly StoredPage[], first = 0): Chunk {
  let end = first;
  while (end < pages.length && pages[end].page <= chunk.pageEnd) end++;
  return { ...chunk, text: sliceOfPages(pages.slice(first, end), chunk.charStart, chunk.charEnd) };
}

/** A document's chunks, in order, with their text. */
export async function getChunksOf(db: LibraryDb, docId: DocId): Promise<Chunk[]> {
  const tx = db.transaction(['chunks', 'pages']);
  const [chunks, pages] = await Promise.all([tx.objectStore('chunks').index('by-doc').getAll(docId), tx.objectStore('pages').index('by-doc').getAll(docId)]);
  const indexOfPage = new Map(pages.map((page, i) => [page.page, i]));
  return chunks.sort((a, b) => a.ordinal - b.ordinal).map((chunk) => withText(chunk, pages, indexOfPage.get(chunk.pageStart)));
}

/** Chunks by id, with their text (read from their pages); ids no longer stored are left out. */
export async function getChunks(db: LibraryDb, ids: readonly ChunkId[]): Promise<Chunk[]> {
  const tx = db.transaction(['chunks', 'pages']);
  const chunks = await Promise.all(
    ids.map(async (id) => {
      const chunk = await tx.objectStore('chunks').get(id);
      return chunk && withText(chunk, await tx.objectStore('pages').getAll(IDBKeyRange.bound([chunk.docId, chunk.pageStart], [chunk.docId, chunk.pageEnd])));
    }),
  );
  return chunks.filter((chunk) => chunk !== undefined);
}

export async function loadKeywordIndex(db: LibraryDb): Promise<StoredKeywordIndex | undefined> {
  const record = await db.get('keyword-index', KEYWORD_INDEX_KEY);
  return record && gunzipJson<StoredKeywordIndex>(record.gzippedJson);
}

export async function saveKeywordIndex(db: LibraryDb, index: StoredKeywordIndex): Promise<void> {
  await db.put('keyword-index', { gzippedJson: await gzipJson(index) }, KEYWORD_INDEX_KEY);
}

/** Conversations, most recently updated first. */
export async function loadConversations(db: LibraryDb): Promise<Conversation[]> {
  return (await db.getAllFromIndex('conversations', 'by-updated')).reverse();
}

export async function saveConversation(db: LibraryDb, conversation: Conversation): Promise<void> {
  await db.put('conversations', conversation);
}

/** Adds conversations, one transaction for all: each is kept unless the library holds it updated later. Returns how many were written. */
export async function mergeConversations(db: LibraryDb, conversations: readonly Conversation[]): Promise<number> {
  const tx = db.transaction('conversations', 'readwrite');
  const store = tx.objectStore('conversations');
  let written = 0;
  for (const conversation of conversations) {
    const held = await store.get(conversation.id);
    if (held && held.updatedAt >= conversation.updatedAt) continue;
    await store.put(conversation);
    written++;
  }
  await tx.done;
  return written;
}

export async function deleteConversation(db: LibraryDb, id: string): Promise<void> {
  await db.delete('conversations', id);
}

export async function loadLibrary(db: LibraryDb): Promise<{ documents: DocumentRecord[]; embeddings: StoredEmbeddings[] }> {
  const tx = db.transaction(['documents', 'embeddings']);
  const [documents, embeddings] = await Promise.all([tx.objectStore('documents').getAll(), tx.objectStore('embeddings').getAll()]);
  return { documents, embeddings };
}

