import { describe, expect, it } from 'vitest';
import { bridgeNames, followUpQuery, withFollowUp } from './second-hop';

const QUESTION = 'What government position was held by the woman who portrayed Corliss Archer in the film Kiss and Tell?';
const FILM = {
  text: 'Kiss and Tell is a 1945 American comedy film starring then 17-year-old Shirley Temple as Corliss Archer. In the film, two teenage girls cause their respective parents much concern when they start to become interested in boys. The parents are played by Robert Benchley and Walter Abel.',
};
const RADIO = { text: 'Meet Corliss Archer, a radio sitcom of the 1940s, was broadcast on CBS. In May 1944 the program moved to NBC.' };

describe('bridgeNames', () => {
  it('takes the names the first passages introduce, from the sentence sharing most with the question first', () => {
    const names = bridgeNames(QUESTION, [FILM, RADIO]);
    expect(names[0]).toBe('Shirley Temple');
    // Names the question holds, months and nationalities are not bridges.
    expect(names).not.toContain('Corliss Archer');
    expect(names).not.toContain('Kiss and Tell');
    expect(names.some((name) => /May|American/.test(name))).toBe(false);
  });

  it('reads no further than the first two passages, and never a passage title', () => {
    const third = { text: 'Hedy Lamarr was an actress.' };
    expect(bridgeNames(QUESTION, [FILM, RADIO, third])).not.toContain('Hedy Lamarr');
    expect(bridgeNames('Who wrote it?', [{ title: 'Ada Lovelace', text: 'Ada Lovelace wrote notes.' }])).toEqual([]);
  });
});

describe('followUpQuery', () => {
  it('asks for the bridge names with the question words the first passages left unanswered', () => {
    const followUp = followUpQuery(QUESTION, [FILM, RADIO]);
    expect(followUp?.names.slice(0, 1)).toEqual(['Shirley Temple']);
    // The second name comes from the radio passage; the words no passage holds follow the names.
    expect(followUp?.query).toBe('Shirley Temple CBS government position held woman portrayed');
  });

  it("follows the question's own name the best passage lacks (the other half of a comparison)", () => {
    const followUp = followUpQuery('Who is younger, Keith Bostic or Jerry Glanville?', [{ text: 'Keith Bostic is a former American football player born in 1961.' }]);
    expect(followUp?.names).toContain('Jerry Glanville');
  });

  it('follows nothing from passages that share no word with the question (the documents do not cover it)', () => {
    expect(followUpQuery('What was the GDP of Mongolia in 1995?', [{ text: 'The lighthouse keeper is Ada Lindqvist of Westmere.' }])).toBeNull();
    // A passage that does not answer is skipped; the next one may lead.
    const followUp = followUpQuery(QUESTION, [{ text: 'Hedy Lamarr was an inventor.' }, FILM]);
    expect(followUp?.names[0]).toBe('Shirley Temple');
  });

  it('is null when the passages introduce nothing to follow', () => {
    expect(followUpQuery('when did the harbor open', [{ text: 'the harbor opened in 1871 and still serves the fleet.' }])).toBeNull();
    expect(followUpQuery('when did the harbor open', [])).toBeNull();
  });
});

describe('withFollowUp', () => {
  const hits = (...ids: string[]) => ids.map((id) => ({ id }));
  it("keeps the first round's best four, adds the follow-up's best, then the rest, limit in all", () => {
    expect(withFollowUp(hits('a', 'b', 'c', 'd', 'e', 'f'), hits('x', 'b', 'y'), 6).map((hit) => hit.id)).toEqual(['a', 'b', 'c', 'd', 'x', 'e']);
    // The follow-up's best is the first round's sixth: it moves up to fifth.
    expect(withFollowUp(hits('a', 'b', 'c', 'd', 'e', 'f'), hits('f', 'x'), 6).map((hit) => hit.id)).toEqual(['a', 'b', 'c', 'd', 'f', 'e']);
    expect(withFollowUp(hits('a', 'b'), hits('x'), 6).map((hit) => hit.id)).toEqual(['a', 'b', 'x']);
    expect(withFollowUp(hits('a', 'b', 'c'), hits('x'), 1).map((hit) => hit.id)).toEqual(['a']);
  });

  it("marks a passage both rounds found with the follow-up's names, in its first-round place", () => {
    const merged = withFollowUp([{ id: 'a' }, { id: 'b' }], [{ id: 'b', followed: 'Shirley Temple' }], 6);
    expect(merged).toEqual([{ id: 'a' }, { id: 'b', followed: 'Shirley Temple' }]);
  });
});
