// Ids that must never be mixed up (a chunk id where a document id belongs breaks citations) are branded.
export type DocId = string & { readonly __brand: 'DocId' };
export type ChunkId = string & { readonly __brand: 'ChunkId' };

export const asDocId = (value: string) => value as DocId;

/** Chunk ids sort in document order and name their document, so a chunk's owner is visible in storage. */
export const chunkIdOf = (docId: DocId, ordinal: number) => `${docId}#${String(ordinal).padStart(6, '0')}` as ChunkId;

/** The document a chunk belongs to, read from its id. */
export const docIdOf = (chunkId: ChunkId) => chunkId.slice(0, chunkId.lastIndexOf('#')) as DocId;
