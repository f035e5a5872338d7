import { describe, expect, it } from 'vitest';
import { StructuredTextBuilder } from './structured-text';

describe('StructuredTextBuilder', () => {
  it('collapses whitespace in flow, trims the ends and never piles up breaks', () => {
    const out = new StructuredTextBuilder();
    out.paragraphBreak();
    out.inline('  Hello \n  world ');
    out.inline('again');
    out.lineBreak();
    out.paragraphBreak();
    out.lineBreak();
    out.inline('Next paragraph');
    out.paragraphBreak();
    expect(out.result()).toEqual({ text: 'Hello world again\n\nNext paragraph', headings: [] });
  });

  it('keeps words of adjacent inline pieces together and apart as written', () => {
    const out = new StructuredTextBuilder();
    out.inline('bold');
    out.inline('face and ');
    out.inline('italic');
    expect(out.result().text).toBe('boldface and italic');
  });

  it('keeps the lines of preformatted text, without indentation', () => {
    const out = new StructuredTextBuilder();
    out.inline('Code:');
    out.paragraphBreak();
    out.preformatted('\nfunction f() {\n    return 1;   \n}\n');
    out.paragraphBreak();
    out.inline('After.');
    expect(out.result().text).toBe('Code:\n\nfunction f() {\nreturn 1;\n}\n\nAfter.');
  });

  it('records headings with their offsets and levels, dropping empty ones', () => {
    const out = new StructuredTextBuilder();
    out.beginHeading(1);
    out.inline(' The   Title ');
    out.endHeading();
    out.inline('Text.');
    out.beginHeading(2);
    out.endHeading();
    out.beginHeading(9);
    out.inline('Deep');
    const { text, headings } = out.result();
    expect(text).toBe('The Title\n\nText.\n\nDeep');
    expect(headings.map((h) => [text.slice(h.start, h.end), h.level])).toEqual([
      ['The Title', 1],
      ['Deep', 6],
    ]);
  });

  it('normalises ligatures and odd spaces', () => {
    const out = new StructuredTextBuilder();
    out.inline('\uFB01ne\u00A0print, so\u00ADft');
    expect(out.result().text).toBe('fine print, soft');
  });
});
