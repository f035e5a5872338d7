// A BEIR set through the app's retrieval: every document a text file (the app's text reader), chunked, embedded and
// indexed as the app does; each query's chunk ranking turned into a document ranking by best chunk and scored.
import { rankDocuments } from '../../../src/core/eval-metrics';
import { docIdOf } from '../../../src/core/ids';
import { diagnoseKeywords } from './diagnostics';
import { averageFigures, scoreRanking } from './figures';
import { buildLibrary, embedQueries, libraryReport, needsEmbedder, searchChunks } from './library';
import type { BeirModeResult, BeirRequest, BeirResult, EvalSetup, Progress } from './types';

export async function evaluateBeir(setup: EvalSetup, request: BeirRequest, progress: Progress): Promise<BeirResult> {
  // A document is a text file whose title is the document's title: read by the app's text reader (readDocument with
  // a .txt file), the title put before each chunk's embedded text, as the app puts a file's name.
  const sources = request.documents.map(({ id, title, text }) => ({ id, title: title.trim() || undefined, file: new File([text], `${id}.txt`, { type: 'text/plain' }) }));
  const library = await buildLibrary(setup, sources, progress);
  const judgments = new Map(request.qrels.map(([query, pairs]) => [query, new Map(pairs)]));

  let vectors: Float32Array[] = [];
  let queryEmbedMs = 0;
  if (library.embedder && needsEmbedder(setup.modes)) {
    const start = performance.now();
    vectors = await embedQueries(library.embedder, request.queries.map((query) => query.text), progress);
    queryEmbedMs = performance.now() - start;
  }

  const modes: BeirResult['modes'] = {};
  for (const mode of setup.modes) {
    if (mode !== 'keyword' && !library.embedder) continue;
    const result: BeirModeResult = { ndcg10: 0, recall10: 0, recall100: 0, searchMs: 0, shortRankings: 0, run: {}, perQuery: {} };
    const start = performance.now();
    for (const [i, query] of request.queries.entries()) {
      const chunks = await searchChunks(library, mode, query.text, vectors[i], request.depth);
      // BEIR drops a document whose id is the query's own (ignore_identical_ids).
      const ranked = rankDocuments(chunks, docIdOf, 100, query.id);
      if (ranked.length < 100) result.shortRankings++;
      result.run[query.id] = ranked;
      result.perQuery[query.id] = scoreRanking(ranked, judgments.get(query.id) ?? new Map());
    }
    result.searchMs = performance.now() - start;
    Object.assign(result, averageFigures(Object.values(result.perQuery)));
    modes[mode] = result;
    progress(`${mode}: nDCG@10 ${result.ndcg10.toFixed(4)} (${request.queries.length} queries, ${(result.searchMs / 1000).toFixed(1)} s)`);
  }

  const diagnostics = request.diagnose ? diagnoseKeywords(library, request, judgments, progress) : undefined;
  return { library: libraryReport(library), queries: request.queries.length, queryEmbedMs, modes, diagnostics };
}
