// Running headers, footers and page numbers: lines at the top or bottom of a page that are furniture, not content.

export interface PageLine {
  text: string;
  /** Baseline height on the page (PDF user space: larger is higher). Without it, text order says what is top. */
  y?: number;
}

export interface RunningLineOptions {
  /** How many lines at each edge of a page may be furniture. */
  edgeLines: number;
  /** Fewer pages than this give no evidence of repetition (bare page numbers are still recognised from 2 pages). */
  minPages: number;
  /** A line recurs when its pattern is at an edge of at least this share of the pages (and of 2 pages at least). */
  share: number;
}

// 40%, not 50%: a header alternating between even and odd pages ("Chapter 3" / "The Book") is on half the pages,
// and one fewer when the page count is odd.
export const DEFAULT_RUNNING_LINES: RunningLineOptions = { edgeLines: 3, minPages: 3, share: 0.4 };

/** Roman numerals up to 399, all lower or all upper case: front matter pages ("xiv"), not words such as "mix". */
const ROMAN = /^(?=[ivxlc]+$|[IVXLC]+$)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i;
const PAGE_NUMBER = [
  /^[-–—‒([|]?\s*\d{1,5}\s*[-–—‒)\]|]?$/, // 12, - 4 -, (3), [3], | 7 |
  /^(page|pages|pg\.?|p\.|seite|página|pagina|pagine|sida|side|strona|pagina)\s*\d{1,5}(\s*(of|\/|de|von|sur|di|av|z)\s*\d{1,5})?$/i,
  /^\d{1,5}\s*(\/|of|de|von|sur)\s*\d{1,5}$/i, // 3 / 10, 3 of 10
];

/** "12", "- 4 -", "Page 3 of 10", "3/10", "xiv": a line that is nothing but a page number. */
export function isPageNumberLine(text: string): boolean {
  const line = text.trim();
  if (!line) return false;
  return PAGE_NUMBER.some((pattern) => pattern.test(line)) || (line.length <= 7 && ROMAN.test(line));
}

/** What a running line has in common from page to page: case, spacing and numbers (page, date, chapter) set aside. */
export function lineSignature(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Indices of a page's non-blank lines from the top of the page down (by `y` when every line has one). */
function topDown(lines: readonly PageLine[]): number[] {
  const order = lines.flatMap((line, index) => (line.text.trim() ? [index] : []));
  if (order.every((index) => lines[index].y !== undefined && Number.isFinite(lines[index].y))) {
    order.sort((a, b) => lines[b].y! - lines[a].y! || a - b);
  }
  return order;
}

/** A line's exact wording, spacing and case aside: what distinguishes one page's stamp ("Page 2 of 5") from another's. */
const wording = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Finds the running headers, footers and page numbers of a document. A line is removed when it stands in the band of
 * `edgeLines` lines at the top or bottom of its page, every line between it and that edge is removed too, and it is
 * either a bare page number or a line whose signature (digits as `#`) stands at a page edge on enough pages. Repetition
 * counts from `minPages` pages on, bare page numbers from 2 pages on; a single page is left alone.
 * A page whose every line goes holds no text of its own: a scan under a filing stamp ("Case 1:21-cv-… Filed …
 * Page 1 of 5"), or a page holding only its number. The exception is a page repeated word for word on many pages
 * ("This page is intentionally left blank", a document of identical forms): nothing on it changes from page to page,
 * so repetition says nothing about what is furniture, and the page keeps its text.
 * Returns, for each page, the indices of its lines to remove.
 */
export function findRunningLines(pages: readonly (readonly PageLine[])[], options: RunningLineOptions = DEFAULT_RUNNING_LINES): Set<number>[] {
  // One page: a number on its last line is as likely a total as a page number, and there is nothing to compare.
  if (pages.length < 2) return pages.map(() => new Set());
  const orders = pages.map(topDown);
  const edges = orders.map((order) => {
    const k = Math.min(options.edgeLines, order.length);
    return { top: order.slice(0, k), bottom: order.slice(order.length - k).reverse() };
  });
  const pagesWith = new Map<string, number>();
  const pagesWithWording = new Map<string, number>();
  const count = (counts: Map<string, number>, keys: Iterable<string>) => {
    for (const key of new Set(keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  if (pages.length >= options.minPages) {
    edges.forEach(({ top, bottom }, page) => {
      const edgeLines = [...top, ...bottom].map((index) => pages[page][index].text);
      count(pagesWith, edgeLines.map(lineSignature));
      count(pagesWithWording, edgeLines.map(wording));
    });
  }
  const threshold = Math.max(2, Math.ceil(options.share * pages.length));
  return pages.map((lines, page) => {
    const removable = (index: number) => isPageNumberLine(lines[index].text) || (pagesWith.get(lineSignature(lines[index].text)) ?? 0) >= threshold;
    const remove = new Set<number>();
    for (const band of [edges[page].top, edges[page].bottom]) {
      for (const index of band) {
        if (!removable(index)) break;
        remove.add(index);
      }
    }
    const order = orders[page];
    const changesFromPageToPage = (index: number) =>
      isPageNumberLine(lines[index].text) || (pagesWithWording.get(wording(lines[index].text)) ?? 0) < (pagesWith.get(lineSignature(lines[index].text)) ?? 0);
    if (order.length > 0 && order.every((index) => remove.has(index)) && !order.some(changesFromPageToPage)) return new Set<number>();
    return remove;
  });
}
