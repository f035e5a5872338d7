import { describe, expect, it } from 'vitest';
import { passwordForms, saslPrep, utf8Bytes } from './pdf-password';

describe('saslPrep', () => {
  it('maps what RFC 4013 maps: soft hyphens and joiners to nothing, odd spaces to a space, then NFKC', () => {
    // The password of pdf.js's saslprep-r6.pdf: "ª" becomes "a" (NFKC), the soft hyphen goes.
    expect(saslPrep('SªSL\u00ADprep')).toBe('SaSLprep');
    expect(saslPrep('a\u200Bb\uFEFFc')).toBe('abc');
    expect(saslPrep('a\u034Fb\uFE0Fc\u180Bd')).toBe('abcd');
    expect(saslPrep('two\u00A0words\u3000here')).toBe('two words here');
    expect(saslPrep('Ⅸ ﬁ')).toBe('IX fi');
  });

  it('leaves a plain password and precomposed letters as they are', () => {
    expect(saslPrep('swordfish')).toBe('swordfish');
    expect(saslPrep('pässwört')).toBe('pässwört');
    // A decomposed "ä" is composed (NFKC), so both spellings hash alike.
    expect(saslPrep('pa\u0308sswo\u0308rt')).toBe('pässwört');
  });
});

describe('passwordForms', () => {
  it('gives an ASCII password one form', () => {
    expect(passwordForms('swordfish')).toEqual(['swordfish']);
  });

  it('tries the password as typed first, then prepared, then as UTF-8 bytes', () => {
    expect(passwordForms('pässwört')).toEqual(['pässwört', utf8Bytes('pässwört')]);
    expect(passwordForms('SªSL\u00ADprep')).toEqual(['SªSL\u00ADprep', 'SaSLprep', utf8Bytes('SªSL\u00ADprep')]);
  });

  it('writes UTF-8 bytes one character per byte', () => {
    expect(utf8Bytes('æ')).toBe('\u00C3\u00A6');
    expect([...utf8Bytes('pässwört')].every((char) => char.charCodeAt(0) < 256)).toBe(true);
  });
});
