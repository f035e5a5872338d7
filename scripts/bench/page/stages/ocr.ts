import { PDFDocument } from 'pdf-lib';
import { createOcrReader } from '../../../../src/workers/ocr/tesseract-reader';
import { readDocument } from '../../../../src/workers/engine/read-document';
import { OCR_PAGE_MEASURE } from '../../../../src/workers/engine/scanned-pages';

export interface OcrBenchResult {
  pages: number;
  characters: number;
  /** Seconds per page as the library reads a scanned PDF: pdf.js draws it at ~300 dpi, tesseract reads it. */
  pageSeconds: number[];
  /** The same page images (PNG, 300 dpi) given to the OCR engine directly: no pdf.js, no drawing. */
  bareSeconds: number[];
  pixels: number;
}

const PROSE =
  'The harbour commission met on the fourth of November to review the state of the north pier. The engineer reported that forty-two of the oak piles had rotted below the waterline, and the commission agreed to order four hundred barrels of tar and sixty tonnes of granite setts before the herring season. ';

/** A scanned A4 page at 300 dpi: 45 lines of 11-point serif text, as a PNG. */
async function scannedPage(number: number): Promise<Blob> {
  const scale = 300 / 72;
  const canvas = new OffscreenCanvas(Math.round(595 * scale), Math.round(842 * scale));
  const context = canvas.getContext('2d')!;
  context.fillStyle = 'white';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.fillStyle = '#111';
  context.font = '11px serif';
  const words = `Page ${number}. ${PROSE.repeat(12)}`.split(' ');
  let line = '';
  let y = 60;
  for (const word of words) {
    if (context.measureText(`${line} ${word}`).width > 480 && line) {
      context.fillText(line, 56, y);
      line = word;
      y += 15.5;
      if (y > 790) break;
    } else line = line ? `${line} ${word}` : word;
  }
  return canvas.convertToBlob({ type: 'image/png' });
}

/**
 * Reads an image-only PDF of `pageCount` A4 pages the way the library does (read-document.ts: pdf.js draws each page,
 * the OCR engine reads it), then the same page images straight through the engine. The engine is started and its
 * language loaded before either is timed (the first page's wait, measured apart).
 */
export async function readScannedPages(siteUrl: string, pageCount: number): Promise<OcrBenchResult & { startSeconds: number }> {
  const images = await Promise.all(Array.from({ length: pageCount }, (_, i) => scannedPage(i + 1)));
  const pdf = await PDFDocument.create();
  for (const image of images) pdf.addPage([595, 842]).drawImage(await pdf.embedPng(await image.arrayBuffer()), { x: 0, y: 0, width: 595, height: 842 });
  const bytes = await pdf.save();
  const reader = createOcrReader(`${siteUrl}ocr/`);
  try {
    const started = performance.now();
    await reader.read(await scannedPage(0), { timeoutMs: 300_000 });
    const startSeconds = (performance.now() - started) / 1000;
    performance.clearMeasures(OCR_PAGE_MEASURE);
    const read = await readDocument(new File([bytes as Uint8Array<ArrayBuffer>], 'scan.pdf', { type: 'application/pdf' }), bytes, () => {}, undefined, { reader });
    const measures = performance.getEntriesByName(OCR_PAGE_MEASURE) as PerformanceMeasure[];
    const bareSeconds: number[] = [];
    for (const image of images) {
      const start = performance.now();
      await reader.read(image, { timeoutMs: 300_000 });
      bareSeconds.push((performance.now() - start) / 1000);
    }
    return {
      pages: read.pages.length,
      characters: read.pages.reduce((sum, page) => sum + page.text.length, 0),
      pageSeconds: measures.map((measure) => measure.duration / 1000),
      bareSeconds,
      pixels: (measures[0]?.detail as { pixels: number } | undefined)?.pixels ?? 0,
      startSeconds,
    };
  } finally {
    await reader.close();
  }
}
