import { stemmer } from 'stemmer';

// Short English function words: they carry no evidence that a passage is about the question.
const STOP_WORDS = new Set(
  `a about above after again all also am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers him his how i
  if in into is it its itself just me more most my no nor not now of off on once only or other our out over own same she
  should so some such than that the their them then there these they this those through to too under until up very was
  we were what when where which while who whom why will with would you your yours`.split(/\s+/),
);

/** The content words of a text, lowercased and stemmed ("Sleeps" and "sleeping" both give "sleep"). */
export function contentTerms(text: string): string[] {
  const words = text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’]*|\p{N}+/gu) ?? [];
  return words.filter((word) => !STOP_WORDS.has(word)).map((word) => stemmer(word.replace(/['’]s$/, '')));
}
