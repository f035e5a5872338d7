import type { ChunkId } from './ids';

export interface ScoredChunk {
  id: ChunkId;
  score: number;
}

/**
 * The `limit` best-scoring of the chunks offered, best first; of equal scores, the one offered first (what a stable
 * sort of them all would keep). A min-heap holds the best so far, so a search over 50k chunks sorts only `limit`.
 */
export class BestChunks {
  /** Worst at the root: the lowest score, and of equal scores the one offered last. */
  readonly #heap: { id: ChunkId; score: number; order: number }[] = [];
  #offered = 0;

  constructor(private readonly limit: number) {}

  /** Whether a chunk with this score, offered next, would be kept: before anything costlier is checked about it. */
  admits(score: number): boolean {
    if (this.#heap.length < this.limit) return true;
    return this.limit > 0 && score > this.#heap[0].score;
  }

  offer(id: ChunkId, score: number): void {
    if (!this.admits(score)) return;
    const entry = { id, score, order: this.#offered++ };
    if (this.#heap.length < this.limit) {
      this.#heap.push(entry);
      this.#siftUp(this.#heap.length - 1);
    } else {
      this.#heap[0] = entry;
      this.#siftDown(0);
    }
  }

  sorted(): ScoredChunk[] {
    return [...this.#heap].sort((a, b) => b.score - a.score || a.order - b.order).map(({ id, score }) => ({ id, score }));
  }

  #worse(i: number, j: number): boolean {
    const a = this.#heap[i];
    const b = this.#heap[j];
    return a.score < b.score || (a.score === b.score && a.order > b.order);
  }

  #swap(i: number, j: number): void {
    [this.#heap[i], this.#heap[j]] = [this.#heap[j], this.#heap[i]];
  }

  #siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#worse(i, parent)) return;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #siftDown(i: number): void {
    for (;;) {
      let worst = i;
      for (const child of [2 * i + 1, 2 * i + 2]) if (child < this.#heap.length && this.#worse(child, worst)) worst = child;
      if (worst === i) return;
      this.#swap(i, worst);
      i = worst;
    }
  }
}
