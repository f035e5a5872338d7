import { describe, expect, it } from 'vitest';
import { highlightBoxes } from './highlight';
import { LOW_CONFIDENCE, ocrTextItems, pageConfidence, type OcrPage } from './ocr';
import { buildPdfPages } from './pdf-pages';

const word = (text: string, x0: number, x1: number, confidence = 95) => ({ text, confidence, box: { x0, y0: 0, x1, y1: 0 } });

// A 1000 × 1000 pixel image of a 500 × 500 point page (2 pixels a point), two lines of text.
const page: OcrPage = {
  width: 1000,
  height: 1000,
  lines: [
    { box: { x0: 100, y0: 100, x1: 700, y1: 148 }, words: [word('Harbour', 100, 300), word('works', 320, 450), word('begin.', 470, 700)] },
    { box: { x0: 100, y0: 160, x1: 500, y1: 208 }, words: [word('Tar', 100, 200, 40), word('ordered.', 220, 500, 50)] },
  ],
};
const toPdf = (x: number, y: number): [number, number] => [x / 2, 500 - y / 2];

describe('OCR text items', () => {
  it('become page text with one line per OCR line and a space between words', () => {
    const [built] = buildPdfPages([{ page: 1, viewBox: [0, 0, 500, 500], rotation: 0, items: ocrTextItems(page, toPdf, true) }]);
    expect(built.text).toBe('Harbour works begin.\nTar ordered.');
  });

  it('box a passage where its words stand on the image', () => {
    const [built] = buildPdfPages([{ page: 1, viewBox: [0, 0, 500, 500], rotation: 0, items: ocrTextItems(page, toPdf, true) }]);
    const start = built.text.indexOf('Tar');
    const boxes = highlightBoxes(built.layout!, start, start + 'Tar'.length);
    expect(boxes).toHaveLength(1);
    // Image pixels 100–200 across, 160–208 down, of 1000: the box covers exactly the word on its line.
    expect(boxes[0].left).toBeCloseTo(0.1);
    expect(boxes[0].width).toBeCloseTo(0.1);
    expect(boxes[0].top).toBeCloseTo(0.16);
    expect(boxes[0].height).toBeCloseTo(0.048);
  });

  it('leave out empty words', () => {
    const items = ocrTextItems({ ...page, lines: [{ box: page.lines[0].box, words: [word(' ', 0, 10), word('Alone', 20, 90)] }] }, toPdf, true);
    expect(items.map((item) => item.str)).toEqual(['Alone']);
    expect(items[0].hasEOL).toBe(true);
  });
});

describe('page confidence', () => {
  it('weighs words by their length, and is undefined without words', () => {
    expect(pageConfidence(page)).toBeCloseTo((95 * 18 + 40 * 3 + 50 * 8) / 29);
    expect(pageConfidence({ width: 1, height: 1, lines: [] })).toBeUndefined();
    expect(pageConfidence(page)!).toBeGreaterThan(LOW_CONFIDENCE);
  });
});
