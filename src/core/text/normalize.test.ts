import { describe, expect, it } from 'vitest';
import { collapseSpaces, normalizeCharacters, normalizeLineEndings } from './normalize';

describe('normalizeCharacters', () => {
  it('turns the Latin ligatures into their letters', () => {
    expect(normalizeCharacters('\uFB00 \uFB01 \uFB02 \uFB03 \uFB04 \uFB05 \uFB06')).toBe('ff fi fl ffi ffl st st');
    expect(normalizeCharacters('e\uFB03cient \uFB01nd \uFB02ow')).toBe('efficient find flow');
  });

  it('leaves other compatibility characters alone (no NFKC of the whole text)', () => {
    expect(normalizeCharacters('x² ½ Ｆｕｌｌ ™ ℃ Å')).toBe('x² ½ Ｆｕｌｌ ™ ℃ Å');
  });

  it('removes soft hyphens unless asked to keep them', () => {
    expect(normalizeCharacters('hy\u00ADphen\u00ADated')).toBe('hyphenated');
    expect(normalizeCharacters('hy\u00ADphen', { keepSoftHyphens: true })).toBe('hy\u00ADphen');
  });

  it('makes odd spaces plain and drops invisible characters, keeping line breaks', () => {
    expect(normalizeCharacters('a\u00A0b\u2009c\u3000d\te\u200Bf\uFEFFg\u2060h\nnext')).toBe('a b c d efgh\nnext');
    expect(normalizeCharacters('zero\u200Bwidth')).toBe('zerowidth');
    expect(normalizeCharacters('keep\u200Cjoiners\u200D')).toBe('keep\u200Cjoiners\u200D');
  });
});

describe('normalizeLineEndings and collapseSpaces', () => {
  it('turns CRLF and CR into LF', () => {
    expect(normalizeLineEndings('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });

  it('collapses runs of spaces but not line breaks', () => {
    expect(collapseSpaces('a   b \n\n  c')).toBe('a b \n\n c');
  });
});
