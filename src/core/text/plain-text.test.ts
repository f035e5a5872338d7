import { describe, expect, it } from 'vitest';
import { plainTextPages } from './plain-text';

describe('plainTextPages', () => {
  it('gives one page of cleaned text', () => {
    expect(plainTextPages('  Title  \r\n\r\n\r\n\r\nThe  \uFB01rst\u00A0para-\r\ngraph.\r\n')).toEqual([{ page: 1, text: 'Title\n\nThe first paragraph.' }]);
  });

  it('starts a page at each form feed and drops trailing empty pages', () => {
    const pages = plainTextPages('One.\fTwo.\f\fFour.\f\n');
    expect(pages).toEqual([
      { page: 1, text: 'One.' },
      { page: 2, text: 'Two.' },
      { page: 3, text: '' },
      { page: 4, text: 'Four.' },
    ]);
  });

  it('removes running headers and page numbers of form-feed pages', () => {
    const bodies = ['Alpha text here.\nIt is first.', 'Beta text there.\nIt comes second.', 'Gamma text everywhere.\nThird and last.'];
    const text = bodies.map((body, i) => `REPORT ON GREEK LETTERS\n\n${body}\n\n${i + 1}`).join('\f');
    expect(plainTextPages(text).map((page) => page.text)).toEqual(bodies);
  });

  it('keeps a one-page text whole, a number on its last line included', () => {
    expect(plainTextPages('The answer is\n42')).toEqual([{ page: 1, text: 'The answer is\n42' }]);
  });
});
