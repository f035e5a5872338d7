import { chunkIdOf, type DocId } from './ids';
import type { Chunk, PageText } from './library';

export interface ChunkingOptions {
  /** Upper bound on a chunk's length in characters. */
  maxChars: number;
  /** Characters of trailing sentences repeated at the start of the next chunk, so no idea is cut in two. */
  overlapChars: number;
}

// ~1000 characters is ~250 tokens of English: well inside a 512-token embedder, small enough to be specific.
export const DEFAULT_CHUNKING: ChunkingOptions = { maxChars: 1000, overlapChars: 150 };

const PAGE_SEPARATOR = '\n\n';

interface Span {
  start: number;
  end: number;
}

/** Joins pages into one text and remembers where each page starts, so any offset maps back to its page. */
export function joinPages(pages: readonly PageText[]): { text: string; pageStarts: number[] } {
  const pageStarts: number[] = [];
  let text = '';
  for (const page of pages) {
    if (text) text += PAGE_SEPARATOR;
    pageStarts.push(text.length);
    text += page.text;
  }
  return { text, pageStarts };
}

function pageAt(pageStarts: readonly number[], pages: readonly PageText[], offset: number): number {
  let index = 0;
  while (index + 1 < pageStarts.length && pageStarts[index + 1] <= offset) index++;
  return pages[index].page;
}

/** Sentence spans, trimmed of surrounding whitespace; sentences longer than `maxChars` are split between words. */
function sentenceSpans(text: string, maxChars: number): Span[] {
  const spans: Span[] = [];
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  // Intl.Segmenter ends a sentence at every line break, but PDF lines and pages break mid-sentence. Segmenting a
  // copy with line breaks as spaces (same length, so offsets still point into `text`) keeps sentences whole.
  const flowing = text.replace(/[\r\n]/g, ' ');
  for (const { segment, index } of segmenter.segment(flowing)) {
    const start = index + (segment.length - segment.trimStart().length);
    const end = index + segment.trimEnd().length;
    if (end > start) spans.push(...splitLongSpan(text, { start, end }, maxChars));
  }
  return spans;
}

function splitLongSpan(text: string, span: Span, maxChars: number): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > maxChars) {
    const window = text.slice(start, start + maxChars);
    const lastSpace = window.search(/\s\S*$/);
    let cut = lastSpace > maxChars / 2 ? start + lastSpace : start + maxChars;
    while (cut > start + 1 && /\s/.test(text[cut - 1])) cut--;
    pieces.push({ start, end: cut });
    start = cut;
    while (start < span.end && /\s/.test(text[start])) start++;
  }
  if (span.end > start) pieces.push({ start, end: span.end });
  return pieces;
}

/**
 * Splits a document into passages along sentence boundaries. Each chunk is an exact slice of the joined page text;
 * its sentences all start on one page (so a citation names one page; a sentence running on over a page break makes
 * the span two pages), and consecutive chunks of a page share up to `overlapChars` of whole sentences.
 */
export function chunkPages(docId: DocId, pages: readonly PageText[], options: ChunkingOptions = DEFAULT_CHUNKING): Chunk[] {
  const { text, pageStarts } = joinPages(pages);
  const sentences = sentenceSpans(text, options.maxChars);
  const startPage = sentences.map((sentence) => pageAt(pageStarts, pages, sentence.start));
  const chunks: Chunk[] = [];
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    while (
      last + 1 < sentences.length &&
      startPage[last + 1] === startPage[first] &&
      sentences[last + 1].end - sentences[first].start <= options.maxChars
    ) {
      last++;
    }
    const charStart = sentences[first].start;
    const charEnd = sentences[last].end;
    chunks.push({
      id: chunkIdOf(docId, chunks.length),
      docId,
      ordinal: chunks.length,
      text: text.slice(charStart, charEnd),
      pageStart: startPage[first],
      pageEnd: pageAt(pageStarts, pages, charEnd - 1),
      charStart,
      charEnd,
    });
    let next = last + 1;
    // Step back over whole sentences for the overlap, but never so far that the next new sentence no longer fits.
    while (
      next - 1 > first &&
      startPage[next - 1] === startPage[last + 1] &&
      sentences[last].end - sentences[next - 1].start <= options.overlapChars &&
      sentences[last + 1].end - sentences[next - 1].start <= options.maxChars
    ) {
      next--;
    }
    first = next;
  }
  return chunks;
}
