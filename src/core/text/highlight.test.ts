import { describe, expect, it } from 'vitest';
import { highlightBoxes } from './highlight';
import type { PageLayout } from './layout';

// A 200 x 100 point page with two lines: "Hello world" (chars 0-11) at the top, "Second" (12-18) lower down.
const layout: PageLayout = {
  width: 200,
  height: 100,
  viewBox: [0, 0, 200, 100],
  rotation: 0,
  runs: [
    { start: 0, end: 11, x: 20, y: 80, width: 110, height: 10 },
    { start: 12, end: 18, x: 20, y: 40, width: 60, height: 10 },
  ],
};

describe('highlightBoxes', () => {
  it('covers each run the range touches, measured from the top left of the page', () => {
    const [first, second] = highlightBoxes(layout, 0, 18);
    expect(first).toEqual({ left: 0.1, top: 0.1, width: 0.55, height: 0.12 });
    expect(second.top).toBeCloseTo(0.5);
  });

  it('cuts a run in proportion to the characters in the range', () => {
    const [box] = highlightBoxes(layout, 6, 11);
    expect(box.left).toBeCloseTo((20 + (6 / 11) * 110) / 200);
    expect(box.width).toBeCloseTo(((5 / 11) * 110) / 200);
  });

  it('finds nothing outside the runs', () => {
    expect(highlightBoxes(layout, 11, 12)).toEqual([]);
  });

  it('turns with the page', () => {
    const [upright] = highlightBoxes(layout, 0, 11);
    const [turned] = highlightBoxes({ ...layout, rotation: 90 }, 0, 11);
    expect(turned.width).toBeCloseTo(upright.height);
    expect(turned.height).toBeCloseTo(upright.width);
    expect(turned.left).toBeCloseTo(1 - upright.top - upright.height);
    const [upsideDown] = highlightBoxes({ ...layout, rotation: 180 }, 0, 11);
    expect(upsideDown.top).toBeCloseTo(1 - upright.top - upright.height);
  });

  it('measures from a view box that does not start at zero', () => {
    const [box] = highlightBoxes({ ...layout, viewBox: [10, 10, 210, 110], runs: [{ start: 0, end: 1, x: 30, y: 90, width: 20, height: 10 }] }, 0, 1);
    expect(box.left).toBeCloseTo(0.1);
    expect(box.top).toBeCloseTo(0.1);
  });
});
