import { describe, expect, it } from 'vitest';
import type { PageWithLayout } from './layout';
import { buildPdfPages, type RawPdfPage, type RawTextItem } from './pdf-pages';

const VIEW: [number, number, number, number] = [0, 0, 595, 842];

/** A line of text as pdf.js gives it: one item per word with the spaces as items of their own, then an end of line. */
function line(text: string, y: number, { x = 56, size = 10 }: { x?: number; size?: number } = {}): RawTextItem[] {
  const items: RawTextItem[] = [];
  let at = x;
  text.split(/( )/).forEach((str) => {
    if (!str) return;
    const width = str.length * size * 0.5;
    items.push({ str, x: at, y, width, height: size, hasEOL: false, horizontal: true });
    at += width;
  });
  items[items.length - 1].hasEOL = true;
  return items;
}

const page = (page: number, ...lines: RawTextItem[][]): RawPdfPage => ({ page, viewBox: VIEW, rotation: 0, items: lines.flat() });

/** Every run's text is the text its items put there: the layout points at the right characters. */
function expectRunsConsistent(pages: PageWithLayout[]) {
  for (const { text, layout } of pages) {
    let previousEnd = 0;
    for (const run of layout!.runs) {
      expect(run.start).toBeGreaterThanOrEqual(previousEnd);
      expect(run.end).toBeGreaterThan(run.start);
      expect(run.end).toBeLessThanOrEqual(text.length);
      previousEnd = run.end;
    }
  }
}

describe('buildPdfPages', () => {
  it('joins items into lines and keeps where each piece of text stands', () => {
    const [result] = buildPdfPages([page(1, line('Hello world', 700), line('Second line', 688))]);
    expect(result.text).toBe('Hello world\nSecond line');
    expect(result.layout).toMatchObject({ width: 595, height: 842, viewBox: VIEW, rotation: 0 });
    const runs = result.layout!.runs.map((run) => [result.text.slice(run.start, run.end), run.x, run.y]);
    expect(runs).toEqual([
      ['Hello', 56, 700],
      [' ', 81, 700],
      ['world', 86, 700],
      ['Second', 56, 688],
      [' ', 86, 688],
      ['line', 91, 688],
    ]);
    expect(result).not.toHaveProperty('headings');
  });

  it('cleans ligatures, soft hyphens and runs of spaces', () => {
    const items: RawTextItem[] = [
      { str: 'The \uFB01rst   e\uFB03cient', x: 56, y: 700, width: 100, height: 10, hasEOL: false, horizontal: true },
      { str: '  \u00A0 ', x: 156, y: 700, width: 10, height: 10, hasEOL: false, horizontal: true },
      { str: 'hy\u00ADphen', x: 166, y: 700, width: 30, height: 10, hasEOL: true, horizontal: true },
    ];
    const [result] = buildPdfPages([page(1, items)]);
    expect(result.text).toBe('The first efficient hyphen');
    expectRunsConsistent([result]);
  });

  it('joins words broken at line ends and drops the hyphen from the text and its run', () => {
    const [result] = buildPdfPages([page(1, line('an inter-', 700), line('national court of the Franco-', 688), line('German border', 676), line('soft\u00AD', 664), line('ly spoken', 652))]);
    expect(result.text).toBe('an international court of the Franco-German border\nsoftly spoken');
    expectRunsConsistent([result]);
    const inter = result.layout!.runs.find((run) => result.text.slice(run.start, run.end) === 'inter');
    expect(inter).toBeDefined();
  });

  it('puts a space where a visible gap separates two items that have none', () => {
    const items: RawTextItem[] = [
      { str: 'Left', x: 56, y: 700, width: 20, height: 10, hasEOL: false, horizontal: true },
      { str: 'Right', x: 120, y: 700, width: 25, height: 10, hasEOL: false, horizontal: true },
      { str: 'Kern', x: 145.5, y: 700, width: 20, height: 10, hasEOL: true, horizontal: true },
    ];
    expect(buildPdfPages([page(1, items)])[0].text).toBe('Left RightKern');
  });

  it('starts a new line where an item stands on another line even without an end of line', () => {
    const items: RawTextItem[] = [
      { str: 'Up here', x: 56, y: 700, width: 35, height: 10, hasEOL: false, horizontal: true },
      { str: 'down there', x: 56, y: 680, width: 50, height: 10, hasEOL: false, horizontal: true },
      { str: '2', x: 107, y: 683, width: 5, height: 6, hasEOL: true, horizontal: true }, // a superscript stays
    ];
    expect(buildPdfPages([page(1, items)])[0].text).toBe('Up here\ndown there2');
  });

  it('removes running headers, footers and page numbers', () => {
    const bodies = [
      ['Whales sing in the deep.', 'Their songs carry far.'],
      ['Otters hold hands asleep.', 'So they do not drift apart.'],
      ['Herons stand in the shallows.', 'Fish do not see them.'],
      ['Salmon leap up the falls.', 'Bears wait at the top.'],
    ];
    const pages = bodies.map(([one, two], i) =>
      page(i + 1, line('Nature Quarterly — Spring 2024', 800, { size: 8 }), line(one, 700), line(two, 688), line(`- ${i + 1} -`, 40, { size: 8 })),
    );
    const result = buildPdfPages(pages);
    expect(result.map((p) => p.text)).toEqual(bodies.map(([one, two]) => `${one}\n${two}`));
    expectRunsConsistent(result);
    expect(result[0].layout!.runs[0]).toMatchObject({ start: 0, y: 700 });
  });

  it('ends a paragraph where the gap between lines is clearly larger than the line spacing', () => {
    const [result] = buildPdfPages([page(1, line('First paragraph line one', 700), line('line two.', 688), line('Second paragraph.', 668), line('Its second line.', 656))]);
    expect(result.text).toBe('First paragraph line one\nline two.\n\nSecond paragraph.\nIts second line.');
  });

  it('finds headings by font size, with levels by size, and does not join across them', () => {
    const words = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa'.split(' ');
    const body = (top: number, count: number, from: number) =>
      Array.from({ length: count }, (_, i) => line(`The ${words[from + i]} line of the body runs on.`, top - 12 * i));
    const [first, second] = buildPdfPages([
      page(1, line('Annual Report', 760, { size: 24 }), line('Introduction', 720, { size: 16 }), ...body(700, 8, 0)),
      page(2, line('Methods and', 760, { size: 16 }), line('Materials', 742, { size: 16 }), ...body(720, 8, 8)),
    ]);
    const headings = (p: PageWithLayout) => p.headings!.map((h) => [p.text.slice(h.start, h.end), h.level]);
    expect(headings(first)).toEqual([
      ['Annual Report', 1],
      ['Introduction', 2],
    ]);
    expect(headings(second)).toEqual([['Methods and\nMaterials', 2]]);
    expect(first.text.startsWith('Annual Report\n\nIntroduction\n\nThe alpha line')).toBe(true);
  });

  it('finds no headings when larger type is a large share of the lines (slides, posters)', () => {
    const [result] = buildPdfPages([page(1, line('Big claim one', 700, { size: 28 }), line('Big claim two', 650, { size: 28 }), line('small print', 100))]);
    expect(result.headings).toBeUndefined();
  });

  it('gives an empty page (a scan) empty text and no runs', () => {
    const [result] = buildPdfPages([page(1), page(2, line('Text', 700))]);
    expect(result).toMatchObject({ page: 1, text: '', layout: { runs: [] } });
  });
});

describe('buildPdfPages: right-to-left lines', () => {
  const item = (str: string, x: number, width: number, y = 700): RawTextItem => ({ str, x, y, width, height: 12, hasEOL: false, horizontal: true });

  it('reads a line drawn word by word from left to right (visual order) from right to left', () => {
    // ArabicCIDTrueType.pdf: "انواع الخطوط العربية" drawn as its three words from the left, spaces between.
    const items = [item('العربية', 160, 117), item(' ', 277.6, 0), item('الخطوط', 288, 121), item(' ', 409.2, 0), item('انواع', 420, 82)];
    expect(buildPdfPages([page(1, items)])[0].text).toBe('انواع الخطوط العربية');
  });

  it('keeps a line drawn in logical order, and puts the spaces its gaps show', () => {
    // issue11656.pdf: Hebrew drawn from the right, a number and brackets inside, no space item before "15".
    const items = [item('לפי סעיף', 381.6, 141), item('15', 366.2, 12), item('(ב)(', 346.5, 20), item('4', 340.5, 6), item(') לחוק', 236.2, 104)];
    expect(buildPdfPages([page(1, items)])[0].text).toBe('לפי סעיף 15(ב)(4) לחוק');
  });

  it('orders glyphs drawn out of order by where they stand', () => {
    // issue19971.pdf: "ھذه فقرة" drawn piece by piece, in no reading order.
    const items = [item('ذه', 525.5, 7), item('ھ', 533, 5), item('رة', 505.8, 9), item('ﻘ', 515.1, 3), item('ﻓ', 518.2, 3)];
    expect(buildPdfPages([page(1, items)])[0].text).toBe('ھذه فقرة');
  });

  it('keeps left-to-right words inside a right-to-left line left to right', () => {
    // "pdf.js version" stands left to right in the middle of a Hebrew line; drawn in logical or in visual order.
    const hebrew = item('שלום עולם ומה', 300, 90);
    const latin = [item('pdf.js', 200, 40), item(' ', 240, 5), item('version', 245, 50)];
    const logical = [hebrew, item(' ', 295, 5), ...latin, item(' ', 195, 5), item('שלום', 150, 45)];
    const visual = [...logical].sort((a, b) => a.x - b.x);
    for (const drawn of [logical, visual]) {
      const pages = buildPdfPages([page(1, drawn)]);
      expect(pages[0].text).toBe('שלום עולם ומה pdf.js version שלום');
      expectRunsConsistent(pages);
    }
  });

  it('leaves left-to-right lines in the order pdf.js gives, whatever words of other scripts they hold', () => {
    const items = [item('The word', 56, 60), item(' ', 116, 4), item('שלום', 120, 30), item(' ', 150, 4), item('means peace', 154, 70)];
    expect(buildPdfPages([page(1, items)])[0].text).toBe('The word שלום means peace');
    expectRunsConsistent(buildPdfPages([page(1, items)]));
  });
});
