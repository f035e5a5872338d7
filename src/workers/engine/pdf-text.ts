import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { PageText } from '../../core/library';

// The legacy build carries polyfills: the modern one needs Map.getOrInsertComputed (Chrome 145+, Safari 26.2+).
GlobalWorkerOptions.workerSrc = pdfWorkerUrl;

export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
}

function pageText(items: readonly TextItem[]): string {
  let text = '';
  for (const item of items) {
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text.replace(/[ \t]+\n/g, '\n').trim();
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

/** Reads the text of every page; `onPage` reports progress after each one. */
export async function readPdfPages(data: Uint8Array, onPage: (done: number, total: number) => void): Promise<PageText[]> {
  // isEvalSupported: false closes CVE-2024-4367 (script run from a crafted font) for good.
  const loadingTask = getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  let pdf: PDFDocumentProxy;
  try {
    pdf = await loadingTask.promise;
  } catch (error) {
    await loadingTask.destroy();
    throw explain(error);
  }
  try {
    const pages: PageText[] = [];
    for (let page = 1; page <= pdf.numPages; page++) {
      const content = await (await pdf.getPage(page)).getTextContent();
      pages.push({ page, text: pageText(content.items.filter((item): item is TextItem => 'str' in item)) });
      onPage(page, pdf.numPages);
    }
    return pages;
  } catch (error) {
    throw explain(error);
  } finally {
    await loadingTask.destroy();
  }
}
