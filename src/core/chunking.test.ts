import { describe, expect, it } from 'vitest';
import { chunkPages, DEFAULT_CHUNKING, joinPages, type ChunkingOptions } from './chunking';
import { asDocId, chunkIdOf } from './ids';
import type { Chunk, PageText } from './library';

const doc = asDocId('doc-1');

/** The invariants every chunking must keep, whatever the input. */
function expectWellFormed(pages: readonly PageText[], chunks: Chunk[], options: ChunkingOptions) {
  const { text } = joinPages(pages);
  chunks.forEach((chunk, i) => {
    expect(chunk.text).toBe(text.slice(chunk.charStart, chunk.charEnd));
    expect(chunk.text.length).toBeGreaterThan(0);
    expect(chunk.text.length).toBeLessThanOrEqual(options.maxChars);
    expect(chunk.ordinal).toBe(i);
    expect(chunk.id).toBe(chunkIdOf(doc, i));
    expect(chunk.docId).toBe(doc);
    expect(chunk.pageEnd).toBeGreaterThanOrEqual(chunk.pageStart);
    if (i > 0) {
      const previous = chunks[i - 1];
      expect(chunk.charStart).toBeGreaterThan(previous.charStart);
      expect(chunk.charEnd).toBeGreaterThan(previous.charEnd);
      expect(previous.charEnd - chunk.charStart).toBeLessThanOrEqual(options.overlapChars);
    }
  });
  const covered = new Uint8Array(text.length);
  for (const chunk of chunks) covered.fill(1, chunk.charStart, chunk.charEnd);
  for (let i = 0; i < text.length; i++) {
    if (!/\s/.test(text[i]) && !covered[i]) throw new Error(`character ${i} (${JSON.stringify(text[i])}) is in no chunk`);
  }
}

function chunkContaining(chunks: Chunk[], word: string): Chunk {
  const found = chunks.filter((chunk) => chunk.text.includes(word));
  expect(found.length).toBeGreaterThan(0);
  return found[0];
}

describe('joinPages', () => {
  it('joins pages with a blank line and records where each page starts', () => {
    const { text, pageStarts } = joinPages([
      { page: 1, text: 'One.' },
      { page: 2, text: 'Two.' },
    ]);
    expect(text).toBe('One.\n\nTwo.');
    expect(pageStarts).toEqual([0, 6]);
  });

  it('adds no separator after leading empty pages', () => {
    expect(joinPages([{ page: 1, text: '' }, { page: 2, text: 'Two.' }]).text).toBe('Two.');
  });
});

describe('chunkPages', () => {
  it('gives no chunks for no pages, empty pages or blank pages', () => {
    expect(chunkPages(doc, [])).toEqual([]);
    expect(chunkPages(doc, [{ page: 1, text: '' }, { page: 2, text: '' }])).toEqual([]);
    expect(chunkPages(doc, [{ page: 1, text: '  \n\t ' }])).toEqual([]);
  });

  it('keeps a short page in one chunk, trimmed of surrounding whitespace', () => {
    const pages = [{ page: 1, text: '  The cat sat. The dog ran.  ' }];
    const chunks = chunkPages(doc, pages);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ text: 'The cat sat. The dog ran.', pageStart: 1, pageEnd: 1, ordinal: 0 });
    expectWellFormed(pages, chunks, DEFAULT_CHUNKING);
  });

  it('splits a long page along sentences, within maxChars, with overlap of whole sentences', () => {
    const sentences = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} says something about topic ${i}.`);
    const pages = [{ page: 1, text: sentences.join(' ') }];
    const options = { maxChars: 200, overlapChars: 60 };
    const chunks = chunkPages(doc, pages, options);
    expect(chunks.length).toBeGreaterThan(5);
    expectWellFormed(pages, chunks, options);
    for (const chunk of chunks) {
      expect(chunk.text).toMatch(/^Sentence number \d+/);
      expect(chunk.text).toMatch(/\.$/);
    }
    const overlapping = chunks.slice(1).filter((chunk, i) => chunk.charStart < chunks[i].charEnd);
    expect(overlapping.length).toBeGreaterThan(0);
  });

  it('does not overlap chunks when overlapChars is 0', () => {
    const pages = [{ page: 1, text: Array.from({ length: 20 }, (_, i) => `Fact ${i} is short.`).join(' ') }];
    const options = { maxChars: 60, overlapChars: 0 };
    const chunks = chunkPages(doc, pages, options);
    expectWellFormed(pages, chunks, options);
    chunks.slice(1).forEach((chunk, i) => expect(chunk.charStart).toBeGreaterThanOrEqual(chunks[i].charEnd));
  });

  it('names the page a fact is on', () => {
    const pages = [
      { page: 1, text: 'Apples grow on trees. They are often red.' },
      { page: 2, text: 'The zeppelin landed in Friedrichshafen. Crowds cheered.' },
      { page: 3, text: 'Rivers flow to the sea. Fish swim in them.' },
    ];
    const chunks = chunkPages(doc, pages);
    expectWellFormed(pages, chunks, DEFAULT_CHUNKING);
    expect(chunkContaining(chunks, 'zeppelin')).toMatchObject({ pageStart: 2, pageEnd: 2 });
    expect(chunkContaining(chunks, 'Apples')).toMatchObject({ pageStart: 1, pageEnd: 1 });
    expect(chunkContaining(chunks, 'Rivers')).toMatchObject({ pageStart: 3, pageEnd: 3 });
  });

  it('starts every chunk’s sentences on one page, even when pages would fit together', () => {
    const pages = [
      { page: 1, text: 'Short one.' },
      { page: 2, text: 'Short two.' },
      { page: 3, text: 'Short three.' },
    ];
    const chunks = chunkPages(doc, pages);
    expect(chunks.map((chunk) => [chunk.text, chunk.pageStart, chunk.pageEnd])).toEqual([
      ['Short one.', 1, 1],
      ['Short two.', 2, 2],
      ['Short three.', 3, 3],
    ]);
  });

  it('numbers pages as given, skipping empty pages', () => {
    const pages = [
      { page: 4, text: '' },
      { page: 5, text: 'Alpha is here.' },
      { page: 6, text: '' },
      { page: 7, text: 'Omega is here.' },
    ];
    const chunks = chunkPages(doc, pages);
    expectWellFormed(pages, chunks, DEFAULT_CHUNKING);
    expect(chunkContaining(chunks, 'Alpha')).toMatchObject({ pageStart: 5, pageEnd: 5 });
    expect(chunkContaining(chunks, 'Omega')).toMatchObject({ pageStart: 7, pageEnd: 7 });
  });

  it('splits a very long sentence between words, within maxChars', () => {
    const sentence = `${Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ')}.`;
    const pages = [{ page: 1, text: sentence }];
    const options = { maxChars: 100, overlapChars: 20 };
    const chunks = chunkPages(doc, pages, options);
    expect(chunks.length).toBeGreaterThan(5);
    expectWellFormed(pages, chunks, options);
    for (const chunk of chunks) {
      expect(chunk.text).toMatch(/^word\d+/);
      expect(chunk.text).toMatch(/(word\d+|\.)$/);
    }
    const words = chunks.flatMap((chunk) => chunk.text.replace(/\.$/, '').split(/\s+/));
    expect(new Set(words).size).toBe(120);
  });

  it('cuts a stretch without spaces at maxChars', () => {
    const pages = [{ page: 1, text: `Start ${'x'.repeat(950)} end.` }];
    const options = { maxChars: 100, overlapChars: 30 };
    const chunks = chunkPages(doc, pages, options);
    expectWellFormed(pages, chunks, options);
    expect(chunks.some((chunk) => chunk.text === 'x'.repeat(100))).toBe(true);
  });

  it('keeps a sentence that runs over a page break whole, spanning both pages', () => {
    const pages = [
      { page: 1, text: 'The treaty was signed in the spring of' },
      { page: 2, text: '1648 at Münster. Peace followed.' },
    ];
    const chunks = chunkPages(doc, pages, { maxChars: 60, overlapChars: 0 });
    expectWellFormed(pages, chunks, { maxChars: 60, overlapChars: 0 });
    const treaty = chunkContaining(chunks, 'Münster');
    expect(treaty.text).toContain('spring of');
    expect([treaty.pageStart, treaty.pageEnd]).toEqual([1, 2]);
  });

  it('keeps sentences whole across the line breaks inside a page', () => {
    const pages = [{ page: 1, text: 'A sentence that wraps\nonto a second line. Another one.' }];
    const chunks = chunkPages(doc, pages, { maxChars: 45, overlapChars: 0 });
    expect(chunks.map((chunk) => chunk.text)).toEqual(['A sentence that wraps\nonto a second line.', 'Another one.']);
  });

  it('never repeats a chunk inside the one before it when a long sentence follows short ones', () => {
    const pages = [{ page: 1, text: `Aa one. Bb two. Cc three. Long ${'word '.repeat(17)}end. Dd four.` }];
    const options = { maxChars: 100, overlapChars: 30 };
    const chunks = chunkPages(doc, pages, options);
    expectWellFormed(pages, chunks, options);
    expect(chunks.map((chunk) => chunk.text.slice(0, 7))).toEqual(['Aa one.', 'Long wo', 'Dd four']);
  });

  it('uses ids from chunkIdOf and ordinals 0..n-1', () => {
    const pages = [{ page: 1, text: Array.from({ length: 40 }, (_, i) => `Line ${i} here.`).join(' ') }];
    const chunks = chunkPages(doc, pages, { maxChars: 80, overlapChars: 0 });
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual(chunks.map((_, i) => i));
    expect(chunks.map((chunk) => chunk.id)).toEqual(chunks.map((_, i) => chunkIdOf(doc, i)));
    expect(chunks[0].id).toBe('doc-1#000000');
  });
});

/** mulberry32: a small seeded generator so failures reproduce. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomPages(random: () => number): PageText[] {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const word = () => {
    if (random() < 0.02) return 'z'.repeat(int(50, 700)); // a run with no spaces
    return Array.from({ length: int(1, 12) }, () => String.fromCharCode(97 + int(0, 25))).join('');
  };
  const sentence = () => {
    const words = Array.from({ length: int(1, random() < 0.05 ? 200 : 25) }, word);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return words.join(random() < 0.1 ? '  ' : ' ') + ['.', '!', '?', '', '...'][int(0, 4)];
  };
  const page = () => {
    if (random() < 0.1) return '';
    const sentences = Array.from({ length: int(1, 15) }, sentence);
    return sentences.join(random() < 0.2 ? '\n' : ' ');
  };
  return Array.from({ length: int(0, 5) }, (_, i) => ({ page: i + 1, text: page() }));
}

describe('chunkPages on random input', () => {
  it('keeps its invariants', () => {
    const random = seeded(20240601);
    for (let run = 0; run < 200; run++) {
      const pages = randomPages(random);
      const maxChars = 80 + Math.floor(random() * 521);
      const overlapChars = Math.floor(random() * (maxChars / 3 + 1));
      const options = { maxChars, overlapChars };
      const chunks = chunkPages(doc, pages, options);
      const { text, pageStarts } = joinPages(pages);
      try {
        expectWellFormed(pages, chunks, options);
        for (const chunk of chunks) {
          // A chunk starts on the page that holds its first character.
          const pageIndex = pageStarts.findLastIndex((start) => start <= chunk.charStart);
          expect(chunk.pageStart).toBe(pages[pageIndex].page);
        }
        if (text.trim() === '') expect(chunks).toEqual([]);
      } catch (error) {
        throw new Error(`run ${run} (maxChars ${maxChars}, overlap ${overlapChars}): ${(error as Error).message}`, { cause: error });
      }
    }
  });
});
