import { collectVocabulary, joinHyphenatedLines } from './hyphenation';
import type { PageWithLayout } from './layout';
import { collapseSpaces, normalizeCharacters, normalizeLineEndings, SOFT_HYPHEN } from './normalize';
import { findRunningLines } from './running-lines';

/**
 * The pages of a plain text file. A form feed (U+000C, as `pdftotext` and old line-printer files write between pages)
 * starts a new page, so such files cite real page numbers; any other text is page 1. Each page is cleaned: ligatures,
 * odd spaces and invisible characters normalised, spaces collapsed, lines trimmed, blank lines collapsed to one, words
 * hyphenated at line ends joined, and with 3 or more pages the running headers, footers and page numbers removed.
 */
export function plainTextPages(content: string): PageWithLayout[] {
  const parts = normalizeLineEndings(content).split('\f');
  while (parts.length > 1 && parts[parts.length - 1].trim() === '') parts.pop();
  const lines = parts.map((part) => normalizeCharacters(part, { keepSoftHyphens: true }).split('\n').map((line) => collapseSpaces(line).trim()));
  const running = findRunningLines(lines.map((page) => page.map((text) => ({ text }))));
  const texts = lines.map((page, i) => page.filter((_, index) => !running[i].has(index)).join('\n'));
  const vocabulary = collectVocabulary(texts);
  return texts.map((text, i) => ({
    page: i + 1,
    text: joinHyphenatedLines(text, vocabulary).replaceAll(SOFT_HYPHEN, '').replace(/\n{3,}/g, '\n\n').trim(),
  }));
}
