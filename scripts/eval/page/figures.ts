import { allRelevantAt, mean, ndcgAt, recallAt } from '../../../src/core/eval-metrics';
import type { BeirFigures } from './types';

/** The cut-offs of "all relevant in the top k", the passage budgets that matter to an answer (6 is the app's). */
export const ALL_RELEVANT_CUTS = [2, 6, 10] as const;

export function scoreRanking(ranked: readonly string[], judgments: ReadonlyMap<string, number>): BeirFigures {
  const allRelevant = ALL_RELEVANT_CUTS.map((k) => allRelevantAt(ranked, judgments, k));
  return {
    ndcg10: ndcgAt(ranked, judgments, 10),
    recall10: recallAt(ranked, judgments, 10),
    recall100: recallAt(ranked, judgments, 100),
    ...(allRelevant[0] === undefined ? {} : { allRelevant: allRelevant as number[] }),
  };
}

export function averageFigures(figures: readonly BeirFigures[]): BeirFigures {
  const multi = figures.flatMap((f) => (f.allRelevant ? [f.allRelevant] : []));
  return {
    ndcg10: mean(figures.map((f) => f.ndcg10)),
    recall10: mean(figures.map((f) => f.recall10)),
    recall100: mean(figures.map((f) => f.recall100)),
    ...(multi.length ? { allRelevant: ALL_RELEVANT_CUTS.map((_, i) => mean(multi.map((each) => each[i]))), multiRelevantQueries: multi.length } : {}),
  };
}
