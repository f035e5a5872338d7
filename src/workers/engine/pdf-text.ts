import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { PageWithLayout } from '../../core/text/layout';
import { buildPdfPages, type RawPdfPage, type RawTextItem } from '../../core/text/pdf-pages';
import { openPdf } from './pdf-document';

export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
}

function rawItem(item: TextItem): RawTextItem {
  const [a, b, c, d, x, y] = item.transform as number[];
  return {
    str: item.str,
    x,
    y,
    width: item.width,
    // pdf.js gives the font size in page units as `height`; some fonts report 0, then the matrix says it.
    height: item.height > 0 ? item.height : Math.hypot(c, d),
    hasEOL: item.hasEOL,
    horizontal: Math.abs(b) < 1e-6 * Math.max(1, Math.abs(a)) && Math.abs(c) < 1e-6 * Math.max(1, Math.abs(d)) && a > 0 && d > 0,
  };
}

function explain(error: unknown): UnreadableFileError {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new UnreadableFileError('This PDF is protected by a password.');
  if (name === 'InvalidPDFException' || /invalid pdf/i.test(message)) {
    return new UnreadableFileError('This file is damaged or is not a PDF.');
  }
  return new UnreadableFileError(`This PDF could not be read: ${message}`);
}

/**
 * Reads the text of every page; `onPage` reports progress after each one. The text is cleaned by
 * `core/text/pdf-pages.ts` (running headers, footers and page numbers removed, hyphenation joined, ligatures
 * resolved), which needs all pages at once to see what repeats; each page carries its `layout` for highlighting.
 */
export async function readPdfPages(data: Uint8Array, onPage: (done: number, total: number) => void): Promise<PageWithLayout[]> {
  const loadingTask = openPdf(data);
  let pdf: PDFDocumentProxy;
  try {
    pdf = await loadingTask.promise;
  } catch (error) {
    await loadingTask.destroy();
    throw explain(error);
  }
  try {
    const pages: RawPdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is TextItem => 'str' in item).map(rawItem);
      const [x0, y0, x1, y1] = page.view;
      pages.push({ page: number, viewBox: [x0, y0, x1, y1], rotation: page.rotate, items });
      page.cleanup();
      onPage(number, pdf.numPages);
    }
    return buildPdfPages(pages);
  } catch (error) {
    throw explain(error);
  } finally {
    await loadingTask.destroy();
  }
}
