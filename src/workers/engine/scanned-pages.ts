import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ocrLanguagesToLoad } from '../../core/ocr-languages';
import { LOW_CONFIDENCE, ocrTextItems, pageConfidence, type OcrPage, type ToPdfPoint } from '../../core/text/ocr';
import type { RawPdfPage } from '../../core/text/pdf-pages';
import { createOcrReader, OcrCancelled, OcrPageError, type OcrReader } from '../ocr/tesseract-reader';
import { openPdf } from './pdf-document';

/** About 300 dpi: what the OCR engine reads best at (PDF user space has 72 units per inch). */
const OCR_SCALE = 300 / 72;
/** At most this many pixels per page image (an A4 page at 300 dpi is 8.7 million; 4 bytes each while drawn). */
export const MAX_OCR_PIXELS = 12_000_000;
/** One page's drawing and reading must end within this; a page that does not is reported and the rest read. */
export const OCR_PAGE_TIMEOUT_MS = 120_000;

/** The performance measure each page read with OCR leaves (drawing and reading); the bench and the accuracy script time it. */
export const OCR_PAGE_MEASURE = 'docent:ocr-page';

/** Which pages were read by OCR, which of them with low confidence, and which could not be read, with why. */
export interface OcrReport {
  pages: number[];
  lowConfidence: number[];
  failed: { page: number; reason: string }[];
}

/** Reports OCR progress: `done` pages of `total` to read, the next one being `page`. */
export type OcrProgress = (progress: { page: number; done: number; total: number }) => void;

let assetsUrl: string | undefined;
let languages = ocrLanguagesToLoad([]);
let reader: OcrReader | undefined;

/** Where the site serves the OCR engine's files (see scripts/vite/ocr-assets.ts), and the languages chosen. */
export function configureOcr(url: string, chosen: readonly string[]): void {
  assetsUrl = url;
  readWithLanguages(chosen);
}

/** Reads with English and the chosen languages from the next page on (the engine starts again with them). */
export function readWithLanguages(chosen: readonly string[]): void {
  const next = ocrLanguagesToLoad(chosen);
  if (next.join('+') === languages.join('+')) return;
  languages = next;
  void reader?.close();
  reader = undefined;
}

/** The one OCR engine of this worker, started on first need. Tests give their own. */
export function ocrReader(): OcrReader {
  if (!assetsUrl) throw new OcrPageError('The OCR engine was not configured.');
  return (reader ??= createOcrReader(assetsUrl, languages));
}

/** The scale a page is drawn at for OCR: about 300 dpi, less for a page so large that it would pass MAX_OCR_PIXELS. */
export function ocrScale(width: number, height: number): number {
  return Math.min(OCR_SCALE, Math.sqrt(MAX_OCR_PIXELS / Math.max(1, width * height)));
}

const bounded = <T>(step: Promise<T>, timeoutMs: number) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OcrPageError(`Drawing it for OCR took more than ${Math.round(timeoutMs / 1000)} seconds.`)), timeoutMs);
  });
  return Promise.race([step, expired]).finally(() => clearTimeout(timer));
};

/** A page drawn for OCR: its image, its size in pixels, how its pixels map to PDF user space, and its memory's end. */
export interface DrawnPage {
  image: OffscreenCanvas | Blob;
  pixels: number;
  toPdf: ToPdfPoint;
  /** The image's lines run along the page's x axis (a page shown unrotated). */
  horizontal: boolean;
  release(): void;
}

/** Draws a page as displayed, white behind, at the OCR scale; with the mapping from its pixels to PDF user space. */
async function drawPage(document: PDFDocumentProxy, number: number): Promise<DrawnPage> {
  const page = await document.getPage(number);
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: ocrScale(base.width, base.height) });
  const canvas = new OffscreenCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d')!;
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport, background: 'white' }).promise;
  page.cleanup();
  return {
    image: canvas,
    pixels: canvas.width * canvas.height,
    toPdf: (x, y) => viewport.convertToPdfPoint(x, y) as [number, number],
    horizontal: page.rotate % 360 === 0,
    release: () => (canvas.width = canvas.height = 0),
  };
}

/** The OCR'd page's place in the report: read (perhaps with low confidence), or failed with its reason. */
function record(report: OcrReport, page: number, result: OcrPage) {
  const confidence = pageConfidence(result);
  if (confidence === undefined) return;
  report.pages.push(page);
  if (confidence < LOW_CONFIDENCE) report.lowConfidence.push(page);
}

/**
 * Reads pages with OCR, one at a time: each is drawn (`draw`) and read by the OCR engine, each step within
 * OCR_PAGE_TIMEOUT_MS. Returns the raw pages with the OCR'd ones' text items in place of what they held (running lines
 * only), for the same cleaning as a text layer. A page that fails is reported with why and keeps what it had; the
 * others are read. Cancelling (`signal`) ends the reading with OcrCancelled.
 */
export async function readPagesWithOcr(
  raw: readonly RawPdfPage[],
  pages: readonly number[],
  draw: (page: number) => Promise<DrawnPage>,
  options: { reader: OcrReader; onProgress: OcrProgress; signal?: AbortSignal },
): Promise<{ raw: RawPdfPage[]; report: OcrReport }> {
  const report: OcrReport = { pages: [], lowConfidence: [], failed: [] };
  const result = [...raw];
  for (const [done, number] of pages.entries()) {
    if (options.signal?.aborted) throw new OcrCancelled();
    options.onProgress({ page: number, done, total: pages.length });
    try {
      const start = performance.now();
      const drawn = await bounded(draw(number), OCR_PAGE_TIMEOUT_MS);
      const page = await options.reader.read(drawn.image, { timeoutMs: OCR_PAGE_TIMEOUT_MS, signal: options.signal }).finally(drawn.release);
      performance.measure(OCR_PAGE_MEASURE, { start, detail: { page: number, pixels: drawn.pixels } });
      record(report, number, page);
      const index = result.findIndex((entry) => entry.page === number);
      result[index] = { ...result[index], items: ocrTextItems(page, drawn.toPdf, drawn.horizontal) };
    } catch (error) {
      if (error instanceof OcrCancelled) throw error;
      report.failed.push({ page: number, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { raw: result, report };
}

/** Reads the given pages of a PDF with OCR (see readPagesWithOcr), each drawn by pdf.js in this worker at ~300 dpi. */
export async function ocrPdfPages(
  data: Uint8Array,
  raw: readonly RawPdfPage[],
  pages: readonly number[],
  options: { reader: OcrReader; onProgress: OcrProgress; signal?: AbortSignal; password?: string },
): Promise<{ raw: RawPdfPage[]; report: OcrReport }> {
  const pdf = openPdf(data, options.password);
  try {
    const document = await pdf.task.promise;
    return await readPagesWithOcr(raw, pages, (number) => drawPage(document, number), options);
  } finally {
    await pdf.close();
  }
}

/** Reads an image file (PNG, JPEG) with OCR: one page, its size in pixels used as its size in points. */
export async function ocrImage(image: Blob, options: { reader: OcrReader; signal?: AbortSignal }): Promise<{ raw: RawPdfPage; report: OcrReport }> {
  const report: OcrReport = { pages: [], lowConfidence: [], failed: [] };
  const start = performance.now();
  const page = await options.reader.read(image, { timeoutMs: OCR_PAGE_TIMEOUT_MS, signal: options.signal });
  performance.measure(OCR_PAGE_MEASURE, { start, detail: { page: 1, pixels: page.width * page.height } });
  record(report, 1, page);
  const items = ocrTextItems(page, (x, y) => [x, page.height - y], true);
  return { raw: { page: 1, viewBox: [0, 0, page.width, page.height], rotation: 0, items }, report };
}
