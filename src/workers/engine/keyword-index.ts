import MiniSearch, { type AsPlainObject } from 'minisearch';
import { BestChunks } from '../../core/best-chunks';
import type { ChunkId, DocId } from '../../core/ids';
import { docIdOf } from '../../core/ids';
import type { Chunk } from '../../core/library';
import { searchTerm } from '../../core/terms';

export interface KeywordHit {
  id: ChunkId;
  /** BM25+ score: only comparable within one search. */
  score: number;
}

/** What is stored: the index, and the chunks of each document it covers, so a reload can repair what it missed. */
export interface StoredKeywordIndex {
  index: AsPlainObject;
  chunksOf: [DocId, ChunkId[]][];
}

type Indexed = Pick<Chunk, 'id' | 'text' | 'heading' | 'identity' | 'context'>;

/**
 * The fields a chunk is found by: its text, its heading, and its document's identity (title, file name, PDF metadata,
 * running headers: core/document-identity.ts), each scored by BM25+ and weighted. The identity is the same on every
 * chunk of a document, so it ranks the right document's passages above look-alike passages of other documents;
 * weighted below the text, it decides between passages that match the question's other words alike.
 */
export const FIELD_BOOSTS = { text: 1, heading: 1, identity: 0.5 };
const FIELDS = Object.keys(FIELD_BOOSTS) as (keyof typeof FIELD_BOOSTS)[];

const OPTIONS = {
  fields: FIELDS,
  idField: 'id',
  // Chunks stored before identities existed carry their file name as the first line of their context.
  extractField: (chunk: Indexed, field: string) => (field === 'identity' ? (chunk.identity ?? chunk.context?.split('\n')[0]) : chunk[field as keyof Indexed]),
  processTerm: (term: string) => searchTerm(term),
  searchOptions: { processTerm: (term: string) => searchTerm(term), boost: FIELD_BOOSTS },
};

/** The tokenizer MiniSearch indexes with (OPTIONS sets none), so a query splits into words as the chunks did. */
const tokenize: (text: string) => string[] = MiniSearch.getDefault('tokenize');

/** MiniSearch's default BM25+ parameters, which Docent's keyword scores have always had. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * The parts of MiniSearch's index that a search scores. MiniSearch's own search allocates a result, a terms array
 * and a match object for every matching chunk and sorts them all: a 4-word query matches ~24,000 of 50,000 chunks,
 * for p95 over 80 ms (garbage collection), where hybrid search needs the best 40. So KeywordIndex scores these
 * postings itself. They are MiniSearch's protected fields: package.json pins minisearch to exactly 7.2.0, and
 * keyword-index.test.ts checks the scores against MiniSearch's own search.
 */
interface MiniSearchIndex {
  /** Term → field id → short id → term frequency. A discarded chunk's postings stay until MiniSearch vacuums. */
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _fieldIds: Record<string, number>;
  /** Short id → each field's length in distinct terms; a discarded chunk has none (it is how one is recognized). */
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  /** Chunks not discarded. */
  _documentCount: number;
  _documentIds: Map<number, ChunkId>;
  /** One past the highest short id given so far. */
  _nextId: number;
}

const internalsOf = (miniSearch: MiniSearch<Indexed>) => miniSearch as unknown as MiniSearchIndex;

/**
 * One search's score of each chunk, by MiniSearch's short id. Kept between searches and cleared where it was used:
 * allocating 400 kB of zeroes per search at 50k chunks made searches ~15% slower.
 */
class ScoreSums {
  #scores = new Float64Array(0);
  /** The short ids with a score, in the order first matched: MiniSearch's order, which breaks ties between scores. */
  #matched = new Int32Array(0);
  #count = 0;

  /** All zero, for short ids below `size`. */
  cleared(size: number): this {
    for (let i = 0; i < this.#count; i++) this.#scores[this.#matched[i]] = 0;
    this.#count = 0;
    if (this.#scores.length < size) {
      this.#scores = new Float64Array(size);
      this.#matched = new Int32Array(size);
    }
    return this;
  }

  add(shortId: number, score: number): void {
    if (this.#scores[shortId] === 0) this.#matched[this.#count++] = shortId;
    this.#scores[shortId] += score;
  }

  forEachMatched(visit: (shortId: number, score: number) => void): void {
    for (let i = 0; i < this.#count; i++) visit(this.#matched[i], this.#scores[this.#matched[i]]);
  }
}

/**
 * Adds a term's BM25+ score in each field to the chunks that have it, as MiniSearch's `termResults` computes it.
 * `clean`: no discarded chunk has postings left (MiniSearch's `dirtCount` is 0), so every posting counts.
 */
function addTermScores(index: MiniSearchIndex, term: string, sums: ScoreSums, clean: boolean): void {
  const postingsByField = index._index.get(term);
  if (!postingsByField) return;
  for (const field of FIELDS) {
    const fieldId = index._fieldIds[field];
    const postings = postingsByField.get(fieldId);
    if (!postings) continue;
    const idf = inverseDocumentFrequency(clean ? postings.size : livePostings(index, postings), index._documentCount);
    const averageLength = index._avgFieldLength[fieldId];
    postings.forEach((termFrequency, shortId) => {
      const lengths = index._fieldLength.get(shortId);
      if (lengths) sums.add(shortId, FIELD_BOOSTS[field] * idf * termSaturation(termFrequency, lengths[fieldId], averageLength));
    });
  }
}

/**
 * The postings of chunks not discarded: the document frequency. MiniSearch's own search subtracts the discarded
 * postings as it meets them, so chunks before one counted it; the two agree once MiniSearch vacuums.
 */
function livePostings(index: MiniSearchIndex, postings: Map<number, number>): number {
  let live = 0;
  for (const shortId of postings.keys()) if (index._fieldLength.has(shortId)) live++;
  return live;
}

function inverseDocumentFrequency(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

/** BM25+'s term-frequency part, in MiniSearch's order of operations: a term's score is MiniSearch's to the last bit. */
function termSaturation(termFrequency: number, fieldLength: number, averageLength: number): number {
  const { k, b, d } = BM25;
  return d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageLength));
}

/**
 * Keyword search with BM25+ (MiniSearch) over the same chunks as the vector index, using the same stemming and
 * stop words as the rest of Docent (core/terms.ts). Stemmed English with stop words scores SciFact nDCG@10 0.667
 * against 0.630 for MiniSearch's defaults (STACK-NOTES).
 */
export class KeywordIndex {
  readonly #chunksOf: Map<DocId, ChunkId[]>;
  readonly #sums = new ScoreSums();

  private constructor(
    private readonly miniSearch: MiniSearch<Indexed>,
    chunksOf: Iterable<[DocId, ChunkId[]]>,
  ) {
    this.#chunksOf = new Map(chunksOf);
  }

  static empty(): KeywordIndex {
    return new KeywordIndex(new MiniSearch<Indexed>(OPTIONS), []);
  }

  /** The stored index, or an empty one (every document then indexed again) when it was built with other fields. */
  static restore(stored: StoredKeywordIndex): KeywordIndex {
    const sameFields = FIELDS.every((field) => field in stored.index.fieldIds) && Object.keys(stored.index.fieldIds).length === FIELDS.length;
    return sameFields ? new KeywordIndex(MiniSearch.loadJS<Indexed>(stored.index, OPTIONS), stored.chunksOf) : KeywordIndex.empty();
  }

  has(docId: DocId): boolean {
    return this.#chunksOf.has(docId);
  }

  get docIds(): DocId[] {
    return [...this.#chunksOf.keys()];
  }

  chunksOf(docId: DocId): readonly ChunkId[] {
    return this.#chunksOf.get(docId) ?? [];
  }

  add(docId: DocId, chunks: readonly Indexed[]): void {
    if (this.#chunksOf.has(docId)) return;
    this.miniSearch.addAll(chunks.map(({ id, text, heading, identity, context }) => ({ id, text, heading, identity, context })));
    this.#chunksOf.set(docId, chunks.map((chunk) => chunk.id));
  }

  remove(docId: DocId): void {
    for (const id of this.#chunksOf.get(docId) ?? []) this.miniSearch.discard(id);
    this.#chunksOf.delete(docId);
  }

  search(query: string, limit: number, onlyDocs?: ReadonlySet<DocId>): KeywordHit[] {
    const index = internalsOf(this.miniSearch);
    const sums = this.#sums.cleared(index._nextId);
    // The plain sum of BM25+ over the query's words (a repeated word counts each time, as in MiniSearch). MiniSearch
    // multiplies its sum by the number of query terms matched; BM25 has no such factor. Leaving it out moves SciFact
    // nDCG@10 from 0.642 to 0.667 (Anserini's BM25: 0.679), measured with `npm run eval`.
    const clean = this.miniSearch.dirtCount === 0;
    for (const term of tokenize(query).map(searchTerm)) if (term) addTermScores(index, term, sums, clean);
    const best = new BestChunks(limit);
    sums.forEachMatched((shortId, score) => {
      if (!best.admits(score)) return;
      const id = index._documentIds.get(shortId)!;
      if (!onlyDocs || onlyDocs.has(docIdOf(id))) best.offer(id, score);
    });
    return best.sorted();
  }

  toStored(): StoredKeywordIndex {
    return { index: this.miniSearch.toJSON(), chunksOf: [...this.#chunksOf] };
  }
}
