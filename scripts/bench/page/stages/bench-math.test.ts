import { describe, expect, it } from 'vitest';
import { topK } from './query';
import { percentile } from './stats';
import { clusteredVectors, queriesNear } from './synthetic';

describe('the bench baseline and statistics', () => {
  it('topK returns the rows of the k largest dot products, best first', () => {
    const dims = 8;
    const matrix = clusteredVectors(500, dims, { seed: 3 });
    const [{ vector }] = queriesNear(matrix, dims, 1);
    const scores = Array.from({ length: 500 }, (_, row) => matrix.subarray(row * dims, (row + 1) * dims).reduce((sum, x, i) => sum + x * vector[i], 0));
    const expected = scores
      .map((score, row) => ({ score, row }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10)
      .map(({ row }) => row);
    expect(topK(matrix, dims, vector, 10)).toEqual(expected);
  });

  it('synthetic vectors are unit length and the same on every run', () => {
    const a = clusteredVectors(50, 16);
    const b = clusteredVectors(80, 16);
    expect(Array.from(a)).toEqual(Array.from(b.subarray(0, a.length)));
    for (let row = 0; row < 50; row++) expect(Math.hypot(...a.subarray(row * 16, (row + 1) * 16))).toBeCloseTo(1, 5);
  });

  it('percentile is the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
  });
});
