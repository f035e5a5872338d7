import { describe, expect, it } from 'vitest';
import { collectVocabulary, hyphenJoin, joinHyphenatedLines } from './hyphenation';

describe('hyphenJoin', () => {
  it('drops the hyphen of a word broken before a lower-case continuation', () => {
    expect(hyphenJoin('the inter-', 'national court')).toBe('drop-hyphen');
    expect(hyphenJoin('Straßen-', 'bahn')).toBe('drop-hyphen');
    expect(hyphenJoin('a U+2010 hyphen\u2010', 'ated')).toBe('drop-hyphen');
  });

  it('keeps the hyphen of a compound broken before a capital or a digit', () => {
    expect(hyphenJoin('the Franco-', 'German border')).toBe('keep-hyphen');
    expect(hyphenJoin('during COVID-', '19 times')).toBe('keep-hyphen');
    expect(hyphenJoin('non-', 'English')).toBe('keep-hyphen');
  });

  it('keeps the hyphen of a compound the document writes with one elsewhere', () => {
    const vocabulary = collectVocabulary(['a well-known fact', 'is well-\nknown']);
    expect(hyphenJoin('is well-', 'known', vocabulary)).toBe('keep-hyphen');
    // Written both ways: the broken line gives no evidence, the joined word wins.
    const both = collectVocabulary(['email and e-mail']);
    expect(hyphenJoin('an e-', 'mail', both)).toBe('drop-hyphen');
  });

  it('always joins at a soft hyphen, without a hyphen', () => {
    expect(hyphenJoin('inter\u00AD', 'national')).toBe('drop-hyphen');
    expect(hyphenJoin('Donau\u00AD', 'Dampfschiff')).toBe('drop-hyphen');
  });

  it('does not join dashes, lone hyphens, numbers or lines that start with punctuation', () => {
    expect(hyphenJoin('a pause –', 'then more')).toBe('none');
    expect(hyphenJoin('a list -', 'item')).toBe('none');
    expect(hyphenJoin('pages 10-', '12')).toBe('none');
    expect(hyphenJoin('the inter-', '(national)')).toBe('none');
    expect(hyphenJoin('the inter-', '')).toBe('none');
    expect(hyphenJoin('no hyphen', 'here')).toBe('none');
  });
});

describe('collectVocabulary', () => {
  it('collects lower-cased words and hyphenated compounds, not fragments broken at line ends', () => {
    const words = collectVocabulary(['State-of-the-art Methods\nare inter-\nnational']);
    expect([...words].sort()).toEqual(['are', 'methods', 'national', 'state-of-the-art']);
  });
});

describe('joinHyphenatedLines', () => {
  it('joins broken words and keeps the other lines as they are', () => {
    expect(joinHyphenatedLines('the inter-\nnational court\nmet the Franco-\nGerman side\nof the\nriver')).toBe(
      'the international court\nmet the Franco-German side\nof the\nriver',
    );
  });

  it('joins at soft hyphens and leaves blank lines (paragraph ends) alone', () => {
    expect(joinHyphenatedLines('inter\u00AD\n  national')).toBe('international');
    expect(joinHyphenatedLines('a pre-\n\nfix')).toBe('a pre-\n\nfix');
  });

  it('uses the document’s own spelling of compounds', () => {
    expect(joinHyphenatedLines('a well-known fact is well-\nknown')).toBe('a well-known fact is well-known');
  });
});
