// Retrieval metrics for `npm run eval` (scripts/eval): pure functions, computed as BEIR computes them through
// pytrec_eval (trec_eval's definitions), plus the document-QA checks. Not used by the app itself.

/** Graded relevance of documents for one query: document id -> relevance (0 = judged not relevant). */
export type Judgments = ReadonlyMap<string, number>;

/**
 * nDCG@k as trec_eval's `ndcg_cut.k` (what BEIR reports): gain = the relevance grade, discount log2(rank + 1), the
 * ideal ranking being the query's judged documents sorted by grade. 0 when the query has no relevant document.
 */
export function ndcgAt(ranked: readonly string[], judgments: Judgments, k: number): number {
  const dcg = (gains: readonly number[]) => gains.slice(0, k).reduce((sum, gain, i) => sum + gain / Math.log2(i + 2), 0);
  const ideal = dcg([...judgments.values()].filter((grade) => grade > 0).sort((a, b) => b - a));
  if (ideal === 0) return 0;
  return dcg(ranked.map((id) => Math.max(0, judgments.get(id) ?? 0))) / ideal;
}

/** Recall@k as trec_eval's `recall.k`: relevant documents (grade > 0) in the first k, over all relevant ones. */
export function recallAt(ranked: readonly string[], judgments: Judgments, k: number): number {
  const relevant = [...judgments].filter(([, grade]) => grade > 0).map(([id]) => id);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

/**
 * For a query with two or more relevant documents (multi-hop: each holds part of the answer), 1 when every one of
 * them is in the first k, else 0; undefined for a query with fewer, which the figure leaves out.
 */
export function allRelevantAt(ranked: readonly string[], judgments: Judgments, k: number): number | undefined {
  const relevant = [...judgments].filter(([, grade]) => grade > 0).map(([id]) => id);
  if (relevant.length < 2) return undefined;
  const top = new Set(ranked.slice(0, k));
  return relevant.every((id) => top.has(id)) ? 1 : 0;
}

/**
 * Documents ranked by their best chunk: the chunk ranking, each document kept where its first (best) chunk stands.
 * `exclude` drops one id, as BEIR drops a document whose id is the query's own (`ignore_identical_ids`).
 */
export function rankDocuments<Chunk>(chunks: readonly Chunk[], documentOf: (chunk: Chunk) => string, limit = Infinity, exclude?: string): string[] {
  const seen = new Set<string>();
  const ranked: string[] = [];
  for (const chunk of chunks) {
    if (ranked.length >= limit) break;
    const id = documentOf(chunk);
    if (seen.has(id) || id === exclude) continue;
    seen.add(id);
    ranked.push(id);
  }
  return ranked;
}

export const mean = (values: readonly number[]): number => (values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length);

/** Text as answers are matched in it: Unicode-compatible forms, lower case, one space for any run of white space. */
export function matchableText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** An answer as it is looked for: matchable, without the quotes around it and the full stop (or ! ?) ending it. */
export function matchableAnswer(answer: string): string {
  return matchableText(answer)
    .replace(/^["'“‘]+/, '')
    .replace(/["'”’.!?]+$/, '')
    .trim();
}

/** Whether an answer is a bare yes or no: it is found in almost any text, so it says nothing about retrieval. */
export function isYesNo(answer: string): boolean {
  return /^(yes|no)$/.test(matchableAnswer(answer));
}

/** Whether the answer appears, ignoring case and white space, in one of the passages. An empty answer never does. */
export function answerAppears(answer: string, passages: readonly string[]): boolean {
  const wanted = matchableAnswer(answer);
  return wanted !== '' && passages.some((passage) => matchableText(passage).includes(wanted));
}
