// A second retrieval hop for questions that need two passages ("What position was held by the woman who portrayed
// Corliss Archer in Kiss and Tell?": one passage names the actress, a second, sharing almost no word with the
// question, gives her position). The first round's best passages introduce names the question lacks; the follow-up
// query asks for those names with the question's words the first passages did not answer.
import { contentTerms } from './terms';

/** A first-round passage as the follow-up reads it: its text and, where known, what it is titled. */
export interface HopPassage {
  text: string;
  title?: string;
}

/**
 * How many of the first round's passages may introduce a name, and how many names a follow-up asks for: on
 * hotpotqa-dev, reading 1-3 passages and asking 1-3 names all gave 65-68% of questions both passages in 6; 2 and 2
 * are in the middle (docs/PERFORMANCE.md, "Retrieval").
 */
export const PASSAGES_READ = 2;
const NAMES_ASKED = 2;

/**
 * Of `limit` passages, the first round keeps its best KEPT_FIRST, the follow-up adds its best ADDED_BY_FOLLOW_UP,
 * and the first round's next ones fill the rest: the follow-up never displaces the first round's best four, so a
 * single-hop question loses at most its fifth passage's place. Measured over the three sets at once (keyword search;
 * docs/PERFORMANCE.md, "Retrieval"): keeping 3 and adding 2 found both passages of hotpotqa-dev in 6 more often
 * (+1 point) but cost wikiqa and SciFact; fusing the two rankings by reciprocal rank cost all three.
 */
const KEPT_FIRST = 4;
const ADDED_BY_FOLLOW_UP = 1;

/** Runs of capitalized words, with the small words names hold inside ("Bank of England", "Charles de Gaulle"). */
const NAME_RUN = /\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?:(?:of|the|de|del|da|van|von|der|and|la|le)\s+)*\p{Lu}[\p{L}\p{N}'’-]*)*/gu;

/** Words that open sentences capitalized without naming anything. */
const SENTENCE_OPENERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'his', 'her', 'their', 'in', 'on', 'at', 'for', 'after', 'before', 'during', 'as', 'when', 'while', 'however', 'although', 'since', 'following', 'there', 'we', 'our', 'its', 'both']);

/** Capitalized words that are dates or nationalities ("In May", "the American director"), not things to look up. */
const CALENDAR = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const DEMONYM = /(?:an|ese|ish|ch|ic)$/;

/** Sentences, split where a full stop, question or exclamation mark ends a word of two letters or more. */
const sentencesOf = (text: string) => text.split(/(?<=\p{L}{2}[.!?])\s+/u);

function namesIn(sentence: string): string[] {
  return (sentence.match(NAME_RUN) ?? [])
    .map((run) => run.split(/\s+/))
    .map((words) => (SENTENCE_OPENERS.has(words[0].toLowerCase()) ? words.slice(1) : words))
    .map((words) => words.filter((word) => !CALENDAR.test(word)))
    .filter((words) => words.length > 1 || (words.length === 1 && !DEMONYM.test(words[0])))
    .map((words) => words.join(' ').replace(/['’]s$/, ''))
    .filter((name) => contentTerms(name).length > 0);
}

/**
 * Names the first passages introduce that the question does not hold (none of their words is in the question, and
 * they are not a passage's own title), best first: a name stands as well as the sentence it is in shares the
 * question's words (the sentence that answers the first half of a question names what the second half is about).
 */
export function bridgeNames(question: string, passages: readonly HopPassage[]): string[] {
  const asked = new Set(contentTerms(question));
  const titles = new Set(passages.flatMap((passage) => (passage.title ? [passage.title.toLowerCase()] : [])));
  const scores = new Map<string, number>();
  for (const passage of passages.slice(0, PASSAGES_READ)) {
    for (const sentence of sentencesOf(passage.text)) {
      const shared = new Set(contentTerms(sentence).filter((term) => asked.has(term))).size;
      for (const name of namesIn(sentence)) {
        if (titles.has(name.toLowerCase()) || contentTerms(name).some((term) => asked.has(term))) continue;
        scores.set(name, (scores.get(name) ?? 0) + 1 + shared);
      }
    }
  }
  return [...scores].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

/** A second search: the names it follows (shown beside what it finds) and the query it runs. */
export interface FollowUp {
  names: string[];
  query: string;
}

/**
 * The follow-up search, or null when there is nothing to follow: the bridge names, the question's own names that the
 * best passage does not mention (the other half of a comparison), then the question's words that none of the first
 * passages holds (what is still to be found). Only first passages sharing a word with the question are read.
 */
export function followUpQuery(question: string, passages: readonly HopPassage[]): FollowUp | null {
  // Only a passage that is evidence (it shares a word with the question) may lead on: a name in a passage about
  // something else would make the follow-up's find look relevant to a question the documents do not cover.
  const asked = new Set(contentTerms(question));
  const termsOf = (passage: HopPassage) => contentTerms(`${passage.title ?? ''} ${passage.text}`);
  const evidence = passages.slice(0, PASSAGES_READ).filter((passage) => termsOf(passage).some((term) => asked.has(term)));
  if (evidence.length === 0) return null;
  const best = new Set(termsOf(evidence[0]));
  const unmentioned = namesIn(question).filter((name) => contentTerms(name).every((term) => !best.has(term)));
  const names = [...bridgeNames(question, evidence).slice(0, NAMES_ASKED), ...unmentioned];
  if (names.length === 0) return null;
  const found = new Set(evidence.flatMap(termsOf));
  const words = question.match(/\p{L}[\p{L}\p{N}'’]*|\p{N}+/gu) ?? [];
  const unanswered = words.filter((word) => contentTerms(word).some((term) => !found.has(term)));
  return { names, query: [...names, ...unanswered].join(' ') };
}

/**
 * The first round's ranking with the follow-up's best passages in it (see KEPT_FIRST), `limit` in all, no repeats.
 * A passage both rounds found keeps its first-round place and takes the follow-up's mark (why it is evidence).
 */
export function withFollowUp<T extends { id: string; followed?: string }>(first: readonly T[], followUp: readonly T[], limit: number): T[] {
  const best = followUp.slice(0, ADDED_BY_FOLLOW_UP);
  const bestById = new Map(best.map((hit) => [hit.id, hit]));
  const marked = first.map((hit) => (bestById.has(hit.id) ? { ...hit, followed: bestById.get(hit.id)!.followed } : hit));
  const kept = marked.slice(0, KEPT_FIRST);
  const keptIds = new Set(kept.map((hit) => hit.id));
  const added = best.filter((hit) => !keptIds.has(hit.id));
  const addedIds = new Set(added.map((hit) => hit.id));
  return [...kept, ...added, ...marked.slice(KEPT_FIRST).filter((hit) => !addedIds.has(hit.id))].slice(0, limit);
}
