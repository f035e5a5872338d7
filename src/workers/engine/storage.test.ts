import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../core/conversation';
import { asDocId, chunkIdOf } from '../../core/ids';
import { getChunks, getFile, loadConversations, loadLibrary, openLibraryDb, saveConversation, saveDocument } from './storage';

let databases = 0;
const freshName = () => `docent-test-${databases++}`;
const docId = asDocId('d1');
const chunk = { id: chunkIdOf(docId, 0), docId, ordinal: 0, text: 'Hello.', pageStart: 1, pageEnd: 1, charStart: 0, charEnd: 6 };
const bundle = {
  document: { id: docId, name: 'a.pdf', format: 'pdf' as const, bytes: 10, pageCount: 1, chunkCount: 1, addedAt: 1 },
  file: { docId, type: 'application/pdf', blob: new Blob(['%PDF-1.7']) },
  pages: [{ docId, page: 1, text: 'Hello.' }],
  chunks: [chunk],
  embeddings: { docId, modelId: 'm', dims: 2, chunkIds: [chunk.id], vectors: new Float32Array([0.6, 0.8]) },
};

describe('library storage', () => {
  it('stores a document with its file, chunks and binary vectors, and reads them back', async () => {
    const db = await openLibraryDb(freshName());
    await saveDocument(db, bundle);
    const { documents, embeddings } = await loadLibrary(db);
    expect(documents).toEqual([bundle.document]);
    expect(embeddings[0].vectors).toBeInstanceOf(Float32Array);
    expect([...embeddings[0].vectors]).toEqual([...bundle.embeddings.vectors]);
    expect(await getChunks(db, [chunk.id])).toEqual([chunk]);
    expect((await getFile(db, docId))?.type).toBe('application/pdf');
  });

  it('stores nothing of a document when any part fails to write', async () => {
    const db = await openLibraryDb(freshName());
    const broken = { ...bundle, chunks: [{ ...chunk, id: undefined as never }] };
    await expect(saveDocument(db, broken)).rejects.toThrow();
    const { documents, embeddings } = await loadLibrary(db);
    expect(documents).toEqual([]);
    expect(embeddings).toEqual([]);
    expect(await getFile(db, docId)).toBeUndefined();
  });

  it('lists conversations most recently updated first', async () => {
    const db = await openLibraryDb(freshName());
    const conversation = (id: string, updatedAt: number): Conversation => ({ id, title: id, createdAt: 0, updatedAt, turns: [] });
    await saveConversation(db, conversation('old', 1));
    await saveConversation(db, conversation('new', 2));
    expect((await loadConversations(db)).map((c) => c.id)).toEqual(['new', 'old']);
  });

  it('migrates a version 1 library to version 2 without losing documents', async () => {
    const name = freshName();
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('documents', { keyPath: 'id' });
        db.createObjectStore('chunks', { keyPath: 'id' }).createIndex('by-doc', 'docId');
        db.createObjectStore('embeddings', { keyPath: 'docId' });
      },
    });
    await v1.put('documents', bundle.document);
    await v1.put('chunks', chunk);
    await v1.put('embeddings', bundle.embeddings);
    v1.close();

    const db = await openLibraryDb(name);
    expect(db.version).toBe(2);
    expect((await loadLibrary(db)).documents).toEqual([bundle.document]);
    await saveConversation(db, { id: 'c', title: 'c', createdAt: 0, updatedAt: 0, turns: [] });
    expect(await loadConversations(db)).toHaveLength(1);
  });
});
