import { describe, expect, it } from 'vitest';
import type { OcrPage } from '../../core/text/ocr';
import type { RawPdfPage } from '../../core/text/pdf-pages';
import { OcrCancelled, OcrPageError, type OcrReader } from '../ocr/tesseract-reader';
import { ocrScale, readPagesWithOcr, type DrawnPage } from './scanned-pages';

const raw: RawPdfPage[] = [1, 2, 3].map((page) => ({ page, viewBox: [0, 0, 100, 100], rotation: 0, items: [] }));
const text = (word: string, confidence = 92): OcrPage => ({
  width: 100,
  height: 100,
  lines: [{ box: { x0: 10, y0: 10, x1: 90, y1: 22 }, words: [{ text: word, confidence, box: { x0: 10, y0: 10, x1: 90, y1: 22 } }] }],
});
/** Each page's "image" says which page it is, so the fake engine knows what it reads. */
const draw = async (page: number): Promise<DrawnPage> => ({ image: new Blob([String(page)]), pixels: 1, toPdf: (x, y) => [x, 100 - y], horizontal: true, release: () => {} });
const reader = (read: (page: number, signal?: AbortSignal) => Promise<OcrPage>): OcrReader => ({
  read: async (image, { signal }) => read(Number(await (image as Blob).text()), signal),
  close: async () => {},
});

describe('reading pages with OCR', () => {
  it('reports a page that fails, with why, and keeps the others', async () => {
    const progress: string[] = [];
    const failing = reader(async (page) => {
      if (page === 2) throw new OcrPageError('Reading it with OCR took more than 120 seconds.');
      return text(`page-${page}`, page === 3 ? 40 : 92);
    });
    const { raw: read, report } = await readPagesWithOcr(raw, [1, 2, 3], draw, { reader: failing, onProgress: ({ page, done, total }) => progress.push(`${page}:${done}/${total}`) });
    expect(report).toEqual({ pages: [1, 3], lowConfidence: [3], failed: [{ page: 2, reason: 'Reading it with OCR took more than 120 seconds.' }] });
    expect(read.map((page) => page.items.map((item) => item.str).join(''))).toEqual(['page-1', '', 'page-3']);
    expect(progress).toEqual(['1:0/3', '2:1/3', '3:2/3']);
  });

  it('reports a page that cannot be drawn', async () => {
    const broken = async (page: number) => (page === 1 ? Promise.reject(new Error('Invalid content stream')) : draw(page));
    const { report } = await readPagesWithOcr(raw, [1, 2], broken, { reader: reader(async (page) => text(`p${page}`)), onProgress: () => {} });
    expect(report.failed).toEqual([{ page: 1, reason: 'Invalid content stream' }]);
    expect(report.pages).toEqual([2]);
  });

  it('stops at once when cancelled, in the middle of a page, and reads no page after', async () => {
    const controller = new AbortController();
    const asked: number[] = [];
    const cancelling = reader(async (page) => {
      asked.push(page);
      controller.abort();
      throw new OcrCancelled();
    });
    await expect(readPagesWithOcr(raw, [1, 2, 3], draw, { reader: cancelling, onProgress: () => {}, signal: controller.signal })).rejects.toThrow(OcrCancelled);
    expect(asked).toEqual([1]);
  });

  it('draws at about 300 dpi, less for a page that would pass the pixel bound', () => {
    expect(ocrScale(595, 842)).toBeCloseTo(300 / 72);
    expect(ocrScale(14_400, 14_400) * 14_400).toBeLessThan(3_500);
  });
});
