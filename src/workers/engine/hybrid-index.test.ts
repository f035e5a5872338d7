import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { withPageStarts } from '../../core/chunking';
import { asDocId, chunkIdOf, type DocId } from '../../core/ids';
import type { Chunk } from '../../core/library';
import { HybridIndex } from './hybrid-index';
import { KeywordIndex } from './keyword-index';
import { loadKeywordIndex, openLibraryDb, saveDocument, saveKeywordIndex, type LibraryDb, type StoredPage } from './storage';

let databases = 0;
/** A document of one chunk per page, offsets as the chunker gives them; its pages as stored. */
function documentOf(docId: DocId, texts: string[]): { chunks: Chunk[]; pages: StoredPage[] } {
  const pages = withPageStarts(texts.map((text, i) => ({ docId, page: i + 1, text })));
  return {
    chunks: pages.map(({ page, start, text }, i) => ({ id: chunkIdOf(docId, i), docId, ordinal: i, text, pageStart: page, pageEnd: page, charStart: start, charEnd: start + text.length })),
    pages,
  };
}
const harbor = asDocId('harbor');
const space = asDocId('space');
const harborDocument = documentOf(harbor, ['The harbor opened in 1871 for the fishing fleet.', 'Her cat Marmalade sleeps on the lantern gallery.']);
const spaceDocument = documentOf(space, ['The Borealis satellite was launched from Kourou.']);
const harborChunks = harborDocument.chunks;
const spaceChunks = spaceDocument.chunks;
// Two-dimensional "embeddings": harbor things point one way, space things the other.
const vectorsOf = (chunks: Chunk[]) => Float32Array.from(chunks.flatMap((c) => (c.docId === harbor ? [1, 0.1 * c.ordinal] : [0, 1])));

async function libraryWith(...docs: { chunks: Chunk[]; pages: StoredPage[] }[]): Promise<LibraryDb> {
  const db = await openLibraryDb(`hybrid-${databases++}`);
  for (const { chunks, pages } of docs) {
    const docId = chunks[0].docId;
    await saveDocument(db, {
      document: { id: docId, name: `${docId}.txt`, format: 'text', bytes: 1, pageCount: pages.length, chunkCount: chunks.length, addedAt: 0 },
      pages,
      chunks,
      embeddings: { docId, modelId: 'm', dims: 2, chunkIds: chunks.map((c) => c.id), vectors: vectorsOf(chunks) },
    });
  }
  return db;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('KeywordIndex', () => {
  it('matches stemmed words and ignores stop words', () => {
    const index = KeywordIndex.empty();
    index.add(harbor, harborChunks);
    expect(index.search('sleeping cats', 5).map((hit) => hit.id)).toEqual([harborChunks[1].id]);
    expect(index.search('the of and', 5)).toEqual([]);
  });

  it('survives being stored and restored, and forgets removed documents', () => {
    const index = KeywordIndex.empty();
    index.add(harbor, harborChunks);
    index.add(space, spaceChunks);
    const restored = KeywordIndex.restore(structuredClone(index.toStored()));
    expect(restored.search('Kourou', 5).map((hit) => hit.id)).toEqual([spaceChunks[0].id]);
    restored.remove(space);
    expect(restored.search('Kourou', 5)).toEqual([]);
    expect([...restored.docIds]).toEqual([harbor]);
  });
});

describe('HybridIndex', () => {
  it('fuses keyword and vector rankings, with both scores on each hit', async () => {
    const db = await libraryWith(harborDocument, spaceDocument);
    const index = await HybridIndex.open(db, 'm', [harbor, space], []);
    index.add(harbor, harborChunks, { modelId: 'm', vectors: vectorsOf(harborChunks), dims: 2 });
    index.add(space, spaceChunks, { modelId: 'm', vectors: vectorsOf(spaceChunks), dims: 2 });
    const [best] = index.search('When was Borealis launched?', Float32Array.of(0, 1), { limit: 3 });
    expect(best.id).toBe(spaceChunks[0].id);
    expect(best.scores.similarity).toBeCloseTo(1, 5);
    expect(best.scores.keyword).toBeGreaterThan(0);
  });

  it("adds a follow-up's keyword hits after the best first ones, marked with the names followed, similarity still to the question", async () => {
    const db = await libraryWith(harborDocument, spaceDocument);
    const index = await HybridIndex.open(db, 'm', [harbor, space], []);
    index.add(harbor, harborChunks, { modelId: 'm', vectors: vectorsOf(harborChunks), dims: 2 });
    index.add(space, spaceChunks, { modelId: 'm', vectors: vectorsOf(spaceChunks), dims: 2 });
    const question = Float32Array.of(1, 0);
    const first = index.search('When did the harbor open?', question, { limit: 1 });
    const hits = index.followUp(first, { names: ['Borealis'], query: 'Borealis launched' }, question, { limit: 3 });
    expect(hits.map((hit) => hit.id)).toEqual([harborChunks[0].id, spaceChunks[0].id]);
    expect(hits[1]).toMatchObject({ followed: 'Borealis', scores: { similarity: expect.closeTo(0, 5), keyword: expect.any(Number) } });
    expect(hits[0].followed).toBeUndefined();
  });

  it('finds passages by keywords alone when there is no query embedding', async () => {
    const db = await libraryWith(harborDocument);
    const index = await HybridIndex.open(db, 'm', [harbor], []);
    const hits = index.search('Marmalade', undefined, { limit: 3 });
    expect(hits.map((hit) => hit.id)).toEqual([harborChunks[1].id]);
    expect(hits[0].scores.similarity).toBeUndefined();
  });

  it('searches only the chosen documents', async () => {
    const db = await libraryWith(harborDocument, spaceDocument);
    const index = await HybridIndex.open(db, 'm', [harbor, space], []);
    index.add(harbor, harborChunks, { modelId: 'm', vectors: vectorsOf(harborChunks), dims: 2 });
    index.add(space, spaceChunks, { modelId: 'm', vectors: vectorsOf(spaceChunks), dims: 2 });
    const hits = index.search('Borealis launched', Float32Array.of(0, 1), { limit: 5, onlyDocs: new Set([harbor]) });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.id.startsWith('harbor#'))).toBe(true);
  });

  it('rebuilds missing keyword entries from stored chunks on open, and drops entries of deleted documents', async () => {
    const db = await libraryWith(harborDocument, spaceDocument);
    // A stored index that knows a document no longer in the library, and misses one that is.
    const stale = KeywordIndex.empty();
    stale.add(asDocId('gone'), documentOf(asDocId('gone'), ['Ghost words here.']).chunks);
    stale.add(harbor, harborChunks);
    await saveKeywordIndex(db, stale.toStored());

    const index = await HybridIndex.open(db, 'm', [harbor, space], []);
    expect(index.search('Kourou', undefined, { limit: 3 }).map((hit) => hit.id)).toEqual([spaceChunks[0].id]);
    expect(index.search('ghost', undefined, { limit: 3 })).toEqual([]);
    await settle();
    expect((await loadKeywordIndex(db))!.chunksOf.map(([docId]) => docId).sort()).toEqual([harbor, space]);
  });

  it('rebuilds a keyword index it cannot read from the stored chunks', async () => {
    const db = await libraryWith(harborDocument, spaceDocument);
    await db.put('keyword-index', { gzippedJson: new TextEncoder().encode('not gzip at all') }, 'current');
    const index = await HybridIndex.open(db, 'm', [harbor, space], []);
    expect(index.search('Kourou', undefined, { limit: 3 }).map((hit) => hit.id)).toEqual([spaceChunks[0].id]);
    await settle();
    expect((await loadKeywordIndex(db))!.chunksOf.map(([docId]) => docId).sort()).toEqual([harbor, space]);
  });

  it('restores vectors of the current model only', async () => {
    const db = await libraryWith(harborDocument);
    const embeddings = [{ docId: harbor, modelId: 'other', dims: 2, chunkIds: harborChunks.map((c) => c.id), vectors: vectorsOf(harborChunks) }];
    const index = await HybridIndex.open(db, 'm', [harbor], embeddings);
    expect(index.vectors.size).toBe(0);
  });
});
