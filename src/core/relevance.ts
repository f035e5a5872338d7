import { contentTerms } from './terms';

export interface ScoredPassage {
  text: string;
  /** Cosine similarity with the question. */
  score: number;
}

/**
 * Whether a passage is evidence for the question: it shares a content word with it, or the embedder rates it as
 * similar as `similarityFloor`. Without this floor, the best of many irrelevant passages would still be "the
 * answer"; with it, Docent can say honestly that the documents do not cover the question.
 */
export function isRelevant(question: string, passage: ScoredPassage, similarityFloor: number): boolean {
  if (passage.score >= similarityFloor) return true;
  const asked = new Set(contentTerms(question));
  return contentTerms(passage.text).some((term) => asked.has(term));
}
