import { reciprocalRankFusion, RRF_K } from '../../core/fusion';
import { withFollowUp, type FollowUp } from '../../core/second-hop';
import type { ChunkId, DocId } from '../../core/ids';
import type { Chunk } from '../../core/library';
import { normalized } from '../../core/vectors';
import { KeywordIndex } from './keyword-index';
import { getChunksOf, loadKeywordIndex, saveKeywordIndex, type LibraryDb, type StoredEmbeddings } from './storage';
import { VectorIndex } from './vector-index';

export interface HybridHit {
  id: ChunkId;
  scores: { fused: number; similarity?: number; keyword?: number; rerank?: number };
  /** The names a second hop followed to find this passage, when the question's own search did not. */
  followed?: string;
}

export interface SearchScope {
  limit: number;
  /** Search these documents only; all when absent. */
  onlyDocs?: ReadonlySet<DocId>;
}

/** How long after a change the keyword index is written back; changes in between are written together. */
const PERSIST_DELAY_MS = 300;

/**
 * The stored keyword index, or an empty one when there is none or it cannot be read (a damaged record): either way
 * `open` then indexes every document it lacks from the stored chunks, so nothing is lost.
 */
async function restoreKeywords(db: LibraryDb): Promise<KeywordIndex> {
  try {
    const stored = await loadKeywordIndex(db);
    return stored ? KeywordIndex.restore(stored) : KeywordIndex.empty();
  } catch {
    return KeywordIndex.empty();
  }
}

/**
 * Hybrid retrieval: the dense index (Voy) and the keyword index (BM25) over the same chunks, fused by reciprocal
 * rank. Vectors are stored per document; the keyword index is stored whole and reconciled with the documents on
 * load, so a write it missed (a tab closed mid-way) is repaired rather than lost.
 */
export class HybridIndex {
  #persistTimer: ReturnType<typeof setTimeout> | undefined;

  #vectors: VectorIndex;

  private constructor(
    private readonly db: LibraryDb,
    vectors: VectorIndex,
    private readonly keywords: KeywordIndex,
  ) {
    this.#vectors = vectors;
  }

  get vectors(): VectorIndex {
    return this.#vectors;
  }

  /** Swaps in a dense index built with another embedder, whole: searches use the old one until this moment. */
  replaceVectors(vectors: VectorIndex): void {
    this.#vectors = vectors;
  }

  static async open(db: LibraryDb, modelId: string, docIds: readonly DocId[], embeddings: readonly StoredEmbeddings[]): Promise<HybridIndex> {
    const vectors = await VectorIndex.create(modelId);
    for (const stored of embeddings) {
      if (stored.modelId !== modelId) continue;
      const entries = stored.chunkIds.map((id, row) => ({ id, vector: stored.vectors.subarray(row * stored.dims, (row + 1) * stored.dims) }));
      vectors.add(entries, { background: true });
    }
    const keywords = await restoreKeywords(db);
    const hybrid = new HybridIndex(db, vectors, keywords);
    const present = new Set(docIds);
    let changed = false;
    for (const docId of keywords.docIds.filter((id) => !present.has(id))) {
      keywords.remove(docId);
      changed = true;
    }
    for (const docId of docIds.filter((id) => !keywords.has(id))) {
      keywords.add(docId, await getChunksOf(db, docId));
      changed = true;
    }
    if (changed) hybrid.#schedulePersist();
    return hybrid;
  }

  /** Indexes a document's words, and its vectors when it has some of this index's model. */
  add(docId: DocId, chunks: readonly Chunk[], embeddings: Pick<StoredEmbeddings, 'modelId' | 'vectors' | 'dims'> | undefined): void {
    if (embeddings?.modelId === this.vectors.modelId) {
      const { vectors, dims } = embeddings;
      this.vectors.add(chunks.map((chunk, row) => ({ id: chunk.id, vector: vectors.subarray(row * dims, (row + 1) * dims) })));
    }
    this.keywords.add(docId, chunks);
    this.#schedulePersist();
  }

  remove(docId: DocId): void {
    this.vectors.remove(new Set(this.keywords.chunksOf(docId)));
    this.keywords.remove(docId);
    this.#schedulePersist();
  }

  /**
   * The best chunks for a query. `queryVector` is the query's embedding; without it (no embedder yet) the search
   * is by keywords alone. Every hit carries its cosine similarity when its vector is indexed.
   */
  search(query: string, queryVector: Float32Array | undefined, { limit, onlyDocs }: SearchScope): HybridHit[] {
    const candidates = Math.max(limit * 4, 20);
    const keyword = this.keywords.search(query, candidates, onlyDocs);
    const unit = queryVector && this.vectors.dims !== undefined ? normalized(queryVector) : undefined;
    const dense = !unit ? [] : onlyDocs ? this.vectors.scan(unit, candidates, onlyDocs) : this.vectors.search(unit, candidates);
    return reciprocalRankFusion([dense, keyword])
      .slice(0, limit)
      .map(({ id, score, scores: [similarity, keywordScore] }) => ({
        id,
        scores: { fused: score, similarity: similarity ?? (unit && this.vectors.similarity(unit, id)), keyword: keywordScore },
      }));
  }

  /**
   * A question's hits with a second hop's in them (core/second-hop.ts): the keyword search for `followUp`, made of the
   * names the first hits introduce, adds its best passages after the first hits' best. Keywords only: a follow-up is
   * a list of names and leftover words, what BM25 matches well, and it costs no second query embedding.
   */
  followUp(first: readonly HybridHit[], followUp: FollowUp, queryVector: Float32Array | undefined, { limit, onlyDocs }: SearchScope): HybridHit[] {
    const unit = queryVector && this.vectors.dims !== undefined ? normalized(queryVector) : undefined;
    const found = this.keywords.search(followUp.query, limit, onlyDocs).map(({ id, score }, rank) => ({
      id,
      // Similarity stays the passage's to the question itself: the number shown beside a source means one thing.
      scores: { fused: 1 / (RRF_K + rank + 1), keyword: score, similarity: unit && this.vectors.similarity(unit, id) },
      followed: followUp.names.join(', '),
    }));
    return withFollowUp(first, found, limit);
  }

  /** Writes the keyword index soon, once for a burst of changes. */
  #schedulePersist() {
    clearTimeout(this.#persistTimer);
    this.#persistTimer = setTimeout(() => void saveKeywordIndex(this.db, this.keywords.toStored()), PERSIST_DELAY_MS);
  }
}
