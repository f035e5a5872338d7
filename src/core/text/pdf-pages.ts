// From pdf.js text items to clean page text that remembers where each piece stands on the page. Pure: the reader
// (workers/engine/pdf-text.ts) hands in plain items, so all of this is tested in Node.
//
// Reading order: items are taken in the order pdf.js gives them, which is the order of the page's content stream.
// Most producers (Word, LaTeX, InDesign, browsers' print to PDF) write a two-column page column by column, so this
// reads it in the right order. Re-sorting items by position is not done: it would break those pages (interleaving the
// lines of both columns) to fix the rarer producers that write across columns, and nothing here can tell them apart
// with certainty.
//
// Right-to-left lines (Hebrew, Arabic) are the exception: producers draw their words in logical order or from left to
// right (visual order), so within a line whose letters are mostly right-to-left, items are read by position from right
// to left, with runs of left-to-right items (numbers, Latin words) kept left to right: the logical order either way.
import { collectVocabulary, hyphenJoin } from './hyphenation';
import type { Heading, PageLayout, PageWithLayout, TextRun } from './layout';
import { normalizeCharacters, SOFT_HYPHEN } from './normalize';
import { findRunningLines, isPageNumberLine } from './running-lines';

/** A pdf.js TextItem reduced to what reading needs: `x, y` are `transform[4], transform[5]`. */
export interface RawTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hasEOL: boolean;
  /** False for rotated or skewed text (`transform[1]` or `transform[2]` not 0): its positions are not compared. */
  horizontal: boolean;
}

export interface RawPdfPage {
  page: number;
  viewBox: [number, number, number, number];
  rotation: number;
  items: readonly RawTextItem[];
}

interface Line {
  text: string;
  /** Offsets relative to the line's text. */
  runs: TextRun[];
  y: number;
  /** Font size of the line: the height of the item holding most of its characters. */
  size: number;
  horizontal: boolean;
  /** The line ended in a soft hyphen (removed from `text`): the word goes on on the next line. */
  softHyphenEnd: boolean;
}

const sizeOf = (item: RawTextItem) => (item.height > 0 ? item.height : 0);

/** Items to lines: a line ends at `hasEOL`, or where the next item stands clearly above or below the last one. */
function groupLines(items: readonly RawTextItem[]): RawTextItem[][] {
  const lines: RawTextItem[][] = [];
  let current: RawTextItem[] = [];
  let last: RawTextItem | undefined;
  for (const item of items) {
    if (item.str !== '' && last && current.length > 0 && last.horizontal && item.horizontal) {
      const size = Math.max(sizeOf(last), sizeOf(item), 1);
      if (Math.abs(item.y - last.y) > 0.9 * size) {
        lines.push(current);
        current = [];
      }
    }
    if (item.str !== '') {
      current.push(item);
      last = item;
    }
    if (item.hasEOL && current.length > 0) {
      lines.push(current);
      current = [];
    }
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/** Letters of right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan… and their presentation forms. */
const RTL_LETTER = /[\u0590-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/u;
/** Letters and digits of any other script (Arabic-Indic digits run left to right too). */
const LTR_LETTER = /[\p{L}\p{N}]/u;

type Direction = 'rtl' | 'ltr' | 'neutral';

function directionOf(text: string): Direction {
  let rtl = 0;
  let ltr = 0;
  for (const char of text) {
    if (RTL_LETTER.test(char)) rtl++;
    else if (LTR_LETTER.test(char)) ltr++;
  }
  return rtl > ltr ? 'rtl' : ltr > 0 ? 'ltr' : 'neutral';
}

/**
 * The items of a line in reading order. Left-to-right lines keep pdf.js's order (the content stream's); a
 * horizontal line whose letters are mostly right-to-left is read by position, right to left, and its runs of
 * left-to-right items (with the spaces and punctuation between them) left to right, as the bidi algorithm orders runs.
 */
function readingOrder(items: readonly RawTextItem[]): { items: readonly RawTextItem[]; rtl: boolean } {
  if (!items.every((item) => item.horizontal) || directionOf(items.map((item) => item.str).join('')) !== 'rtl') return { items, rtl: false };
  const directions = items.map((item) => directionOf(item.str));
  const center = (item: RawTextItem) => item.x + item.width / 2;
  const placed = items.map((item, i) => ({ item, direction: directions[i] })).sort((a, b) => center(b.item) - center(a.item));
  const ordered: RawTextItem[] = [];
  for (let i = 0; i < placed.length; ) {
    if (placed[i].direction !== 'ltr') {
      ordered.push(placed[i++].item);
      continue;
    }
    // A left-to-right run: up to its last left-to-right item, neutral items inside it included.
    let end = i;
    for (let j = i + 1; j < placed.length && placed[j].direction !== 'rtl'; j++) if (placed[j].direction === 'ltr') end = j;
    ordered.push(...placed.slice(i, end + 1).map(({ item }) => item).reverse());
    i = end + 1;
  }
  return { items: ordered, rtl: true };
}

function buildLine(lineItems: readonly RawTextItem[]): Line {
  const { items, rtl } = readingOrder(lineItems);
  let text = '';
  const runs: TextRun[] = [];
  let previous: RawTextItem | undefined;
  for (const item of items) {
    let piece = normalizeCharacters(item.str.replace(/[\r\n]/g, ' ')).replace(/ {2,}/g, ' ');
    if (previous && text && !text.endsWith(' ') && !piece.startsWith(' ') && previous.horizontal && item.horizontal) {
      // pdf.js puts spaces between words itself; a visible gap it left without one still separates two words. In a
      // right-to-left line the next item may stand on either side (a left-to-right run inside it goes rightwards).
      const after = item.x - (previous.x + previous.width);
      const gap = rtl ? Math.max(after, previous.x - (item.x + item.width)) : after;
      if (gap > 0.25 * Math.max(sizeOf(previous), sizeOf(item), 1)) text += ' ';
    }
    if (!text || text.endsWith(' ')) piece = piece.replace(/^ +/, '');
    if (piece) {
      runs.push({ start: text.length, end: text.length + piece.length, x: item.x, y: item.y, width: item.width, height: item.height });
      text += piece;
    }
    previous = item;
  }
  const trimmed = text.trimEnd();
  const kept = runs.filter((run) => run.start < trimmed.length).map((run) => ({ ...run, end: Math.min(run.end, trimmed.length) }));
  const main = items.reduce((best, item) => (item.str.trim().length > best.str.trim().length ? item : best), items[0]);
  return {
    text: trimmed,
    runs: kept,
    y: items[0].y,
    size: sizeOf(main),
    horizontal: items.every((item) => item.horizontal),
    softHyphenEnd: items.map((item) => item.str).join('').trimEnd().endsWith(SOFT_HYPHEN),
  };
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The font size most of the document's characters are set in. */
function bodySize(pages: readonly Line[][]): number | undefined {
  const weights = new Map<number, number>();
  for (const line of pages.flat()) {
    const size = Math.round(line.size * 2) / 2;
    if (size > 0) weights.set(size, (weights.get(size) ?? 0) + line.text.length);
  }
  let best: number | undefined;
  for (const [size, weight] of weights) if (best === undefined || weight > weights.get(best)!) best = size;
  return best;
}

const HEADING_SCALE = 1.2;
const MAX_HEADING_LINES = 3;
const MAX_HEADING_CHARS = 150;
/** More of the lines than this in a larger font, and size says nothing about structure (slides, posters). */
const MAX_HEADING_SHARE = 0.25;

/**
 * Headings by font size: up to 3 consecutive lines set at least 20% larger than the body text, with letters in them
 * and at most 150 characters. Levels rank the heading sizes of the document (largest is 1). Returns, per page, the
 * line ranges `[first, last]` of each heading with its level.
 */
function findHeadings(pages: readonly Line[][]): { first: number; last: number; level: number }[][] {
  const body = bodySize(pages);
  const none = pages.map(() => []);
  if (!body) return none;
  const isLarge = (line: Line) => line.horizontal && line.size >= HEADING_SCALE * body;
  const blocks = pages.map((lines) => {
    const found: { first: number; last: number; size: number }[] = [];
    for (let i = 0; i < lines.length; ) {
      if (!isLarge(lines[i])) {
        i++;
        continue;
      }
      let last = i;
      while (last + 1 < lines.length && isLarge(lines[last + 1]) && Math.abs(lines[last + 1].size - lines[i].size) <= 0.05 * lines[i].size) last++;
      const text = lines.slice(i, last + 1).map((line) => line.text).join(' ');
      const plausible = last - i + 1 <= MAX_HEADING_LINES && text.length <= MAX_HEADING_CHARS && /\p{L}/u.test(text) && !isPageNumberLine(text);
      if (plausible) found.push({ first: i, last, size: Math.round(lines[i].size * 2) / 2 });
      i = last + 1;
    }
    return found;
  });
  const headingLines = blocks.flat().reduce((sum, block) => sum + block.last - block.first + 1, 0);
  const allLines = pages.reduce((sum, lines) => sum + lines.length, 0);
  if (headingLines === 0 || headingLines > MAX_HEADING_SHARE * allLines) return none;
  const sizes = [...new Set(blocks.flat().map((block) => block.size))].sort((a, b) => b - a);
  return blocks.map((found) => found.map(({ first, last, size }) => ({ first, last, level: Math.min(6, sizes.indexOf(size) + 1) })));
}

/** The usual distance from one baseline to the next in the document. */
function lineSpacing(pages: readonly Line[][]): number | undefined {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [above, below] = [lines[i - 1], lines[i]];
      const gap = above.y - below.y;
      if (above.horizontal && below.horizontal && gap > 0 && gap < 3 * Math.max(above.size, below.size, 1)) gaps.push(gap);
    }
  }
  return median(gaps);
}

/** A paragraph ends where the next line stands clearly further down than the usual line spacing. */
const PARAGRAPH_GAP = 1.3;

/**
 * Builds the pages' text: running headers, footers and page numbers removed; ligatures, soft hyphens and odd spaces
 * cleaned; words broken at line ends joined; lines in the order pdf.js gives them, separated by `\n`, with a blank
 * line where the vertical gap says a paragraph ends and around headings. Each page remembers where every piece of
 * its text stands (`layout`) and its headings (by font size).
 */
export function buildPdfPages(rawPages: readonly RawPdfPage[]): PageWithLayout[] {
  return buildPdfDocument(rawPages).pages;
}

/** The pages (see buildPdfPages) and the running header and footer lines removed from them, in page order. */
export function buildPdfDocument(rawPages: readonly RawPdfPage[]): { pages: PageWithLayout[]; runningLines: string[] } {
  const allLines = rawPages.map((raw) => groupLines(raw.items).map(buildLine).filter((line) => line.text !== ''));
  const running = findRunningLines(allLines);
  const pages = allLines.map((lines, page) => lines.filter((_, index) => !running[page].has(index)));
  const runningLines = allLines.flatMap((lines, page) => lines.filter((_, index) => running[page].has(index)).map((line) => line.text));
  return { pages: layoutPages(rawPages, pages), runningLines };
}

function layoutPages(rawPages: readonly RawPdfPage[], pages: Line[][]): PageWithLayout[] {
  const vocabulary = collectVocabulary(pages.map((lines) => lines.map((line) => line.text).join('\n')));
  const headings = findHeadings(pages);
  const spacing = lineSpacing(pages);

  return rawPages.map((raw, pageIndex) => {
    const lines = pages[pageIndex];
    const headingAt = new Map(headings[pageIndex].map((heading) => [heading.first, heading]));
    const headingEnds = new Set(headings[pageIndex].map((heading) => heading.last));
    let text = '';
    const runs: TextRun[] = [];
    const pageHeadings: Heading[] = [];
    let open: { start: number; level: number; last: number } | undefined;
    lines.forEach((line, i) => {
      if (i > 0) {
        const previous = lines[i - 1];
        const gap = previous.y - line.y;
        const insideHeading = open !== undefined && i <= open.last;
        const paragraphEnds =
          headingAt.has(i) ||
          headingEnds.has(i - 1) ||
          (!insideHeading && spacing !== undefined && previous.horizontal && line.horizontal && gap > PARAGRAPH_GAP * spacing);
        const join = paragraphEnds ? 'none' : hyphenJoin(previous.softHyphenEnd ? `${previous.text}${SOFT_HYPHEN}` : previous.text, line.text, vocabulary);
        // A soft hyphen is not in the text: the halves of its word join as they are.
        if (join === 'drop-hyphen' && !previous.softHyphenEnd) {
          text = text.slice(0, -1);
          const run = runs[runs.length - 1];
          if (run && run.end > text.length) run.end = text.length;
          if (run && run.start >= run.end) runs.pop();
        }
        if (join === 'none') text += paragraphEnds ? '\n\n' : '\n';
      }
      const heading = headingAt.get(i);
      if (heading) open = { start: text.length, level: heading.level, last: heading.last };
      const offset = text.length;
      for (const run of line.runs) runs.push({ ...run, start: run.start + offset, end: run.end + offset });
      text += line.text;
      if (open && open.last === i) {
        pageHeadings.push({ start: open.start, end: text.length, level: open.level });
        open = undefined;
      }
    });
    const [x0, y0, x1, y1] = raw.viewBox;
    const layout: PageLayout = { width: Math.abs(x1 - x0), height: Math.abs(y1 - y0), viewBox: raw.viewBox, rotation: raw.rotation, runs };
    return { page: raw.page, text, layout, ...(pageHeadings.length > 0 ? { headings: pageHeadings } : {}) };
  });
}
