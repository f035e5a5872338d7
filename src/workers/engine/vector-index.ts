import type { Voy } from 'voy-search';
import { BestChunks, type ScoredChunk } from '../../core/best-chunks';
import { docIdOf, type ChunkId, type DocId } from '../../core/ids';
import { dot, normalized, sameVector, vectorKey } from '../../core/vectors';

/** Voy's k-d tree has a fixed 768 dimensions: it zero-pads shorter vectors and silently truncates longer ones. */
export const MAX_DIMENSIONS = 768;

/** Voy fails to build 70k vectors in one go (`unwrap_throw failed`); batches of this size build fine. */
const VOY_BATCH = 10_000;
/** Vectors per step of a background build: small enough (~40 ms) that a search arriving mid-step is hardly held up. */
const BACKGROUND_BATCH = 500;

type VoyEntry = { id: string; title: string; url: string; embeddings: number[] };

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
 * - Voy returns an id added twice twice, so a chunk already indexed is not added again.
 * - Voy's remove needs the exact vector (else it leaves a ghost point), so removal uses the stored one.
 * - Voy silently truncates past 768 dimensions and checks no query, so dimensions are checked here.
 * - Voy cannot build 70k vectors in one call, so vectors go in by batches.
 * After a reload, building Voy is most of the time to the first answer (3.3 s of 4.7 s at 50k chunks, `npm run
 * bench`), so the stored vectors go into Voy in the background while an exact scan answers, as fast or faster.
 */
export class VectorIndex {
  readonly #points = new Map<string, Point>();
  /** Chunk id to the key of its point. */
  readonly #pointOf = new Map<ChunkId, string>();
  /** Points not yet in Voy (a background build under way): searches scan exactly until it is done. */
  readonly #unbuilt = new Set<string>();
  #building = false;
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

  get size(): number {
    return this.#pointOf.size;
  }

  /** Whether every point is in Voy (false while a background build runs). */
  get built(): boolean {
    return this.#unbuilt.size === 0;
  }

  /** Adds chunks; `background`: they are searchable at once, and enter Voy a batch at a time, between searches. */
  add(entries: readonly { id: ChunkId; vector: Float32Array }[], { background = false } = {}): void {
    const fresh: string[] = [];
    for (const entry of entries) {
      if (this.#pointOf.has(entry.id)) continue;
      const vector = normalized(this.#checked(entry.vector));
      let key = vectorKey(vector);
      // A hash collision between different vectors gets its own key rather than a wrong group.
      while (this.#points.has(key) && !sameVector(this.#points.get(key)!.vector, vector)) key += '+';
      this.#pointOf.set(entry.id, key);
      const point = this.#points.get(key);
      if (point) {
        point.members.push(entry.id);
        continue;
      }
      this.#points.set(key, { vector, members: [entry.id] });
      fresh.push(key);
    }
    if (background) {
      for (const key of fresh) this.#unbuilt.add(key);
      this.#buildInBackground();
      return;
    }
    for (let start = 0; start < fresh.length; start += VOY_BATCH) this.voy.add({ embeddings: fresh.slice(start, start + VOY_BATCH).map((key) => this.#entry(key)) });
  }

  #entry(key: string): VoyEntry {
    return { id: key, title: '', url: '', embeddings: Array.from(this.#points.get(key)!.vector) };
  }

  #buildInBackground(): void {
    if (this.#building) return;
    this.#building = true;
    const step = () => {
      const batch: string[] = [];
      for (const key of this.#unbuilt) {
        if (batch.length === BACKGROUND_BATCH) break;
        batch.push(key);
      }
      if (batch.length === 0) {
        this.#building = false;
        return;
      }
      for (const key of batch) this.#unbuilt.delete(key);
      this.voy.add({ embeddings: batch.map((key) => this.#entry(key)) });
      setTimeout(step, 0);
    };
    setTimeout(step, 0);
  }

  /** Cosine similarity of a chunk's vector with a (unit) query, or undefined for a chunk not in the index. */
  similarity(query: Float32Array, id: ChunkId): number | undefined {
    const key = this.#pointOf.get(id);
    return key === undefined ? undefined : dot(query, this.#points.get(key)!.vector);
  }

  /** Exact search over the chunks of some documents only (Voy's nearest neighbours may all lie elsewhere). */
  scan(query: Float32Array, limit: number, onlyDocs: ReadonlySet<DocId>): ScoredChunk[] {
    return this.#exact(normalized(this.#checked(query)), limit, (member) => onlyDocs.has(docIdOf(member)));
  }

  #exact(unit: Float32Array, limit: number, keep: (member: ChunkId) => boolean = () => true): ScoredChunk[] {
    const similarities = this.#similarities(unit);
    const best = new BestChunks(limit);
    let i = 0;
    for (const { members } of this.#points.values()) {
      const score = similarities[i++];
      for (const member of members) if (best.admits(score) && keep(member)) best.offer(member, score);
    }
    return best.sorted();
  }

  /**
   * The query's cosine with every point, in the order of `#points`. A loop of dot products alone: V8 compiles it
   * tighter than a loop that also selects (50k points of 384 dimensions in Node: 31 ms, against 61 ms in one loop).
   */
  #similarities(unit: Float32Array): Float64Array {
    const similarities = new Float64Array(this.#points.size);
    let i = 0;
    for (const point of this.#points.values()) similarities[i++] = dot(unit, point.vector);
    return similarities;
  }

  /** Removes chunks; a point leaves Voy with its last chunk (Voy needs the exact vector, or it keeps a ghost). */
  remove(ids: ReadonlySet<ChunkId>): void {
    const emptied: VoyEntry[] = [];
    for (const id of ids) {
      const key = this.#pointOf.get(id);
      if (key === undefined) continue;
      this.#pointOf.delete(id);
      const point = this.#points.get(key)!;
      point.members = point.members.filter((member) => member !== id);
      if (point.members.length > 0) continue;
      if (this.#unbuilt.delete(key)) {
        this.#points.delete(key);
        continue;
      }
      emptied.push(this.#entry(key));
      this.#points.delete(key);
    }
    if (emptied.length > 0) this.voy.remove({ embeddings: emptied });
  }

  search(query: Float32Array, limit: number): ScoredChunk[] {
    if (this.#points.size === 0 || limit <= 0) return [];
    const unit = normalized(this.#checked(query));
    if (!this.built) return this.#exact(unit, limit);
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
