import { describe, expect, it } from 'vitest';
import { describePages, readingWarning } from './reading-report';

describe('describePages', () => {
  it.each([
    [[4], 'page 4'],
    [[7, 4], 'pages 4 and 7'],
    [[4, 5], 'pages 4, 5'.replace(', ', ' and ')],
    [[2, 3, 4, 5, 9, 12], 'pages 2–5, 9 and 12'],
    [[1, 2, 3], 'pages 1–3'],
  ])('%j → %s', (pages, text) => expect(describePages(pages)).toBe(text));
});

describe('readingWarning', () => {
  it('is silent when every page was read', () => expect(readingWarning(10, [], [])).toBeUndefined());
  it('counts unreadable pages and names pages without text', () => {
    expect(readingWarning(120, [4, 7, 9], [12, 13, 14])).toBe(
      '3 of 120 pages could not be read (pages 4, 7 and 9). No text found on pages 12–14, even with OCR: pictures or blank pages, most likely.',
    );
  });
  it('names each page OCR could not read, with why, and does not count it as blank', () => {
    expect(readingWarning(3, [], [2, 3], [{ page: 2, reason: 'Reading it with OCR took more than 120 seconds.' }])).toBe(
      'OCR could not read page 2: Reading it with OCR took more than 120 seconds. No text found on page 3, even with OCR: pictures or blank pages, most likely.',
    );
  });
});
