import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { chunkPages, withPageStarts } from '../../core/chunking';
import type { Conversation } from '../../core/conversation';
import { asDocId, chunkIdOf } from '../../core/ids';
import type { Chunk } from '../../core/library';
import { KeywordIndex } from './keyword-index';
import {
  getChunks,
  getChunksOf,
  getFile,
  getPage,
  loadConversations,
  loadKeywordIndex,
  loadLibrary,
  openLibraryDb,
  saveConversation,
  saveDocument,
  saveKeywordIndex,
} from './storage';

let databases = 0;
const freshName = () => `docent-test-${databases++}`;
const docId = asDocId('d1');
const texts = ['Hello.', 'The treaty was signed in the spring of', '1648 at Münster. Peace followed.'];
const pages = withPageStarts(texts.map((text, i) => ({ docId, page: i + 1, text })));
// Small chunks, one of which runs over the page break between pages 2 and 3.
const chunks: Chunk[] = chunkPages(docId, pages, { maxChars: 60, overlapChars: 0 }).map(({ contextText, ...chunk }) => chunk);
const chunk = chunks[0];
const document = { id: docId, name: 'a.pdf', format: 'pdf' as const, bytes: 10, pageCount: 3, chunkCount: chunks.length, addedAt: 1 };
const bundle = {
  document,
  file: { docId, type: 'application/pdf', blob: new Blob(['%PDF-1.7']) },
  pages,
  chunks,
  embeddings: { docId, modelId: 'm', dims: 2, chunkIds: chunks.map((c) => c.id), vectors: new Float32Array(chunks.flatMap(() => [0.6, 0.8])) },
};

describe('library storage', () => {
  it('stores a document with its file, pages, chunks and binary vectors, and reads them back', async () => {
    const db = await openLibraryDb(freshName());
    await saveDocument(db, bundle);
    const { documents, embeddings } = await loadLibrary(db);
    expect(documents).toEqual([bundle.document]);
    expect(embeddings[0].vectors).toBeInstanceOf(Float32Array);
    expect([...embeddings[0].vectors]).toEqual([...bundle.embeddings.vectors]);
    expect(await getChunks(db, [chunk.id])).toEqual([chunk]);
    expect(await getChunksOf(db, docId)).toEqual(chunks);
    expect((await getPage(db, docId, 2))?.text).toBe(texts[1]);
    expect((await getFile(db, docId))?.type).toBe('application/pdf');
  });

  it('stores the text once, in the pages: chunks read theirs back from the pages they span', async () => {
    const db = await openLibraryDb(freshName());
    await saveDocument(db, bundle);
    expect(await db.get('chunks', chunk.id)).not.toHaveProperty('text');
    const spanning = chunks.find((c) => c.pageStart !== c.pageEnd)!;
    expect(spanning.text).toBe('The treaty was signed in the spring of\n\n1648 at Münster.');
    expect(await getChunks(db, [spanning.id, chunkIdOf(docId, 99), chunk.id])).toEqual([spanning, chunk]);
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

  it('stores the keyword index compressed and restores it whole', async () => {
    const db = await openLibraryDb(freshName());
    const index = KeywordIndex.empty();
    index.add(docId, chunks);
    await saveKeywordIndex(db, index.toStored());
    const stored = await db.get('keyword-index', 'current');
    expect(stored?.gzippedJson).toBeInstanceOf(Uint8Array);
    const restored = KeywordIndex.restore((await loadKeywordIndex(db))!);
    expect(restored.search('Münster treaty', 5)).toEqual(index.search('Münster treaty', 5));
  });

  it('lists conversations most recently updated first', async () => {
    const db = await openLibraryDb(freshName());
    const conversation = (id: string, updatedAt: number): Conversation => ({ id, title: id, createdAt: 0, updatedAt, turns: [] });
    await saveConversation(db, conversation('old', 1));
    await saveConversation(db, conversation('new', 2));
    expect((await loadConversations(db)).map((c) => c.id)).toEqual(['new', 'old']);
  });
});

describe('library schema migrations', () => {
  const v1Stores = (db: Parameters<Parameters<typeof openDB>[2] extends infer O ? (O extends { upgrade?: infer U } ? U : never) : never>[0]) => {
    db.createObjectStore('documents', { keyPath: 'id' });
    db.createObjectStore('chunks', { keyPath: 'id' }).createIndex('by-doc', 'docId');
    db.createObjectStore('embeddings', { keyPath: 'docId' });
  };

  it('migrates a version 1 library (no pages) without losing a chunk of text', async () => {
    const name = freshName();
    const v1 = await openDB(name, 1, { upgrade: v1Stores });
    await v1.put('documents', document);
    for (const c of chunks) await v1.put('chunks', c);
    await v1.put('embeddings', bundle.embeddings);
    v1.close();

    const db = await openLibraryDb(name);
    expect(db.version).toBe(3);
    expect((await loadLibrary(db)).documents).toEqual([document]);
    expect(await getChunksOf(db, docId)).toEqual(chunks);
    expect((await getPage(db, docId, 1))?.text).toBe('Hello.');
    await saveConversation(db, { id: 'c', title: 'c', createdAt: 0, updatedAt: 0, turns: [] });
    expect(await loadConversations(db)).toHaveLength(1);
  });

  it('migrates a version 1 chunk that runs onto a page where no chunk starts', async () => {
    const name = freshName();
    const text = 'A sentence that runs over the break\n\nonto the next page.';
    const running = { id: chunkIdOf(docId, 0), docId, ordinal: 0, text, pageStart: 1, pageEnd: 2, charStart: 0, charEnd: text.length };
    const v1 = await openDB(name, 1, { upgrade: v1Stores });
    await v1.put('documents', { ...document, pageCount: 2, chunkCount: 1 });
    await v1.put('chunks', running);
    v1.close();

    const db = await openLibraryDb(name);
    expect(await getChunksOf(db, docId)).toEqual([running]);
    expect(await getChunks(db, [running.id])).toEqual([running]);
  });

  it('migrates a version 2 library: text once in the pages, files of PDFs only, keyword index to rebuild', async () => {
    const name = freshName();
    const v2 = await openDB(name, 2, {
      upgrade(db) {
        v1Stores(db);
        db.createObjectStore('files', { keyPath: 'docId' });
        db.createObjectStore('pages', { keyPath: ['docId', 'page'] }).createIndex('by-doc', 'docId');
        db.createObjectStore('conversations', { keyPath: 'id' }).createIndex('by-updated', 'updatedAt');
        db.createObjectStore('keyword-index');
      },
    });
    const notes = asDocId('notes');
    const noteChunk = { id: chunkIdOf(notes, 0), docId: notes, ordinal: 0, text: 'Notes.', pageStart: 1, pageEnd: 1, charStart: 0, charEnd: 6 };
    await v2.put('documents', document);
    await v2.put('documents', { ...document, id: notes, name: 'notes.md', format: 'markdown', pageCount: 1, chunkCount: 1 });
    for (const c of [...chunks, noteChunk]) await v2.put('chunks', c);
    for (const { start, ...page } of pages) await v2.put('pages', page);
    await v2.put('pages', { docId: notes, page: 1, text: 'Notes.' });
    await v2.put('files', bundle.file);
    await v2.put('files', { docId: notes, type: 'text/markdown', blob: new Blob(['Notes.']) });
    await v2.put('keyword-index', { index: {}, chunksOf: [] }, 'current');
    v2.close();

    const db = await openLibraryDb(name);
    expect(db.version).toBe(3);
    expect(await getChunksOf(db, docId)).toEqual(chunks);
    expect(await getChunksOf(db, notes)).toEqual([noteChunk]);
    expect((await db.getAll('chunks')).every((c) => !('text' in c))).toBe(true);
    expect((await db.getAll('pages')).map((page) => page.start)).toEqual([...pages.map((page) => page.start), 0]);
    expect(await getFile(db, docId)).toBeDefined();
    expect(await getFile(db, notes)).toBeUndefined();
    expect(await loadKeywordIndex(db)).toBeUndefined();
  });
});
