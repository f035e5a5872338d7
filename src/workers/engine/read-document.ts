import { formatByName, SUPPORTED_FORMATS_LABEL, type DocumentFormat } from '../../core/text/formats';
import type { DocumentIdentity } from '../../core/document-identity';
import type { PageWithLayout } from '../../core/text/layout';
import { buildPdfPages } from '../../core/text/pdf-pages';
import { OcrPageError, type OcrReader } from '../ocr/tesseract-reader';
import { readPdfPages, UnreadableFileError, type PdfText } from './pdf-text';
import { ocrImage, ocrPdfPages, ocrReader, type OcrProgress, type OcrReport } from './scanned-pages';
import { readDocx } from './readers/docx';
import { readHtml } from './readers/html';
import { readMarkdown } from './readers/markdown';
import { readPlainText } from './readers/plain-text';

const startsWith = (bytes: Uint8Array, ...magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/**
 * The format of a file, from its name and type; a file whose bytes start like a PDF is a PDF whatever its name, and
 * one with no known name or type is a PDF when a PDF header stands in its first 1,024 bytes (where the PDF format
 * allows it to be).
 */
export function formatOf(file: { name: string; type: string }, bytes: Uint8Array): DocumentFormat | undefined {
  const byName = formatByName(file);
  if (byName === 'pdf' || startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || startsWith(bytes, 0xff, 0xd8, 0xff)) return 'image';
  if (byName === undefined) return new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-') ? 'pdf' : undefined;
  // An old binary Word file or a zip named .txt is not text.
  if (byName === 'text' && (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0) || startsWith(bytes, 0x50, 0x4b, 0x03, 0x04))) return undefined;
  return byName;
}

/**
 * The text of a file, page by page, whatever its format; `onPage` reports progress. PDFs give their pages (with
 * layout, and headings found by font size); text files give one page, or one per form feed; Markdown, HTML and Word
 * give one page with their heading outline. Every page's text is cleaned (see `core/text`).
 */
export interface ReadResult {
  format: DocumentFormat;
  pages: PageWithLayout[];
  /** Pages that could not be read (PDF only); the rest were. */
  unreadablePages: number[];
  /** What the file says it is beyond its name (PDF metadata and running headers). */
  identity?: Omit<DocumentIdentity, 'fileName'>;
  /** Pages read by OCR (scanned PDF pages, images), absent when none needed it. */
  ocr?: OcrReport;
}

/** How scanned pages are read: the OCR engine (this worker's own unless a test gives one), progress, cancelling. */
export interface OcrOptions {
  reader?: OcrReader;
  onProgress?: OcrProgress;
  signal?: AbortSignal;
}

/**
 * A PDF's pages with its scanned ones read by OCR: pages with no text of their own once running headers and footers
 * are out (images of text, most likely), unless pdf.js could not read them at all. A PDF whose pages all have text
 * is returned as read.
 */
async function withScannedPages(text: PdfText, bytes: Uint8Array, ocr: OcrOptions, password?: string): Promise<Omit<ReadResult, 'format'>> {
  const { pages, unreadablePages, identity, raw } = text;
  const scanned = pages.filter((page) => !page.text.trim() && !unreadablePages.includes(page.page)).map((page) => page.page);
  if (scanned.length === 0) return { pages, unreadablePages, identity };
  const read = await ocrPdfPages(bytes, raw, scanned, { reader: ocr.reader ?? ocrReader(), onProgress: ocr.onProgress ?? (() => {}), signal: ocr.signal, password });
  return { pages: buildPdfPages(read.raw), unreadablePages, identity, ocr: read.report };
}

/** An image file as a one-page document read by OCR; an image the engine cannot read fails as a file. */
async function readImage(file: Blob, ocr: OcrOptions): Promise<Omit<ReadResult, 'format'>> {
  try {
    ocr.onProgress?.({ page: 1, done: 0, total: 1 });
    const { raw, report } = await ocrImage(file, { reader: ocr.reader ?? ocrReader(), signal: ocr.signal });
    return { pages: buildPdfPages([raw]), unreadablePages: [], ocr: report };
  } catch (error) {
    if (error instanceof OcrPageError) throw new UnreadableFileError(`This image could not be read with OCR. ${error.message}`);
    throw error;
  }
}

export async function readDocument(
  file: File,
  bytes: Uint8Array,
  onPage: (done: number, total: number) => void,
  password?: string,
  ocr: OcrOptions = {},
): Promise<ReadResult> {
  const format = formatOf(file, bytes);
  if (format === 'pdf') return { format, ...(await withScannedPages(await readPdfPages(bytes, onPage, password), bytes, ocr, password)) };
  if (format === 'image') return { format, ...(await readImage(file, ocr)) };
  let pages: PageWithLayout[];
  if (format === 'docx') pages = await readDocx(bytes);
  else if (format === 'html') pages = readHtml(bytes);
  else if (format === 'markdown') pages = readMarkdown(bytes);
  else if (format === 'text') pages = readPlainText(bytes);
  else {
    const old = /\.(doc|rtf|odt|pages|wpd)$/i.test(file.name) ? ' Save it as .docx, PDF or text first.' : '';
    throw new UnreadableFileError(`Files of this type are not supported (${file.type || file.name}). Docent reads ${SUPPORTED_FORMATS_LABEL}.${old}`);
  }
  onPage(pages.length, pages.length);
  return { format, pages, unreadablePages: [] };
}
