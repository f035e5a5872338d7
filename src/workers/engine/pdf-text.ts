import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { PageWithLayout } from '../../core/text/layout';
import type { DocumentIdentity } from '../../core/document-identity';
import { distinctRunningLines } from '../../core/document-identity';
import { buildPdfDocument, type RawPdfPage, type RawTextItem } from '../../core/text/pdf-pages';
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

/** What Docent reads of a form field in pdf.js's annotation data (`page.getAnnotations()`). */
interface FormField {
  subtype?: string;
  fieldType?: string;
  fieldValue?: unknown;
  alternativeText?: string;
  hidden?: boolean;
  password?: boolean;
  rect?: number[];
}

/**
 * The values of a page's filled text and choice fields, as lines at their place, each after the field's description
 * when it has one ("Adjusted gross income: 48,250"): a filled form's answers are what people ask about, and pdf.js's
 * text content holds only what the page itself prints.
 */
function formFieldItems(annotations: readonly FormField[]): RawTextItem[] {
  return annotations.flatMap((field) => {
    if (field.subtype !== 'Widget' || field.hidden || field.password || !field.rect) return [];
    if (field.fieldType !== 'Tx' && field.fieldType !== 'Ch') return [];
    const values = Array.isArray(field.fieldValue) ? field.fieldValue : [field.fieldValue];
    const value = values.filter((v): v is string => typeof v === 'string').join(', ').replace(/\s+/g, ' ').trim();
    if (!value) return [];
    const label = field.alternativeText?.replace(/\s+/g, ' ').trim();
    const [x1, y1, x2, y2] = field.rect;
    return [{ str: label ? `${label}: ${value}` : value, x: x1, y: y1, width: x2 - x1, height: y2 - y1, hasEOL: true, horizontal: true }];
  });
}

/** The PDF is encrypted: `wrong` when a password was given and was not the right one. */
export class PasswordRequiredError extends Error {
  override name = 'PasswordRequiredError';
  constructor(readonly wrong: boolean) {
    super(wrong ? 'That password is not right.' : 'This PDF is protected by a password.');
  }
}

/** More than any real document has; a file claiming millions of pages (a known attack) fails at once. */
export const MAX_PAGES = 5_000;
/** A whole file's reading must end within this; files built to exhaust readers are stopped. */
export const READ_TIMEOUT_MS = 120_000;

// pdf.js's PasswordResponses.INCORRECT_PASSWORD.
const INCORRECT_PASSWORD = 2;

function explain(error: unknown): Error {
  if (error instanceof UnreadableFileError || error instanceof PasswordRequiredError) return error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new PasswordRequiredError((error as { code?: number }).code === INCORRECT_PASSWORD);
  if (name === 'InvalidPDFException' || /invalid pdf/i.test(message)) {
    return new UnreadableFileError('This file is damaged or is not a PDF.');
  }
  return new UnreadableFileError(`This PDF could not be read: ${message}`);
}

export interface PdfText {
  pages: PageWithLayout[];
  /** Pages pdf.js could not read (their text is empty); the others were read. */
  unreadablePages: number[];
  /** What the PDF says it is: its metadata and running headers (the file name is the caller's). */
  identity: Omit<DocumentIdentity, 'fileName'>;
  /** The text items of every page as pdf.js gave them, for building the pages again once scanned ones are OCR'd. */
  raw: RawPdfPage[];
}

/** The PDF's own title, subject and author (its Info dictionary), where it has them. */
async function pdfMetadata(document: PDFDocumentProxy): Promise<Pick<DocumentIdentity, 'title' | 'subject' | 'author'>> {
  const { info } = (await document.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  return { title: text(info.Title), subject: text(info.Subject), author: text(info.Author) };
}

/**
 * Reads the text of every page, filled form fields included; `onPage` reports progress after each one. The text is cleaned by
 * `core/text/pdf-pages.ts` (running headers, footers and page numbers removed, hyphenation joined, ligatures
 * resolved), which needs all pages at once to see what repeats; each page carries its `layout` for highlighting.
 * A page that fails is skipped and reported; the file as a whole is bounded in pages and in time.
 */
export async function readPdfPages(data: Uint8Array, onPage: (done: number, total: number) => void, password?: string): Promise<PdfText> {
  const pdf = openPdf(data, password);
  const deadline = Date.now() + READ_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void pdf.close();
      reject(new UnreadableFileError('Reading this PDF took more than 2 minutes, so Docent stopped: it may be damaged, or built to exhaust readers.'));
    }, deadline - Date.now());
  });
  const inTime = <T>(step: Promise<T>) => Promise.race([step, expired]);
  try {
    let document: PDFDocumentProxy;
    try {
      document = await inTime(pdf.task.promise);
    } catch (error) {
      throw explain(error);
    }
    if (document.numPages > MAX_PAGES) {
      throw new UnreadableFileError(`This PDF says it has ${document.numPages.toLocaleString('en')} pages; Docent reads at most ${MAX_PAGES.toLocaleString('en')}.`);
    }
    const pages: RawPdfPage[] = [];
    const unreadablePages: number[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      try {
        const page = await inTime(document.getPage(number));
        const [content, annotations] = await inTime(Promise.all([page.getTextContent(), page.getAnnotations({ intent: 'display' })]));
        const items = [...content.items.filter((item): item is TextItem => 'str' in item).map(rawItem), ...formFieldItems(annotations)];
        const [x0, y0, x1, y1] = page.view;
        pages.push({ page: number, viewBox: [x0, y0, x1, y1], rotation: page.rotate, items });
        page.cleanup();
      } catch (error) {
        if (error instanceof UnreadableFileError) throw error;
        unreadablePages.push(number);
        pages.push({ page: number, viewBox: [0, 0, 1, 1], rotation: 0, items: [] });
      }
      onPage(number, document.numPages);
    }
    if (unreadablePages.length === document.numPages) throw new UnreadableFileError('No page of this PDF could be read: it is damaged.');
    const built = buildPdfDocument(pages);
    const identity = { ...(await inTime(pdfMetadata(document))), runningLines: distinctRunningLines(built.runningLines) };
    return { pages: built.pages, unreadablePages, identity, raw: pages };
  } finally {
    clearTimeout(timer);
    await pdf.close();
  }
}
