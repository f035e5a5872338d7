import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ChunkId, DocId } from '../../core/ids';
import type { Chunk, DocumentRecord } from '../../core/library';

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

interface LibrarySchema extends DBSchema {
  // Only complete documents are ever written (see `saveDocument`).
  documents: { key: DocId; value: DocumentRecord };
  chunks: { key: ChunkId; value: Chunk; indexes: { 'by-doc': DocId } };
  embeddings: { key: DocId; value: StoredEmbeddings };
}

export type LibraryDb = IDBPDatabase<LibrarySchema>;

export const DATABASE_NAME = 'docent';
export const SCHEMA_VERSION = 1;

export function openLibraryDb(name = DATABASE_NAME): Promise<LibraryDb> {
  return openDB<LibrarySchema>(name, SCHEMA_VERSION, {
    upgrade(db, oldVersion) {
      // Each step migrates from the version before it; add a step here for every new SCHEMA_VERSION.
      if (oldVersion < 1) {
        db.createObjectStore('documents', { keyPath: 'id' });
        db.createObjectStore('chunks', { keyPath: 'id' }).createIndex('by-doc', 'docId');
        db.createObjectStore('embeddings', { keyPath: 'docId' });
      }
    },
  });
}

/** Writes a document, its chunks and its vectors in one transaction: all of it is stored, or none. */
export async function saveDocument(db: LibraryDb, document: DocumentRecord, chunks: readonly Chunk[], embeddings: StoredEmbeddings) {
  const tx = db.transaction(['documents', 'chunks', 'embeddings'], 'readwrite');
  const chunkStore = tx.objectStore('chunks');
  await Promise.all([
    tx.objectStore('documents').put(document),
    ...chunks.map((chunk) => chunkStore.put(chunk)),
    tx.objectStore('embeddings').put(embeddings),
    tx.done,
  ]);
}

export async function loadLibrary(db: LibraryDb): Promise<{ documents: DocumentRecord[]; embeddings: StoredEmbeddings[] }> {
  const tx = db.transaction(['documents', 'embeddings']);
  const [documents, embeddings] = await Promise.all([tx.objectStore('documents').getAll(), tx.objectStore('embeddings').getAll()]);
  return { documents, embeddings };
}

export async function getChunks(db: LibraryDb, ids: readonly ChunkId[]): Promise<Chunk[]> {
  const tx = db.transaction('chunks');
  const chunks = await Promise.all(ids.map((id) => tx.store.get(id)));
  return chunks.filter((chunk): chunk is Chunk => chunk !== undefined);
}
