import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { makeVocabulary, seeded, zipfText } from '../../../scripts/bench/page/stages/synthetic';
import { asDocId, chunkIdOf, docIdOf, type ChunkId, type DocId } from '../../core/ids';
import { searchTerm } from '../../core/terms';
import { FIELD_BOOSTS, KeywordIndex, type KeywordHit } from './keyword-index';

const vocabulary = makeVocabulary(2_000);
const DOCUMENTS = 40;
const CHUNKS_PER_DOCUMENT = 100;
const docId = (d: number) => asDocId(`doc-${d}`);

/**
 * 4,000 chunks of Zipf-distributed made-up words (and English function words), a heading on every fifth, each
 * document's identity on its chunks (older documents' chunks only a context line).
 */
function corpus(): { docId: DocId; chunks: { id: ChunkId; text: string; heading?: string; identity?: string; context?: string }[] }[] {
  const random = seeded(17);
  return Array.from({ length: DOCUMENTS }, (_, d) => {
    const identity = zipfText(random, vocabulary, 12);
    return {
      docId: docId(d),
      chunks: Array.from({ length: CHUNKS_PER_DOCUMENT }, (_, i) => ({
        id: chunkIdOf(docId(d), i),
        text: zipfText(random, vocabulary, 300),
        ...(i % 5 === 0 && { heading: zipfText(random, vocabulary, 30) }),
        ...(d % 4 === 0 ? { context: `${identity}\nA heading` } : { identity }),
      })),
    };
  });
}

function indexed(documents: ReturnType<typeof corpus>): KeywordIndex {
  const index = KeywordIndex.empty();
  for (const { docId, chunks } of documents) index.add(docId, chunks);
  return index;
}

/** Queries of one to six words of a chunk, some with words from anywhere in the vocabulary (function words too). */
function queries(documents: ReturnType<typeof corpus>, count: number): string[] {
  const random = seeded(23);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  return Array.from({ length: count }, () => {
    const words = pick(pick(documents).chunks).text.split(' ');
    const word = () => (random() < 0.2 ? pick(vocabulary) : pick(words));
    return Array.from({ length: 1 + Math.floor(random() * 6) }, word).join(' ');
  });
}

/** A copy of the index's MiniSearch, to search with MiniSearch's own search (which edits discarded postings). */
function miniSearchOf(index: KeywordIndex): MiniSearch {
  return MiniSearch.loadJS(index.toStored().index, {
    fields: Object.keys(FIELD_BOOSTS),
    idField: 'id',
    processTerm: searchTerm,
    searchOptions: { processTerm: searchTerm, boost: FIELD_BOOSTS },
  });
}

/**
 * What KeywordIndex.search answered when it called MiniSearch's search: MiniSearch's score without its factor of
 * query terms matched, best first, ties in MiniSearch's order.
 */
function reference(miniSearch: MiniSearch, query: string, limit: number, onlyDocs?: ReadonlySet<DocId>): KeywordHit[] {
  const filter = onlyDocs && ((result: { id: ChunkId }) => onlyDocs.has(docIdOf(result.id)));
  return miniSearch
    .search(query, { filter })
    .map((result) => ({ id: result.id as ChunkId, score: result.score / result.queryTerms.length }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

function expectSameHits(actual: KeywordHit[], expected: KeywordHit[]): void {
  expect(actual.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
  actual.forEach((hit, i) => expect(Math.abs(hit.score - expected[i].score)).toBeLessThanOrEqual(1e-9 * expected[i].score));
}

describe('KeywordIndex.search, BM25+ over MiniSearch\'s index', () => {
  const documents = corpus();
  const index = indexed(documents);
  const some = queries(documents, 150);
  const miniSearch = miniSearchOf(index);

  it('ranks and scores as MiniSearch\'s own search did, for the best few and for all matches', () => {
    for (const query of some) {
      for (const limit of [1, 10, 40, 10_000]) expectSameHits(index.search(query, limit), reference(miniSearch, query, limit));
    }
  });

  it('applies the documents filter before taking the best', () => {
    const onlyDocs = new Set([docId(3), docId(17), docId(38)]);
    for (const query of some) expectSameHits(index.search(query, 40, onlyDocs), reference(miniSearch, query, 40, onlyDocs));
    expect(index.search(some[0], 40, new Set())).toEqual([]);
  });

  it('counts a repeated word each time, ignores words not indexed, and finds nothing for function words alone', () => {
    const [common, rare] = [vocabulary[40], vocabulary[1_500]];
    const odd = [`${common} ${common}`, `${rare} ${common} ${rare} ${rare}`, `${rare} qqqzzz`, 'qqqzzz', `The ${rare} of it`];
    for (const query of odd) expectSameHits(index.search(query, 40), reference(miniSearch, query, 40));
    expect(index.search(`${rare} qqqzzz`, 40)).toEqual(index.search(rare, 40));
    expect(index.search('the of and', 40)).toEqual([]);
    expect(index.search('', 40)).toEqual([]);
    expect(index.search(common, 0)).toEqual([]);
  });

  it('returns every match, best first, when the limit is larger than the matches', () => {
    const rare = vocabulary[1_900];
    const hits = index.search(rare, 10_000);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThan(100);
    expectSameHits(hits, reference(miniSearch, rare, 10_000));
  });

  it('skips removed chunks whose postings MiniSearch has not yet vacuumed, and scores the rest as MiniSearch does', () => {
    const trimmed = indexed(documents);
    // The first documents: MiniSearch counts a term's documents as its postings less the discarded ones it has met,
    // which is the live count for every chunk only when the discarded postings come first. Under 10% of the chunks,
    // so MiniSearch does not start vacuuming.
    trimmed.remove(docId(0));
    trimmed.remove(docId(1));
    const trimmedMiniSearch = miniSearchOf(trimmed);
    for (const query of some) {
      const hits = trimmed.search(query, 40);
      expect(hits.some((hit) => [docId(0), docId(1)].includes(docIdOf(hit.id)))).toBe(false);
      expectSameHits(hits, reference(trimmedMiniSearch, query, 40));
    }
  });

  it('scores after a removal as MiniSearch does once it has vacuumed the removed chunks', async () => {
    const trimmed = indexed(documents);
    trimmed.remove(docId(20));
    const vacuumed = miniSearchOf(trimmed);
    await vacuumed.vacuum();
    for (const query of some) expectSameHits(trimmed.search(query, 40), reference(vacuumed, query, 40));
  });

  it('answers the same after a reload', () => {
    const trimmed = indexed(documents);
    trimmed.remove(docId(5));
    const restored = KeywordIndex.restore(trimmed.toStored());
    const onlyDocs = new Set([docId(5), docId(6)]);
    for (const query of some) {
      expect(restored.search(query, 40)).toEqual(trimmed.search(query, 40));
      expect(restored.search(query, 40, onlyDocs)).toEqual(trimmed.search(query, 40, onlyDocs));
    }
  });
});

describe('KeywordIndex: a document\'s identity', () => {
  const chunk = (d: number, text: string, fields: { identity?: string; context?: string }) => ({ id: chunkIdOf(docId(d), 0), text, ...fields });
  const LOOK_ALIKE = 'Capital expenditures for the fiscal year were 412 million dollars.';

  it('ranks the passage of the document the question names above look-alike passages of others', () => {
    const index = KeywordIndex.empty();
    index.add(docId(1), [chunk(1, LOOK_ALIKE, { identity: 'Contoso Annual Report 2018 · report_0412.pdf' })]);
    index.add(docId(2), [chunk(2, LOOK_ALIKE, { identity: 'Northwind Logistics Annual Report 2018 · report_0413.pdf' })]);
    // Stored before identities: the file name, first line of the context, stands for it.
    index.add(docId(3), [chunk(3, LOOK_ALIKE, { context: 'fabrikam-10k-2017.pdf\nLiquidity' })]);
    expect(index.search('What were Northwind capital expenditures in 2018?', 3)[0].id).toBe(chunkIdOf(docId(2), 0));
    expect(index.search('Fabrikam capital expenditures', 3)[0].id).toBe(chunkIdOf(docId(3), 0));
    // Identity alone counts less than the same words in the text.
    index.add(docId(4), [chunk(4, 'Northwind opened a depot.', { identity: 'Fabrikam report' })]);
    expect(index.search('Northwind', 2).map((hit) => hit.id)).toEqual([chunkIdOf(docId(4), 0), chunkIdOf(docId(2), 0)]);
  });

  it('is indexed again, whole, when the stored index was built without it', () => {
    const index = KeywordIndex.empty();
    index.add(docId(1), [chunk(1, LOOK_ALIKE, { identity: 'Contoso' })]);
    const stored = index.toStored();
    const older = { ...stored, index: { ...stored.index, fieldIds: { text: 0, heading: 1 } } };
    expect(KeywordIndex.restore(older).docIds).toEqual([]);
    expect(KeywordIndex.restore(stored).docIds).toEqual([docId(1)]);
  });
});
