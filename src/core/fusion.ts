export interface Ranked<Id> {
  id: Id;
  score: number;
}

export interface Fused<Id> {
  id: Id;
  /** Sum over the lists of 1 / (k + rank), ranks from 1. */
  score: number;
  /** The item's score in each list (undefined where the list did not have it), in the order the lists were given. */
  scores: (number | undefined)[];
}

/** The constant of the original paper (Cormack et al., 2009): it keeps the top of any one list from dominating. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion: merges ranked lists whose scores are not comparable (BM25 and cosine) by rank alone.
 * Ties keep the order of first appearance.
 */
export function reciprocalRankFusion<Id>(lists: readonly (readonly Ranked<Id>[])[], k = RRF_K): Fused<Id>[] {
  const fused = new Map<Id, Fused<Id>>();
  lists.forEach((list, which) => {
    list.forEach(({ id, score }, rank) => {
      let entry = fused.get(id);
      if (!entry) {
        entry = { id, score: 0, scores: lists.map(() => undefined) };
        fused.set(id, entry);
      }
      entry.score += 1 / (k + rank + 1);
      entry.scores[which] = score;
    });
  });
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
