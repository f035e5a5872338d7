import { describe, expect, it } from 'vitest';
import { findRunningLines, isPageNumberLine, lineSignature, type PageLine } from './running-lines';

const lines = (...texts: string[]): PageLine[] => texts.map((text) => ({ text }));
const removed = (pages: PageLine[][]) => findRunningLines(pages).map((set, page) => [...set].sort((a, b) => a - b).map((i) => pages[page][i].text));

describe('isPageNumberLine', () => {
  it('recognises bare page numbers in their usual dresses', () => {
    for (const line of ['12', ' 7 ', '- 4 -', '— 12 —', '(3)', '[3]', 'Page 3', 'page 3 of 10', 'Page 3 / 10', '3 / 10', '3 of 10', 'p. 5', 'Seite 4 von 9', 'xiv', 'IV']) {
      expect(isPageNumberLine(line), line).toBe(true);
    }
  });

  it('does not take text for a page number', () => {
    for (const line of ['', '12 apples', 'Chapter 3', 'Page three', 'I think', 'mix', '2023-2024', '1.5']) {
      expect(isPageNumberLine(line), line).toBe(false);
    }
  });
});

describe('lineSignature', () => {
  it('sets numbers, case and spacing aside', () => {
    expect(lineSignature('  Annual Report 2023 —  Page 12 ')).toBe(lineSignature('annual report 2024 — page 7'));
    expect(lineSignature('Chapter 1')).not.toBe(lineSignature('Section 1'));
  });
});

describe('findRunningLines', () => {
  it('removes headers, footers and page numbers that recur at page edges', () => {
    const pages = [1, 2, 3, 4].map((n) => lines('ACME Corp — Annual Report 2023', `Body text of page ${n} says ${'abcd'[n - 1]}.`, `More about ${'wxyz'[n - 1]}.`, 'Confidential', `Page ${n} of 4`));
    expect(removed(pages)).toEqual(pages.map((page) => [page[0].text, page[3].text, page[4].text]));
  });

  it('recognises alternating even/odd headers and numbers at the top', () => {
    const pages = Array.from({ length: 7 }, (_, i) =>
      lines(`${i + 1}`, i % 2 ? 'The Book Title' : 'Chapter Three: Winter', `Unique body ${'abcdefg'[i]} line.`, `Other words ${'hijklmn'[i]}.`),
    );
    expect(removed(pages).every((page, i) => page.length === 2 && page[0] === `${i + 1}`)).toBe(true);
  });

  it('removes only bands at the edges: a recurring line inside the page stays', () => {
    const pages = [1, 2, 3].map((n) => lines('Header', `Top ${'abc'[n - 1]}`, 'See the figure below', `Middle ${'def'[n - 1]}`, `Bottom ${'ghi'[n - 1]}`, 'Footer', 'Extra', 'Lines', `End ${'jkl'[n - 1]}`));
    expect(removed(pages)).toEqual([['Header'], ['Header'], ['Header']]);
  });

  it('uses y positions to know the top and the bottom when they are given', () => {
    // The footer comes first in the content stream but stands at the bottom of the page.
    const pages = [1, 2, 3].map((n) => [
      { text: `Footer line ${n}`, y: 30 },
      { text: `First line of page ${'abc'[n - 1]}`, y: 780 },
      { text: `Second line ${'def'[n - 1]}`, y: 760 },
      { text: `Third ${'ghi'[n - 1]}`, y: 740 },
      { text: `Fourth ${'jkl'[n - 1]}`, y: 720 },
    ]);
    expect(removed(pages)).toEqual([['Footer line 1'], ['Footer line 2'], ['Footer line 3']]);
  });

  it('needs 3 pages to call a line recurring, but knows page numbers from 2 pages on', () => {
    const two = [1, 2].map((n) => lines('Same header', `Text ${'ab'[n - 1]}`, `${n}`));
    expect(removed(two)).toEqual([['1'], ['2']]);
    expect(removed([lines('Total', '42')])).toEqual([[]]);
  });

  it('never empties a page repeated word for word on many pages: repetition alone says nothing there', () => {
    const blank = Array.from({ length: 5 }, () => lines('This page is intentionally left blank.'));
    expect(removed(blank)).toEqual(blank.map(() => []));
    const identical = Array.from({ length: 4 }, () => lines('Form A', 'Name:', 'Date:'));
    expect(removed(identical)).toEqual(identical.map(() => []));
  });

  it('empties a page whose only text is furniture that changes from page to page: its number, a filing stamp', () => {
    expect(removed([lines('Text a', '1'), lines('2'), lines('Text c', '3')])).toEqual([['1'], ['2'], ['3']]);
    // A scanned court order whose only text layer is the court's stamp on each page.
    const stamp = (n: number) => `Case 1:21-cv-01234-ABC Document 12 Filed 03/04/21 Page ${n} of 5 PageID #: ${100 + n}`;
    const order = [1, 2, 3, 4, 5].map((n) => lines(stamp(n)));
    expect(removed(order)).toEqual([1, 2, 3, 4, 5].map((n) => [stamp(n)]));
    // The same stamp over pages with text of their own: the stamp goes, the text stays.
    const mixed = [1, 2, 3, 4, 5].map((n) => (n <= 2 ? lines(stamp(n), `Order of the court, part ${'ab'[n - 1]}.`) : lines(stamp(n))));
    expect(removed(mixed)).toEqual([1, 2, 3, 4, 5].map((n) => [stamp(n)]));
  });
});
