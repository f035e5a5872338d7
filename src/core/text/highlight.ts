import type { PageLayout } from './layout';

/** A box over a rendered page, in fractions of its width and height from the top left (so it scales with it). */
export interface HighlightBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

function rotate(box: HighlightBox, rotation: number): HighlightBox {
  const { left, top, width, height } = box;
  switch (((rotation % 360) + 360) % 360) {
    case 90:
      return { left: 1 - top - height, top: left, width: height, height: width };
    case 180:
      return { left: 1 - left - width, top: 1 - top - height, width, height };
    case 270:
      return { left: top, top: 1 - left - width, width: height, height: width };
    default:
      return box;
  }
}

/**
 * Boxes over the text of page characters `[start, end)`: one per text run it touches, a run cut in proportion to
 * the characters it shares with the range. Boxes follow the page as displayed (its rotation applied).
 */
export function highlightBoxes(layout: PageLayout, start: number, end: number): HighlightBox[] {
  const [x0, y0, x1, y1] = layout.viewBox;
  const pageWidth = x1 - x0;
  const pageHeight = y1 - y0;
  return layout.runs
    .filter((run) => run.end > start && run.start < end)
    .map((run) => {
      const length = run.end - run.start;
      const from = (Math.max(run.start, start) - run.start) / length;
      const to = (Math.min(run.end, end) - run.start) / length;
      // Descenders reach below the baseline: a fifth of the font size keeps them inside the box.
      const descent = run.height * 0.2;
      const box = {
        left: (run.x + from * run.width - x0) / pageWidth,
        top: (y1 - (run.y + run.height)) / pageHeight,
        width: ((to - from) * run.width) / pageWidth,
        height: (run.height + descent) / pageHeight,
      };
      return rotate(box, layout.rotation);
    });
}
