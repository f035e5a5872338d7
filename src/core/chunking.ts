import { chunkIdOf, type DocId } from './ids';
import type { Chunk, PageText } from './library';
import type { Heading } from './text/layout';

/** The most tokens an embedder of the catalog reads (BERT-style models stop at 512); no chunk is ever longer. */
export const MAX_EMBEDDER_TOKENS = 512;

export interface ChunkingOptions {
  /** Largest chunk, in tokens as `countTokens` counts them (special tokens included). Capped at 512. */
  maxTokens?: number;
  /**
   * Tokens of whole sentences repeated from the end of a chunk at the start of the next, so an idea cut by a chunk
   * boundary is whole in one of them. Only inside a paragraph: a chunk that ends with a paragraph, a section or a page
   * is not overlapped. Measured as `countTokens(overlap) - countTokens('')`.
   */
  overlapTokens?: number;
  /** The embedder's own token count (its tokenizer); by default `estimateTokens`, a conservative estimate. */
  countTokens?: (text: string) => number;
  /** The document's title (its file name if nothing better), put before each chunk's `contextText`. */
  title?: string;
  /** An additional cap on a chunk's length in characters. */
  maxChars?: number;
  /** An additional cap on the overlap in characters. */
  overlapChars?: number;
}

// 256 tokens is ~1,000 characters of English: specific enough to rank well, long enough to hold an answer, and half
// of what the embedder reads, which leaves room for the title and heading of `contextText`.
export const DEFAULT_CHUNKING = { maxTokens: 256, overlapTokens: 32 } as const satisfies ChunkingOptions;

/** A chunk as the chunker makes it: the stored `Chunk`, plus the section it is in and the text to embed. */
export type ChunkDraft = Chunk & {
  /** The nearest heading above the chunk's text (or the one it starts with), whitespace collapsed. */
  heading?: string;
  /**
   * What to embed: "title — chapter › section" on a first line, then the chunk's text. The title and headings say what
   * a passage is about when its own sentences do not ("It was signed in 1648."). Within `MAX_EMBEDDER_TOKENS`.
   */
  contextText: string;
};

/** A page as the chunker reads it: its text and, where the reader found them, its headings. */
export type ChunkablePage = PageText & { headings?: readonly Heading[] };

const PAGE_SEPARATOR = '\n\n';

/** CJK ideographs, kana and hangul: WordPiece and most BPE vocabularies give each of them a token of its own. */
const WIDE = /[\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef]/g;

/**
 * A conservative token estimate for when the embedder's tokenizer is not at hand: a token per 3 characters (English
 * averages ~4 per WordPiece token) and one per CJK character.
 */
export function estimateTokens(text: string): number {
  const wide = text.match(WIDE)?.length ?? 0;
  return wide + Math.ceil((text.length - wide) / 3);
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

/**
 * `[start, end)` of a document's joined text (`joinPages`), from the consecutive pages that hold it, each knowing
 * where it starts in the joined text (the gap before it, a page separator, is line breaks): what a chunk's text is,
 * read back from its pages.
 */
export function sliceOfPages(pages: readonly (PageText & { start: number })[], start: number, end: number): string {
  const first = pages[0]?.start ?? 0;
  let text = '';
  for (const page of pages) text = text.padEnd(page.start - first, '\n') + page.text;
  return text.slice(start - first, end - first);
}

/** The pages, each with where it starts in the document's joined text (`joinPages`): how pages are stored. */
export function withPageStarts<Page extends PageText>(pages: readonly Page[]): (Page & { start: number })[] {
  const { pageStarts } = joinPages(pages);
  return pages.map((page, i) => ({ ...page, start: pageStarts[i] }));
}

/** Index of the page holding `offset` (the last page starting at or before it). */
function pageIndexAt(pageStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = pageStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (pageStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

interface Span {
  start: number;
  end: number;
}

interface DocumentHeading extends Span {
  level: number;
  label: string;
  /** Labels of the enclosing headings, outermost first, ending with this one. */
  trail: string[];
}

/** A sentence (or a piece of a long one): the unit chunks are made of. */
interface Unit extends Span {
  /** Page number its first character is on. */
  page: number;
  /** Paragraph (or heading) it belongs to: units of different blocks have a structural break between them. */
  block: number;
  /** Index in `headings` of the heading in effect at its start, or -1. */
  section: number;
  isHeading: boolean;
  /** Its token count, less the count of the empty text (special tokens). */
  tokens: number;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The pages' headings as spans of the joined text, trimmed, in order, overlaps dropped, with their trails. */
function documentHeadings(pages: readonly ChunkablePage[], pageStarts: readonly number[], text: string): DocumentHeading[] {
  const spans: { start: number; end: number; level: number }[] = [];
  pages.forEach((page, i) => {
    for (const heading of page.headings ?? []) {
      let start = pageStarts[i] + Math.max(0, Math.min(heading.start, page.text.length));
      let end = pageStarts[i] + Math.max(0, Math.min(heading.end, page.text.length));
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      if (end > start) spans.push({ start, end, level: heading.level });
    }
  });
  spans.sort((a, b) => a.start - b.start);
  const headings: DocumentHeading[] = [];
  const open: DocumentHeading[] = [];
  for (const span of spans) {
    if (headings.length > 0 && span.start < headings[headings.length - 1].end) continue;
    while (open.length > 0 && open[open.length - 1].level >= span.level) open.pop();
    const label = collapse(text.slice(span.start, span.end));
    const heading: DocumentHeading = { ...span, label, trail: [...open.map((h) => h.label), label] };
    headings.push(heading);
    open.push(heading);
  }
  return headings;
}

/**
 * Blocks of the joined text, split by structure: each heading is a block, and blank lines inside a page end a
 * paragraph. The blank line that joins two pages does not: a paragraph (and a sentence) can run on over a page break.
 */
function blocks(pages: readonly PageText[], pageStarts: readonly number[], headings: readonly DocumentHeading[], length: number) {
  const cuts = new Set<number>([0, length]);
  pages.forEach((page, i) => {
    for (const match of page.text.matchAll(/\n[ \t\f\v\r]*\n/g)) cuts.add(pageStarts[i] + match.index);
  });
  for (const heading of headings) {
    cuts.add(heading.start);
    cuts.add(heading.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const isHeading = new Set(headings.map((heading) => heading.start));
  return sorted.slice(1).map((end, i) => ({ start: sorted[i], end, isHeading: isHeading.has(sorted[i]) }));
}

interface Budget {
  maxTokens: number;
  /** `countTokens('')`: the special tokens every count includes. */
  special: number;
  overlapTokens: number;
  maxChars: number;
  overlapChars: number;
  /** Tokens of the text from `start` to `end`, less the special tokens every count includes. */
  tokensOf: (start: number, end: number) => number;
  /** Whether `[start, end)` may be one chunk. */
  fits: (start: number, end: number) => boolean;
}

/** Splits a sentence too long for one chunk between words, or inside a word that alone is too long. */
function splitLong(text: string, span: Span, budget: Budget): Span[] {
  const wordEnds: number[] = [];
  for (const match of text.slice(span.start, span.end).matchAll(/\S+/g)) wordEnds.push(span.start + match.index + match[0].length);
  const pieces: Span[] = [];
  let start = span.start;
  let word = 0;
  while (start < span.end) {
    while (start < span.end && /\s/.test(text[start])) start++;
    if (start >= span.end) break;
    while (wordEnds[word] <= start) word++;
    // The longest run of whole words that fits (token counts grow with the text, so a binary search finds it).
    let low = word - 1;
    let high = wordEnds.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (budget.fits(start, wordEnds[mid])) low = mid;
      else high = mid - 1;
    }
    let end: number;
    if (low >= word) {
      end = wordEnds[low];
    } else {
      // One word longer than a chunk (a URL, a formula, a run without spaces): cut it where it stops fitting.
      let lowEnd = start + 1;
      let highEnd = wordEnds[word];
      while (lowEnd < highEnd) {
        const mid = (lowEnd + highEnd + 1) >> 1;
        if (budget.fits(start, mid)) lowEnd = mid;
        else highEnd = mid - 1;
      }
      end = lowEnd;
      const code = text.charCodeAt(end - 1);
      if (code >= 0xd800 && code <= 0xdbff) end += end - 1 > start ? -1 : 1; // never split a surrogate pair
    }
    pieces.push({ start, end });
    start = end;
  }
  return pieces;
}

/**
 * Cuts a span at the page breaks inside it. A sentence that must be split anyway is split there first, so each piece
 * is on one page and a chunk made of pieces cites the page its text is on.
 */
function splitAtPages(span: Span, pageStarts: readonly number[]): Span[] {
  const parts: Span[] = [];
  let start = span.start;
  for (const pageStart of pageStarts) {
    if (pageStart <= start || pageStart >= span.end) continue;
    parts.push({ start, end: pageStart });
    start = pageStart;
  }
  parts.push({ start, end: span.end });
  return parts;
}

/** The units of the text: sentences (Intl.Segmenter) of each block, long ones split to fit a chunk. */
function units(text: string, pages: readonly PageText[], pageStarts: readonly number[], headings: readonly DocumentHeading[], budget: Budget): Unit[] {
  const result: Unit[] = [];
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  let section = -1;
  blocks(pages, pageStarts, headings, text.length).forEach((block, blockIndex) => {
    // Intl.Segmenter ends a sentence at every line break, but PDF lines and pages break mid-sentence. Segmenting a
    // copy with line breaks as spaces (same length, so offsets still point into `text`) keeps sentences whole.
    const flowing = text.slice(block.start, block.end).replace(/[\r\n\f\v\u2028\u2029\u0085]/g, ' ');
    for (const { segment, index } of segmenter.segment(flowing)) {
      const start = block.start + index + (segment.length - segment.trimStart().length);
      const end = block.start + index + segment.trimEnd().length;
      if (end <= start) continue;
      const tokens = budget.tokensOf(start, end);
      const whole = tokens + budget.special <= budget.maxTokens && end - start <= budget.maxChars;
      const pieces = whole
        ? [{ start, end, tokens }]
        : splitAtPages({ start, end }, pageStarts)
            .flatMap((part) => splitLong(text, part, budget))
            .map((piece) => ({ ...piece, tokens: budget.tokensOf(piece.start, piece.end) }));
      for (const piece of pieces) {
        while (section + 1 < headings.length && headings[section + 1].start <= piece.start) section++;
        result.push({
          ...piece,
          page: pages[pageIndexAt(pageStarts, piece.start)].page,
          block: blockIndex,
          section,
          isHeading: block.isHeading,
        });
      }
    }
  });
  return result;
}

function contextOf(title: string | undefined, heading: DocumentHeading | undefined, text: string, countTokens: (text: string) => number): string {
  const shorten = (label: string) => (label.length > 120 ? `${label.slice(0, 119).trimEnd()}…` : label);
  const candidates = [
    [title, heading?.trail.map(shorten).join(' › ')],
    [title, heading && shorten(heading.label)],
    [undefined, heading && shorten(heading.label)],
  ];
  for (const [first, second] of candidates) {
    const prefix = [first && shorten(first), second].filter(Boolean).join(' — ');
    if (!prefix) break;
    const context = `${prefix}\n${text}`;
    if (countTokens(context) <= MAX_EMBEDDER_TOKENS) return context;
  }
  return text;
}

/**
 * Splits a document into passages that retrieve well. Structure first: a heading starts a new chunk (a run of
 * headings stays with the text under them), and a chunk that would end inside a paragraph ends at the paragraph
 * before it when that keeps it at least half full. Then sentences (Intl.Segmenter over a copy with line breaks as
 * spaces, so a sentence runs on over lines and pages), packed up to `maxTokens` by `countTokens`; a sentence longer
 * than that is split between words.
 *
 * Every chunk is an exact, trimmed slice `[charStart, charEnd)` of the joined page text (`joinPages`); its sentences
 * all start on one page (so a citation names one page; a sentence running on over a page break makes the span two
 * pages); chunks advance strictly; consecutive chunks of one paragraph share at most `overlapTokens` (and
 * `overlapChars`) of whole sentences, and no text is in more than two chunks. Every non-blank character of the
 * document is in a chunk.
 */
export function chunkPages(docId: DocId, pages: readonly ChunkablePage[], options: ChunkingOptions = DEFAULT_CHUNKING): ChunkDraft[] {
  const countTokens = options.countTokens ?? estimateTokens;
  const { text, pageStarts } = joinPages(pages);
  const special = Math.max(0, countTokens(''));
  const maxTokens = Math.max(1, Math.min(options.maxTokens ?? DEFAULT_CHUNKING.maxTokens, MAX_EMBEDDER_TOKENS));
  const maxChars = options.maxChars ?? Infinity;
  const budget: Budget = {
    maxTokens,
    special,
    overlapTokens: Math.max(0, options.overlapTokens ?? DEFAULT_CHUNKING.overlapTokens),
    maxChars,
    overlapChars: options.overlapChars ?? Infinity,
    tokensOf: (start, end) => countTokens(text.slice(start, end)) - special,
    fits: (start, end) => end - start <= maxChars && countTokens(text.slice(start, end)) <= maxTokens,
  };
  const headings = documentHeadings(pages, pageStarts, text);
  const all = units(text, pages, pageStarts, headings, budget);

  const chunks: ChunkDraft[] = [];
  let first = 0;
  let firstNew = 0;
  while (first < all.length) {
    const page = all[first].page;
    let last = first;
    let estimate = special + all[first].tokens;
    let onlyHeadings = all[first].isHeading;
    // After an overlap, the sentences it repeats and the first new one were measured to fit: they are taken whatever
    // the estimate says (a sum of sentence counts can exceed the count of their text), so every chunk brings new text.
    while (last < firstNew) {
      last++;
      estimate += all[last].tokens;
      onlyHeadings &&= all[last].isHeading;
    }
    while (last + 1 < all.length) {
      const next = all[last + 1];
      if (next.page !== page) break;
      if (next.isHeading && !onlyHeadings && next.block !== all[last].block) break;
      if (estimate + next.tokens > maxTokens || next.end - all[first].start > maxChars) break;
      last++;
      estimate += next.tokens;
      onlyHeadings &&= next.isHeading;
    }
    // Ending inside a paragraph: end at the last paragraph break instead, when that keeps the chunk half full.
    if (last + 1 < all.length && all[last + 1].block === all[last].block && all[last + 1].page === page) {
      let tokens = estimate;
      for (let k = last - 1; k >= first; k--) {
        tokens -= all[k + 1].tokens;
        if (tokens < maxTokens / 2 && all[k].end - all[first].start < maxChars / 2) break;
        if (all[k].block !== all[k + 1].block && !all[k].isHeading) {
          last = k;
          break;
        }
      }
    }
    // The sum of sentence counts is an estimate; the count of the chunk's own text decides.
    while (last > Math.max(first, firstNew) && !budget.fits(all[first].start, all[last].end)) last--;

    const charStart = all[first].start;
    const charEnd = all[last].end;
    const content = all.slice(first, last + 1).find((unit) => !unit.isHeading) ?? all[last];
    const heading = content.section >= 0 ? headings[content.section] : undefined;
    const chunkText = text.slice(charStart, charEnd);
    chunks.push({
      id: chunkIdOf(docId, chunks.length),
      docId,
      ordinal: chunks.length,
      text: chunkText,
      pageStart: page,
      pageEnd: pages[pageIndexAt(pageStarts, charEnd - 1)].page,
      charStart,
      charEnd,
      ...(heading ? { heading: heading.label } : {}),
      contextText: contextOf(options.title, heading, chunkText, countTokens),
    });

    // Overlap: step back over whole sentences of this paragraph that were new in this chunk, as long as they stay
    // within the overlap and the next new sentence still fits after them.
    let next = last + 1;
    const following = all[next];
    if (following && following.block === all[last].block) {
      while (
        next - 1 > first &&
        next - 1 >= firstNew &&
        all[next - 1].page === following.page &&
        all[next - 1].block === following.block &&
        charEnd - all[next - 1].start <= budget.overlapChars &&
        budget.tokensOf(all[next - 1].start, charEnd) <= budget.overlapTokens &&
        budget.fits(all[next - 1].start, following.end)
      ) {
        next--;
      }
    }
    firstNew = last + 1;
    first = next;
  }
  return chunks;
}
