import { mean, ndcgAt, recallAt } from '../../../src/core/eval-metrics';
import type { BeirFigures } from './types';

export function scoreRanking(ranked: readonly string[], judgments: ReadonlyMap<string, number>): BeirFigures {
  return { ndcg10: ndcgAt(ranked, judgments, 10), recall10: recallAt(ranked, judgments, 10), recall100: recallAt(ranked, judgments, 100) };
}

export function averageFigures(figures: readonly BeirFigures[]): BeirFigures {
  return { ndcg10: mean(figures.map((f) => f.ndcg10)), recall10: mean(figures.map((f) => f.recall10)), recall100: mean(figures.map((f) => f.recall100)) };
}
