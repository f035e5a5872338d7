import { describe, expect, it } from 'vitest';
import { characterErrorRate, editDistance } from './character-error-rate';

describe('character error rate', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('is per character of the truth, with white space runs as one space', () => {
    expect(characterErrorRate('The tar\nwas  ordered.', 'The tar was ordered.')).toBe(0);
    expect(characterErrorRate('abcd', 'abed')).toBe(0.25);
    expect(characterErrorRate('', '')).toBe(0);
    expect(characterErrorRate('', 'noise')).toBe(1);
  });
});
