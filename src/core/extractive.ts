import { contentTerms } from './terms';

/** A sentence of passage `source` (1-based), at `[start, end)` of that passage's text. */
export interface KeySentence {
  source: number;
  start: number;
  end: number;
  text: string;
  score: number;
}

function sentences(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  for (const { segment, index } of segmenter.segment(text.replace(/[\r\n]/g, ' '))) {
    const start = index + (segment.length - segment.trimStart().length);
    const end = index + segment.trimEnd().length;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/**
 * The sentences of the passages that best answer the question, best first: an answer that needs no language model.
 * A sentence scores the inverse-frequency weights of the question's words it contains, so rare words count most.
 */
export function keySentences(question: string, passages: readonly string[], limit = 3): KeySentence[] {
  const asked = new Set(contentTerms(question));
  const candidates = passages.flatMap((text, i) =>
    sentences(text).map((span) => ({ ...span, source: i + 1, text: text.slice(span.start, span.end), terms: new Set(contentTerms(text.slice(span.start, span.end))) })),
  );
  const documentFrequency = new Map<string, number>();
  for (const candidate of candidates) for (const term of candidate.terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const weight = (term: string) => Math.log(1 + candidates.length / (documentFrequency.get(term) ?? 1));
  return candidates
    .map(({ terms, ...sentence }) => ({ ...sentence, score: [...asked].filter((term) => terms.has(term)).reduce((sum, term) => sum + weight(term), 0) }))
    .filter((sentence) => sentence.score > 0)
    .sort((a, b) => b.score - a.score || a.source - b.source || a.start - b.start)
    .slice(0, limit);
}
