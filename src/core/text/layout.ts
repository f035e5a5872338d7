import type { PageText } from '../library';

/**
 * One pdf.js text item as it landed in the page text: characters `[start, end)` of the page's `text`, and the item's
 * box in PDF user space (points; origin at the bottom left of the page's coordinate system, y pointing up).
 * `x, y` is the left end of the item's baseline; the glyphs stand in `[x, x + width] × [y, y + height]` (descenders
 * reach a little below `y`). For text drawn rotated the box is the unrotated approximation pdf.js gives.
 * A highlight of page characters `[a, b)` draws the boxes of the runs it overlaps, cut proportionally for partial runs.
 */
export interface TextRun {
  start: number;
  end: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a page's text stands on the page: enough to draw a highlight over a passage later (PDF only). */
export interface PageLayout {
  /** Size of the page's view box, in PDF points, before rotation. */
  width: number;
  height: number;
  /** pdf.js `page.view`: the view box `[x0, y0, x1, y1]` in PDF user space (x0/y0 are usually 0). */
  viewBox: [number, number, number, number];
  /** pdf.js `page.rotate`: clockwise rotation in degrees the viewer applies (0, 90, 180 or 270). */
  rotation: number;
  /** In page-text order; runs never overlap and each holds at least one character. */
  runs: TextRun[];
}

/** A heading of the document: characters `[start, end)` of its page's `text`; level 1 is the outermost. */
export interface Heading {
  start: number;
  end: number;
  level: number;
}

/**
 * What the readers return for each page: the page text (cleaned: no running headers, footers or page numbers, no
 * hyphenation at line ends, no ligatures or soft hyphens), plus structure when the format has it. A `PageText`, so
 * every caller of `PageText[]` keeps working.
 */
export interface PageWithLayout extends PageText {
  /** PDF pages: the position of every piece of text, for highlighting. */
  layout?: PageLayout;
  /** The page's headings in text order (Markdown, HTML and Word headings; PDF lines set in a larger font). */
  headings?: Heading[];
}
