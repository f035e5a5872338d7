import { describe, expect, it } from 'vitest';
import { collapseSpaces, normalizeCharacters, normalizeLineEndings } from './normalize';

describe('normalizeCharacters', () => {
  it('turns the Latin ligatures into their letters', () => {
    expect(normalizeCharacters('\uFB00 \uFB01 \uFB02 \uFB03 \uFB04 \uFB05 \uFB06')).toBe('ff fi fl ffi ffl st st');
    expect(normalizeCharacters('e\uFB03cient \uFB01nd \uFB02ow')).toBe('efficient find flow');
  });

  it('turns Arabic and Hebrew presentation forms into their letters', () => {
    // "العربية" as shaped glyphs (pdf.js's text of ArabicCIDTrueType.pdf), and the lam-alef ligature.
    expect(normalizeCharacters('\uFE8D\uFEDF\uFECC\uFEAE\uFE91\uFEF4\uFE94')).toBe('العربية');
    expect(normalizeCharacters('\uFEFB')).toBe('لا');
    expect(normalizeCharacters('\uFB2A')).toBe('\u05E9\u05C1');
    // Already plain letters stay as they are.
    expect(normalizeCharacters('انواع الخطوط שלום')).toBe('انواع الخطوط שלום');
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

  it('drops control characters, keeping tabs (as spaces) and line breaks', () => {
    // standard_fonts.pdf prints glyph tables from code 0; issue10640.pdf maps digits to U+0080–U+0082.
    expect(normalizeCharacters('\u0000\u0001\u0007\u001Fa\u007Fb\u0081c\u009F')).toBe('abc');
    expect(normalizeCharacters('figure \u0081 on\tthe\r\nnext')).toBe('figure  on the\r\nnext');
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
