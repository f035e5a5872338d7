import { describe, expect, it } from 'vitest';
import { BestChunks } from './best-chunks';
import { asDocId, chunkIdOf } from './ids';

describe('BestChunks', () => {
  it('keeps what a stable sort of every offer would keep first, ties to the earlier offer', () => {
    const doc = asDocId('d');
    // Scores on a coarse grid, so many tie.
    const offers = Array.from({ length: 500 }, (_, i) => ({ id: chunkIdOf(doc, i), score: ((i * 7919) % 23) / 4 }));
    for (const limit of [0, 1, 5, 40, 500, 1000]) {
      const best = new BestChunks(limit);
      for (const { id, score } of offers) best.offer(id, score);
      expect(best.sorted()).toEqual([...offers].sort((a, b) => b.score - a.score).slice(0, limit));
    }
  });

  it('admits a score only while it would be kept', () => {
    const best = new BestChunks(2);
    expect(best.admits(-1)).toBe(true);
    best.offer(chunkIdOf(asDocId('d'), 0), 0.5);
    best.offer(chunkIdOf(asDocId('d'), 1), 0.7);
    expect(best.admits(0.5)).toBe(false);
    expect(best.admits(0.6)).toBe(true);
    expect(new BestChunks(0).admits(1)).toBe(false);
  });
});
