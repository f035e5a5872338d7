import { describe, expect, it, vi } from 'vitest';
import { asDocId, chunkIdOf, docIdOf, type DocId } from '../../core/ids';
import { dot, normalized } from '../../core/vectors';
import type { ScoredChunk } from '../../core/best-chunks';
import { VectorIndex } from './vector-index';

const doc = asDocId('doc');
const id = (i: number) => chunkIdOf(doc, i);
const unit = (...values: number[]) => {
  const length = Math.hypot(...values);
  return Float32Array.from(values, (v) => v / length);
};
/** Distinct unit vectors in 8 dimensions, spread around. */
const spread = (i: number) => unit(...Array.from({ length: 8 }, (_, d) => Math.sin(i * (d + 1) * 0.7 + d)));

describe('VectorIndex, guarding Voy', () => {
  it('finds the nearest chunks with exact cosine scores, best first', async () => {
    const index = await VectorIndex.create('m');
    index.add([
      { id: id(0), vector: unit(1, 0) },
      { id: id(1), vector: unit(1, 1) },
      { id: id(2), vector: unit(0, 1) },
    ]);
    const hits = index.search(unit(1, 0.1), 2);
    expect(hits.map((hit) => hit.id)).toEqual([id(0), id(1)]);
    expect(hits[0].score).toBeCloseTo(1 / Math.hypot(1, 0.1), 5);
  });

  it('survives 40 identical vectors (Voy panics on 33) and returns each chunk that has it', async () => {
    const index = await VectorIndex.create('m');
    index.add(Array.from({ length: 40 }, (_, i) => ({ id: id(i), vector: unit(1, 2, 3) })));
    index.add([{ id: id(40), vector: unit(3, 2, 1) }]);
    const hits = index.search(unit(1, 2, 3), 5);
    expect(hits).toHaveLength(5);
    expect(hits.every((hit) => hit.score > 0.999)).toBe(true);
    expect(index.search(unit(3, 2, 1), 1)[0].id).toBe(id(40));
  });

  it('ignores a chunk added twice (Voy would return it twice)', async () => {
    const index = await VectorIndex.create('m');
    index.add([{ id: id(0), vector: unit(1, 0) }, { id: id(1), vector: unit(0, 1) }]);
    index.add([{ id: id(0), vector: unit(1, 0) }]);
    expect(index.search(unit(1, 0), 3).map((hit) => hit.id)).toEqual([id(0), id(1)]);
  });

  it('removes with the stored vector, leaving no ghost points that shrink later results', async () => {
    const index = await VectorIndex.create('m');
    index.add(Array.from({ length: 20 }, (_, i) => ({ id: id(i), vector: spread(i) })));
    index.remove(new Set([0, 1, 2, 3, 4].map(id)));
    const hits = index.search(spread(0), 15);
    expect(hits).toHaveLength(15);
    expect(hits.some((hit) => [0, 1, 2, 3, 4].map(id).includes(hit.id))).toBe(false);
  });

  it('refuses vectors longer than Voy can hold, and vectors or queries of another length', async () => {
    const index = await VectorIndex.create('m');
    expect(() => index.add([{ id: id(0), vector: new Float32Array(769).fill(0.03) }])).toThrow(/769 dimensions exceed .* 768/);
    index.add([{ id: id(1), vector: unit(1, 0, 0) }]);
    expect(() => index.add([{ id: id(2), vector: unit(1, 0) }])).toThrow(/2 dimensions; this index holds 3/);
    expect(() => index.search(unit(1, 0), 1)).toThrow(/2 dimensions; this index holds 3/);
  });

  it('normalizes vectors, so Voy\'s L2 ranking is cosine ranking', async () => {
    const index = await VectorIndex.create('m');
    index.add([{ id: id(0), vector: Float32Array.of(10, 0) }, { id: id(1), vector: Float32Array.of(0.6, 0.8) }]);
    const [best] = index.search(Float32Array.of(0.6, 0.8), 1);
    expect(best.id).toBe(id(1));
    expect(best.score).toBeCloseTo(1, 5);
  });

  it('builds past Voy\'s single-build limit of about 70k vectors by adding in batches', async () => {
    // 384 dimensions, as real embeddings have (low-dimensional synthetic vectors trip other limits of Voy's tree).
    const embedding = (i: number) => unit(...Array.from({ length: 384 }, (_, d) => Math.sin(i * (d + 1) * 0.7 + d)));
    const index = await VectorIndex.create('m');
    index.add(Array.from({ length: 70_000 }, (_, i) => ({ id: id(i), vector: embedding(i) })));
    expect(index.size).toBe(70_000);
    expect(index.search(embedding(123), 1)[0].id).toBe(id(123));
  }, 60_000);

  it('answers at once after a reload, exactly, while Voy is built in the background, then the same through Voy', async () => {
    const index = await VectorIndex.create('m');
    const embedding = (i: number) => unit(...Array.from({ length: 384 }, (_, d) => Math.sin(i * (d + 1) * 0.7 + d)));
    index.add(Array.from({ length: 5_000 }, (_, i) => ({ id: id(i), vector: embedding(i) })), { background: true });
    expect(index.built).toBe(false);
    const before = index.search(embedding(42), 5);
    expect(before[0].id).toBe(id(42));
    // A point that never reached Voy is removed from the waiting set, not from Voy (which would leave a ghost).
    index.remove(new Set([id(4_999)]));
    await vi.waitFor(() => expect(index.built).toBe(true), { timeout: 30_000 });
    expect(index.search(embedding(42), 5)).toEqual(before);
    expect(index.search(embedding(4_998), 20)).toHaveLength(20);
    expect(index.search(embedding(4_999), 20).some((hit) => hit.id === id(4_999))).toBe(false);
  }, 60_000);

  it('searches only the chosen documents, exactly', async () => {
    const index = await VectorIndex.create('m');
    const other = asDocId('other');
    index.add([{ id: id(0), vector: unit(1, 0) }, { id: chunkIdOf(other, 0), vector: unit(1, 0.2) }]);
    expect(index.scan(unit(1, 0), 5, new Set([other])).map((hit) => hit.id)).toEqual([chunkIdOf(other, 0)]);
  });

  it('scans for the true best chunks, best first, while Voy is built in the background', async () => {
    const index = await VectorIndex.create('m');
    const other = asDocId('other');
    const embedding = (i: number) => unit(...Array.from({ length: 384 }, (_, d) => Math.sin(i * (d + 1) * 0.7 + d)));
    // Every tenth chunk has the vector of the chunk five before it: equal scores, best first in the order added.
    const entries = Array.from({ length: 3_000 }, (_, i) => ({
      id: i % 2 === 0 ? id(i) : chunkIdOf(other, i),
      vector: embedding(i % 10 === 9 ? i - 5 : i),
    }));
    index.add(entries, { background: true });
    const best = (query: Float32Array, limit: number, onlyDocs?: ReadonlySet<DocId>): ScoredChunk[] =>
      entries
        .filter((entry) => !onlyDocs || onlyDocs.has(docIdOf(entry.id)))
        .map((entry) => ({ id: entry.id, score: dot(normalized(query), normalized(entry.vector)) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
    for (const query of [embedding(42), embedding(1_234), unit(...Array.from({ length: 384 }, (_, d) => Math.cos(d * 0.3)))]) {
      for (const limit of [1, 7, 40, 5_000]) {
        expect(index.search(query, limit)).toEqual(best(query, limit));
        expect(index.scan(query, limit, new Set([other]))).toEqual(best(query, limit, new Set([other])));
        expect(index.scan(query, limit, new Set([doc, other]))).toEqual(best(query, limit));
      }
    }
    expect(index.search(embedding(14), 2).map((hit) => hit.id)).toEqual([id(14), chunkIdOf(other, 19)]);
    expect(index.search(embedding(14), 1).map((hit) => hit.id)).toEqual([id(14)]);
    expect(index.built).toBe(false);
  });
});
