// Where keyword quality goes (`--diagnose`): the app's keyword index rebuilt with MiniSearch and the app's own terms
// (core/terms.ts) over the same chunks, then changed one thing at a time. NOT the app: a measurement of what a change
// to workers/engine/keyword-index.ts would give. The first row must equal the keyword mode's figure.
import MiniSearch, { type SearchResult } from 'minisearch';
import { rankDocuments } from '../../../src/core/eval-metrics';
import { docIdOf, type ChunkId } from '../../../src/core/ids';
import { searchTerm } from '../../../src/core/terms';
import { averageFigures, scoreRanking } from './figures';
import type { Library } from './library';
import type { BeirFigures, BeirRequest, Progress } from './types';

type Row = Record<string, string>;

/**
 * MiniSearch multiplies a result's BM25+ score by the number of query terms it matched (`search`: score * quality),
 * a coordination factor BM25 does not have; `plain` divides it back out.
 */
function ranker(fields: string[], rows: Row[], plain: boolean) {
  const index = new MiniSearch<Row>({ fields, idField: 'id', processTerm: searchTerm, searchOptions: { processTerm: searchTerm } });
  index.addAll(rows);
  return (query: string) => {
    const results: SearchResult[] = index.search(query);
    if (plain) {
      for (const result of results) result.score /= result.queryTerms.length || 1;
      results.sort((a, b) => b.score - a.score);
    }
    return results.map((result) => String(result.id));
  };
}

export function diagnoseKeywords(library: Library, request: BeirRequest, judgments: Map<string, Map<string, number>>, progress: Progress) {
  const chunks = [...library.chunks.values()];
  // The title (and heading trail) line the chunker puts before a chunk's text in contextText.
  const titleOf = (chunk: (typeof chunks)[number]) => (chunk.contextText === chunk.text ? '' : chunk.contextText.slice(0, chunk.contextText.length - chunk.text.length - 1));
  const chunkRows = chunks.map((chunk) => ({ id: chunk.id, text: chunk.text, heading: chunk.heading ?? '', title: titleOf(chunk) }));
  const wholeRows = request.documents.map((doc) => ({ id: doc.id, body: `${doc.title}\n${doc.text}` }));
  const ofChunk = (id: string) => docIdOf(id as ChunkId);
  const variants: { label: string; search: (query: string) => string[]; documentOf: (id: string) => string }[] = [
    { label: 'chunks: text, heading (the app index, rebuilt)', search: ranker(['text', 'heading'], chunkRows, false), documentOf: ofChunk },
    { label: 'chunks: text, heading; no coordination factor', search: ranker(['text', 'heading'], chunkRows, true), documentOf: ofChunk },
    { label: 'chunks: text, heading, title', search: ranker(['text', 'heading', 'title'], chunkRows, false), documentOf: ofChunk },
    { label: 'chunks: text, heading, title; no coordination factor', search: ranker(['text', 'heading', 'title'], chunkRows, true), documentOf: ofChunk },
    { label: 'whole documents: title + text', search: ranker(['body'], wholeRows, false), documentOf: (id) => id },
    { label: 'whole documents: title + text; no coordination factor', search: ranker(['body'], wholeRows, true), documentOf: (id) => id },
  ];
  return variants.map(({ label, search, documentOf }) => {
    const figures: BeirFigures[] = request.queries.map((query) =>
      scoreRanking(rankDocuments(search(query.text), documentOf, 100, query.id), judgments.get(query.id) ?? new Map()),
    );
    const average = { label, ...averageFigures(figures) };
    progress(`diagnostics: ${label}: nDCG@10 ${average.ndcg10.toFixed(4)}`);
    return average;
  });
}
