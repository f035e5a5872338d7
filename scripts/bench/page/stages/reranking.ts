import type { ModelSpec } from '../../../../src/core/models';
import { Reranker } from '../../../../src/workers/engine/reranker';
import { benchSources } from './config';
import { setThreads } from './environment';
import { percentile } from './stats';
import { englishText } from './synthetic';

export interface RerankingRequest {
  siteUrl: string;
  threads: number;
  reranker: ModelSpec;
  /** Candidates per question, as the library engine gives the reranker (RERANK_CANDIDATES). */
  candidates: number;
  /** Characters per candidate: ~250 BERT word pieces of English-like prose. */
  passageCharacters: number;
  questions: number;
}

export interface RerankingResult {
  /** Milliseconds per question (all its candidates scored), over `questions` questions after a warm-up one. */
  p50: number;
  p95: number;
  n: number;
}

/** The app's Reranker (its model from the site's models folder, as a self-hosted one loads) scoring each question's candidates. */
export async function rerankWithApp(request: RerankingRequest): Promise<RerankingResult> {
  setThreads(request.threads);
  const reranker = new Reranker(request.reranker, benchSources(request.siteUrl), () => {}, 'cpu');
  const passages = Array.from({ length: request.candidates }, (_, i) => englishText(request.passageCharacters, 100 + i));
  const question = 'What were the capital expenditures of the company in the last fiscal year?';
  if (!(await reranker.score(question, passages))) throw new Error(`${request.reranker.id} is not in the site's models folder`);
  const times: number[] = [];
  for (let i = 0; i < request.questions; i++) {
    const start = performance.now();
    await reranker.score(`${question} (${i})`, passages);
    times.push(performance.now() - start);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
}
