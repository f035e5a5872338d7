import { contentTerms } from './terms';

export interface ScoredPassage {
  text: string;
  /** Cosine similarity with the question. */
  score: number;
  /** The reranker's probability that the passage answers the question, when one reordered the passages. */
  rerank?: number;
}

/** A passage the reranker rates more likely than not to answer the question is evidence, shared words or not. */
export const RERANK_FLOOR = 0.5;

/**
 * Whether a passage is evidence for the question: it shares a content word with it, or the embedder rates it as
 * similar as `similarityFloor`. Without this floor, the best of many irrelevant passages would still be "the
 * answer"; with it, Docent can say honestly that the documents do not cover the question.
 */
export function isRelevant(question: string, passage: ScoredPassage, similarityFloor: number): boolean {
  if (passage.score >= similarityFloor || (passage.rerank ?? 0) >= RERANK_FLOOR) return true;
  const asked = new Set(contentTerms(question));
  return contentTerms(passage.text).some((term) => asked.has(term));
}
