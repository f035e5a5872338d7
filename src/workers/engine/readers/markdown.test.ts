import { describe, expect, it } from 'vitest';
import { markdownToText, readMarkdown } from './markdown';

describe('markdownToText', () => {
  it('gives the text a reader sees, with ATX and setext headings as the outline', () => {
    const markdown = [
      '---',
      'title: Front matter is metadata',
      '---',
      '# The *Harbour* Guide',
      '',
      'Opens at **six**, see [the site](https://example.com) or ![a map](map.png).',
      '',
      'Tides',
      '-----',
      '',
      '- first item',
      '- second `code` item',
      '',
      '```js',
      '# not a heading',
      'const x = 1;',
      '```',
      '',
      '> A quote.',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '<script>alert(1)</script>',
      '### Last',
    ].join('\n');
    const { text, headings } = markdownToText(markdown);
    expect(text).toBe(
      'The Harbour Guide\n\nOpens at six, see the site or .\n\nTides\n\nfirst item\nsecond code item\n\n# not a heading\nconst x = 1;\n\nA quote.\n\na | b\n1 | 2\n\nLast',
    );
    expect(headings.map((h) => [text.slice(h.start, h.end), h.level])).toEqual([
      ['The Harbour Guide', 1],
      ['Tides', 2],
      ['Last', 3],
    ]);
  });

  it('reads CRLF files and files without headings', () => {
    expect(markdownToText('Line one\r\nline two\r\n\r\nNext.')).toEqual({ text: 'Line one line two\n\nNext.', headings: [] });
  });
});

describe('readMarkdown', () => {
  it('reads one page, BOM and all', () => {
    expect(readMarkdown(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('# Hi\n\nThere.')]))).toEqual([
      { page: 1, text: 'Hi\n\nThere.', headings: [{ start: 0, end: 2, level: 1 }] },
    ]);
  });
});
