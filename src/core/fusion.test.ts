import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './fusion';

describe('reciprocalRankFusion', () => {
  it('ranks what both lists rank well above what one list ranks first', () => {
    const dense = [{ id: 'a', score: 0.9 }, { id: 'b', score: 0.8 }];
    const keyword = [{ id: 'b', score: 12 }, { id: 'c', score: 7 }];
    const fused = reciprocalRankFusion([dense, keyword]);
    expect(fused.map((hit) => hit.id)).toEqual(['b', 'a', 'c']);
    expect(fused[0].score).toBeCloseTo(1 / 62 + 1 / 61, 10);
  });

  it('keeps each list\'s own score, undefined where the list lacked the item', () => {
    const fused = reciprocalRankFusion([[{ id: 'a', score: 0.5 }], [{ id: 'b', score: 3 }]]);
    expect(fused.find((hit) => hit.id === 'a')!.scores).toEqual([0.5, undefined]);
    expect(fused.find((hit) => hit.id === 'b')!.scores).toEqual([undefined, 3]);
  });

  it('is empty for empty lists and ties keep first appearance', () => {
    expect(reciprocalRankFusion([[], []])).toEqual([]);
    expect(reciprocalRankFusion([[{ id: 'x', score: 1 }], [{ id: 'y', score: 1 }]]).map((hit) => hit.id)).toEqual(['x', 'y']);
  });
});
