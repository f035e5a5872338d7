import { describe, expect, it } from 'vitest';
import { allRelevantAt, answerAppears, isYesNo, matchableAnswer, mean, ndcgAt, rankDocuments, recallAt } from './eval-metrics';

const judged = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('ndcgAt (trec_eval ndcg_cut, as BEIR reports it)', () => {
  it('uses the grade as gain, a log2 discount and the ideal ranking of the judged documents', () => {
    // Run c, x, a, b with grades a=3, b=2, c=1, cut at 3:
    // DCG = 1/log2(2) + 0/log2(3) + 3/log2(4) = 1 + 0 + 1.5 = 2.5
    // IDCG = 3/log2(2) + 2/log2(3) + 1/log2(4) = 3 + 1.2618595 + 0.5 = 4.7618595
    expect(ndcgAt(['c', 'x', 'a', 'b'], judged({ a: 3, b: 2, c: 1 }), 3)).toBeCloseTo(2.5 / 4.7618595, 6);
    expect(ndcgAt(['c', 'x', 'a', 'b'], judged({ a: 3, b: 2, c: 1 }), 3)).toBeCloseTo(0.525005, 5);
  });

  it('is 1 for the ideal order and counts relevant documents the run missed in the ideal', () => {
    expect(ndcgAt(['a', 'b', 'c'], judged({ a: 3, b: 2, c: 1 }), 10)).toBeCloseTo(1, 12);
    // Only a of a, b retrieved: 1 / (1 + 1/log2(3)) = 1 / 1.6309298
    expect(ndcgAt(['a'], judged({ a: 1, b: 1 }), 10)).toBeCloseTo(0.613147, 5);
  });

  it('gives judged non-relevant documents no gain and leaves them out of the ideal', () => {
    // b at rank 2: 1/log2(3) = 0.6309298; ideal: b alone at rank 1 = 1
    expect(ndcgAt(['a', 'b'], judged({ a: 0, b: 1 }), 10)).toBeCloseTo(0.630930, 5);
  });

  it('cuts at k, and is 0 without relevant documents', () => {
    const ranked = [...Array.from({ length: 10 }, (_, i) => `x${i}`), 'a'];
    expect(ndcgAt(ranked, judged({ a: 1 }), 10)).toBe(0);
    expect(ndcgAt(ranked, judged({ a: 1 }), 11)).toBeCloseTo(1 / Math.log2(12), 12);
    expect(ndcgAt(['a'], judged({ a: 0 }), 10)).toBe(0);
  });
});

describe('recallAt', () => {
  it('counts relevant documents (grade > 0) in the first k over all relevant ones', () => {
    const judgments = judged({ a: 1, b: 2, c: 0 });
    expect(recallAt(['c', 'a', 'x'], judgments, 1)).toBe(0);
    expect(recallAt(['c', 'a', 'x'], judgments, 2)).toBe(0.5);
    expect(recallAt(['c', 'a', 'x', 'b'], judgments, 100)).toBe(1);
    expect(recallAt(['a'], judged({ a: 0 }), 10)).toBe(0);
  });
});

describe('rankDocuments', () => {
  const documentOf = (chunk: string) => chunk.split('#')[0];

  it('ranks each document where its best chunk stands', () => {
    expect(rankDocuments(['d1#0', 'd2#0', 'd1#1', 'd3#0', 'd2#1'], documentOf)).toEqual(['d1', 'd2', 'd3']);
  });

  it('stops at the limit and drops the excluded id', () => {
    expect(rankDocuments(['d1#0', 'd2#0', 'd1#1', 'd3#0'], documentOf, 2)).toEqual(['d1', 'd2']);
    expect(rankDocuments(['d1#0', 'd2#0', 'd1#1', 'd3#0'], documentOf, 2, 'd2')).toEqual(['d1', 'd3']);
  });
});

describe('answer checks', () => {
  it('finds an answer ignoring case, white space and its final full stop', () => {
    expect(answerAppears('Sixteenth President.', ['Lincoln was the sixteenth\npresident of the United States'])).toBe(true);
    expect(answerAppears('1863', ['no year here', 'signed in 1863.'])).toBe(true);
    expect(answerAppears('1864', ['signed in 1863.'])).toBe(false);
    expect(answerAppears('  ', ['anything'])).toBe(false);
    expect(matchableAnswer('“Honest Abe.”')).toBe('honest abe');
  });

  it('tells bare yes/no answers', () => {
    expect(isYesNo('Yes.')).toBe(true);
    expect(isYesNo('no')).toBe(true);
    expect(isYesNo('Yes, in 1863')).toBe(false);
  });

  it('averages', () => {
    expect(mean([1, 0, 0.5])).toBe(0.5);
    expect(mean([])).toBeNaN();
  });
});

describe('allRelevantAt', () => {
  const both = new Map([['a', 1], ['b', 1], ['c', 0]]);
  it('is 1 only when every relevant document is in the first k', () => {
    expect(allRelevantAt(['a', 'x', 'b'], both, 2)).toBe(0);
    expect(allRelevantAt(['a', 'x', 'b'], both, 3)).toBe(1);
    expect(allRelevantAt(['c', 'a'], both, 10)).toBe(0);
  });

  it('leaves out a query with fewer than two relevant documents', () => {
    expect(allRelevantAt(['a'], new Map([['a', 1], ['b', 0]]), 6)).toBeUndefined();
  });
});
