// What an OCR engine read on a page image, and how it joins the path a PDF's text layer takes: each word becomes a
// text item in PDF user space, so cleaning, layout, chunking and highlighting treat scanned pages like any other.
import type { RawTextItem } from './pdf-pages';

/** A box in image pixels: origin at the top left, y pointing down. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** The engine's confidence in the word, 0 to 100. */
  confidence: number;
  box: PixelBox;
}

/** One line of text as the engine read it, its words in reading order. */
export interface OcrLine {
  box: PixelBox;
  words: OcrWord[];
}

/** What the engine read on one page image: its lines in reading order (column by column, as the engine found them). */
export interface OcrPage {
  width: number;
  height: number;
  lines: OcrLine[];
}

/** Below this mean word confidence (0–100) a page's text is flagged: words are likely misread. */
export const LOW_CONFIDENCE = 70;

/** The page's confidence: the mean of its words' confidences weighted by their length; undefined when it has no words. */
export function pageConfidence(page: OcrPage): number | undefined {
  let weighted = 0;
  let characters = 0;
  for (const word of page.lines.flatMap((line) => line.words)) {
    weighted += word.confidence * word.text.length;
    characters += word.text.length;
  }
  return characters > 0 ? weighted / characters : undefined;
}

/** Maps a point of the page image (pixels) to PDF user space (points, y up). */
export type ToPdfPoint = (x: number, y: number) => [number, number];

/**
 * The words of an OCR'd page as text items, as pdf.js would give them for a text layer: one per word, its box the
 * word's width by its line's height (so highlights of a passage cover whole lines evenly), a space between words,
 * and the line's last word ending the line. `horizontal` says whether the image's lines run along the page's x axis
 * (a page shown unrotated); otherwise lines are told apart by their ends alone.
 */
export function ocrTextItems(page: OcrPage, toPdf: ToPdfPoint, horizontal: boolean): RawTextItem[] {
  return page.lines.flatMap((line) => {
    const words = line.words.filter((word) => word.text.trim() !== '');
    // A text item's box is [y - 0.2 size, y + size] once highlighted (core/text/highlight.ts): a line box of height
    // 1.2 size with the baseline a fifth of the size above its bottom.
    const item = (str: string, x0: number, x1: number, hasEOL: boolean): RawTextItem => {
      const [ax, ay] = toPdf(x0, line.box.y0);
      const [bx, by] = toPdf(x1, line.box.y1);
      const [left, right, bottom, top] = [Math.min(ax, bx), Math.max(ax, bx), Math.min(ay, by), Math.max(ay, by)];
      const size = (top - bottom) / 1.2;
      return { str, x: left, y: bottom + 0.2 * size, width: right - left, height: size, hasEOL, horizontal };
    };
    // The space between two words is an item of its own, spanning the gap: each word's box is the word's.
    return words.flatMap((word, index) => {
      const next = words[index + 1];
      const text = item(word.text.trim(), word.box.x0, word.box.x1, !next);
      return next ? [text, item(' ', word.box.x1, Math.max(word.box.x1, next.box.x0), false)] : [text];
    });
  });
}
