import { stemmer } from 'stemmer';

// Short English function words: they carry no evidence that a passage is about the question.
const STOP_WORDS = new Set(
  `a about above after again all also am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers him his how i
  if in into is it its itself just me more most my no nor not now of off on once only or other our out over own same she
  should so some such than that the their them then there these they this those through to too under until up very was
  we were what when where which while who whom why will with would you your yours`.split(/\s+/),
);

/** A word as search compares it: lowercased, possessive dropped, stemmed; null for a function word. */
export function searchTerm(word: string): string | null {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  // Single letters are mostly split-off contractions ("keeper's" → "keeper", "s"): no evidence of anything.
  if (/^\p{L}?$/u.test(lower) || STOP_WORDS.has(lower)) return null;
  return stemmer(lower);
}

/** The content words of a text, as search compares them ("Sleeps" and "sleeping" both give "sleep"). */
export function contentTerms(text: string): string[] {
  const words = text.match(/\p{L}[\p{L}\p{N}'’]*|\p{N}+/gu) ?? [];
  return words.map(searchTerm).filter((term): term is string => term !== null);
}
