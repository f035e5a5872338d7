import type { PageText } from '../../core/library';
import { readPdfPages, UnreadableFileError } from './pdf-text';

function isPdf(file: File, bytes: Uint8Array): boolean {
  const magic = new TextDecoder().decode(bytes.subarray(0, 1024));
  return magic.includes('%PDF-') || file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
}

const isPlainText = (file: File) => file.type.startsWith('text/plain') || /\.(txt|md|markdown)$/i.test(file.name);

/** The text of a file, page by page, whatever its format; `onPage` reports progress. */
export async function readDocument(file: File, bytes: Uint8Array, onPage: (done: number, total: number) => void): Promise<PageText[]> {
  if (isPdf(file, bytes)) return readPdfPages(bytes, onPage);
  if (isPlainText(file)) {
    onPage(1, 1);
    return [{ page: 1, text: new TextDecoder().decode(bytes) }];
  }
  throw new UnreadableFileError(`Files of this type are not supported (${file.type || file.name}). Docent reads PDF, text and Markdown files.`);
}
