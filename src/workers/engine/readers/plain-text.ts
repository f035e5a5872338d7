import { decodeText } from '../../../core/text/decode';
import type { PageWithLayout } from '../../../core/text/layout';
import { plainTextPages } from '../../../core/text/plain-text';

/** A plain text file: UTF-8 or UTF-16 (by byte order mark or zero bytes) or Windows-1252; form feeds break pages. */
export function readPlainText(bytes: Uint8Array): PageWithLayout[] {
  return plainTextPages(decodeText(bytes).text);
}
