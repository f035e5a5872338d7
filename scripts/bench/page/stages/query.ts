import type { ChunkId } from '../../../../src/core/ids';
import type { HybridIndex } from '../../../../src/workers/engine/hybrid-index';

/** A query as the engine sees it: the question's text and its embedding; `target` is the chunk it was made from. */
export interface BenchQuery {
  text: string;
  vector: Float32Array;
  target: ChunkId;
}

/** What every retriever can use: the live index the engine would hold, and all vectors in one matrix. */
export interface SearchContext {
  hybrid: HybridIndex;
  ids: ChunkId[];
  matrix: Float32Array;
  dims: number;
}

/**
 * One way of finding the top-k chunks. The query stage times every entry the same way at every library size, and
 * reports how often it returns the chunk the query was made from and its agreement with the exact scan's top-k.
 * A new retrieval path (a reranker, a filter) is one more entry here.
 */
export interface Retriever {
  name: string;
  kind: 'dense' | 'keyword' | 'hybrid' | 'baseline';
  search(context: SearchContext, query: BenchQuery, k: number): ChunkId[];
}

export const RETRIEVERS: Retriever[] = [
  {
    name: 'dense: VectorIndex (Voy + exact re-score)',
    kind: 'dense',
    search: ({ hybrid }, query, k) => hybrid.vectors.search(query.vector, k).map((hit) => hit.id),
  },
  {
    name: 'keyword: HybridIndex without a vector (MiniSearch BM25)',
    kind: 'keyword',
    search: ({ hybrid }, query, k) => hybrid.search(query.text, undefined, { limit: k }).map((hit) => hit.id),
  },
  {
    name: 'hybrid: HybridIndex (dense + BM25, RRF)',
    kind: 'hybrid',
    search: ({ hybrid }, query, k) => hybrid.search(query.text, query.vector, { limit: k }).map((hit) => hit.id),
  },
  {
    name: 'baseline: exact Float32Array scan',
    kind: 'baseline',
    search: ({ ids, matrix, dims }, query, k) => topK(matrix, dims, query.vector, k).map((row) => ids[row]),
  },
];

/** Rows of the k best dot products with `query`, best first. */
export function topK(matrix: Float32Array, dims: number, query: Float32Array, k: number): number[] {
  const rows = matrix.length / dims;
  const bestRows: number[] = [];
  const bestScores: number[] = [];
  for (let row = 0; row < rows; row++) {
    let score = 0;
    const offset = row * dims;
    for (let i = 0; i < dims; i++) score += matrix[offset + i] * query[i];
    if (bestRows.length === k && score <= bestScores[k - 1]) continue;
    let at = bestRows.length === k ? k - 1 : bestRows.length;
    while (at > 0 && bestScores[at - 1] < score) {
      bestScores[at] = bestScores[at - 1];
      bestRows[at] = bestRows[at - 1];
      at--;
    }
    bestScores[at] = score;
    bestRows[at] = row;
  }
  return bestRows;
}
