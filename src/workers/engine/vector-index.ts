import type { Voy } from 'voy-search';
import type { ChunkId } from '../../core/ids';
import { dot, normalized, sameVector, vectorKey } from '../../core/vectors';

/** Voy's k-d tree has a fixed 768 dimensions: it zero-pads shorter vectors and silently truncates longer ones. */
export const MAX_DIMENSIONS = 768;

export interface ScoredChunk {
  id: ChunkId;
  score: number;
}

interface Point {
  /** The vector every chunk in `members` has, exactly. */
  vector: Float32Array;
  members: ChunkId[];
}

/**
 * The dense index: Voy for nearest-neighbour search, guarded against its failure modes, with exact cosine scores.
 * - 33 or more identical vectors make Voy panic and poison its wasm instance (repeated headers, blank pages), so
 *   Voy holds each distinct vector once and the index expands a hit to every chunk sharing it.
 * - Voy takes plain arrays, not Float32Array, and ranks by L2 distance, which matches cosine only for unit vectors.
 * - Voy returns no scores, so candidates are re-scored against the stored vectors.
 */
export class VectorIndex {
  readonly #points = new Map<string, Point>();
  #dims: number | undefined;

  private constructor(
    readonly modelId: string,
    private readonly voy: Voy,
  ) {}

  /**
   * Voy's module instantiates its wasm with a top-level await; imported statically it would hold up the worker's
   * first messages until it resolves (and a module worker drops messages that arrive before its listener exists).
   */
  static async create(modelId: string): Promise<VectorIndex> {
    const { Voy } = await import('voy-search');
    return new VectorIndex(modelId, new Voy());
  }

  get dims(): number | undefined {
    return this.#dims;
  }

  add(entries: readonly { id: ChunkId; vector: Float32Array }[]): void {
    const fresh: { id: string; title: string; url: string; embeddings: number[] }[] = [];
    for (const entry of entries) {
      const vector = normalized(this.#checked(entry.vector));
      let key = vectorKey(vector);
      // A hash collision between different vectors gets its own key rather than a wrong group.
      while (this.#points.has(key) && !sameVector(this.#points.get(key)!.vector, vector)) key += '+';
      const point = this.#points.get(key);
      if (point) {
        point.members.push(entry.id);
        continue;
      }
      this.#points.set(key, { vector, members: [entry.id] });
      fresh.push({ id: key, title: '', url: '', embeddings: Array.from(vector) });
    }
    if (fresh.length > 0) this.voy.add({ embeddings: fresh });
  }

  /** Removes chunks; a point leaves Voy with its last chunk (Voy needs the exact vector, or it keeps a ghost). */
  remove(ids: ReadonlySet<ChunkId>): void {
    const emptied: { id: string; title: string; url: string; embeddings: number[] }[] = [];
    for (const [key, point] of this.#points) {
      point.members = point.members.filter((member) => !ids.has(member));
      if (point.members.length > 0) continue;
      this.#points.delete(key);
      emptied.push({ id: key, title: '', url: '', embeddings: Array.from(point.vector) });
    }
    if (emptied.length > 0) this.voy.remove({ embeddings: emptied });
  }

  search(query: Float32Array, limit: number): ScoredChunk[] {
    if (this.#points.size === 0 || limit <= 0) return [];
    const unit = normalized(this.#checked(query));
    const { neighbors } = this.voy.search(unit, Math.min(limit, this.#points.size));
    return neighbors
      .flatMap(({ id }) => {
        const point = this.#points.get(id)!;
        const score = dot(unit, point.vector);
        return point.members.map((member) => ({ id: member, score }));
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }

  #checked(vector: Float32Array): Float32Array {
    if (vector.length > MAX_DIMENSIONS) {
      throw new Error(`Embeddings of ${vector.length} dimensions exceed the vector index's limit of ${MAX_DIMENSIONS}.`);
    }
    this.#dims ??= vector.length;
    if (vector.length !== this.#dims) {
      throw new Error(`Embedding has ${vector.length} dimensions; this index holds ${this.#dims}-dimensional vectors.`);
    }
    if (!vector.every(Number.isFinite)) throw new Error('Embedding contains a value that is not a finite number.');
    return vector;
  }
}
