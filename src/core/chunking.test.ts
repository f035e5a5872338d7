import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkPages, DEFAULT_CHUNKING, estimateTokens, joinPages, MAX_EMBEDDER_TOKENS, sliceOfPages, withPageStarts, type ChunkablePage, type ChunkDraft, type ChunkingOptions } from './chunking';
import { asDocId, chunkIdOf } from './ids';
import type { Chunk, PageText } from './library';

const doc = asDocId('doc-1');
const SENTENCES = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/** The invariants every chunking must keep, whatever the input. */
function expectWellFormed(pages: readonly PageText[], chunks: ChunkDraft[], options: ChunkingOptions = DEFAULT_CHUNKING) {
  const { text, pageStarts } = joinPages(pages);
  const countTokens = options.countTokens ?? estimateTokens;
  const special = countTokens('');
  const maxTokens = Math.min(options.maxTokens ?? DEFAULT_CHUNKING.maxTokens, MAX_EMBEDDER_TOKENS);
  const overlapTokens = options.overlapTokens ?? DEFAULT_CHUNKING.overlapTokens;
  const pageOf = (offset: number) => pages[pageStarts.findLastIndex((start) => start <= offset)].page;
  chunks.forEach((chunk, i) => {
    expect(chunk.text).toBe(text.slice(chunk.charStart, chunk.charEnd));
    expect(chunk.text.length).toBeGreaterThan(0);
    expect(chunk.text).toBe(chunk.text.trim());
    expect(chunk.text.length).toBeLessThanOrEqual(options.maxChars ?? Infinity);
    expect(countTokens(chunk.text)).toBeLessThanOrEqual(maxTokens);
    expect(countTokens(chunk.contextText)).toBeLessThanOrEqual(MAX_EMBEDDER_TOKENS);
    expect(chunk.contextText.endsWith(chunk.text)).toBe(true);
    expect(chunk.ordinal).toBe(i);
    expect(chunk.id).toBe(chunkIdOf(doc, i));
    expect(chunk.docId).toBe(doc);
    expect(chunk.pageStart).toBe(pageOf(chunk.charStart));
    expect(chunk.pageEnd).toBe(pageOf(chunk.charEnd - 1));
    if (chunk.pageEnd !== chunk.pageStart) {
      // Spanning pages is for a sentence running on: no sentence of the chunk starts on a later page.
      const flowing = chunk.text.replace(/[\r\n]/g, ' ');
      for (const { segment, index } of SENTENCES.segment(flowing)) {
        const start = chunk.charStart + index + segment.length - segment.trimStart().length;
        if (segment.trim()) expect(pageOf(start)).toBe(chunk.pageStart);
      }
    }
    if (i > 0) {
      const previous = chunks[i - 1];
      expect(chunk.charStart).toBeGreaterThan(previous.charStart);
      expect(chunk.charEnd).toBeGreaterThan(previous.charEnd);
      if (chunk.charStart < previous.charEnd) {
        const overlap = text.slice(chunk.charStart, previous.charEnd);
        expect(overlap.length).toBeLessThanOrEqual(options.overlapChars ?? Infinity);
        expect(countTokens(overlap) - special).toBeLessThanOrEqual(overlapTokens);
      }
    }
  });
  const covered = new Uint8Array(text.length);
  for (const chunk of chunks) for (let i = chunk.charStart; i < chunk.charEnd; i++) covered[i]++;
  for (let i = 0; i < text.length; i++) {
    if (!/\s/.test(text[i]) && !covered[i]) throw new Error(`character ${i} (${JSON.stringify(text[i])}) is in no chunk`);
    if (covered[i] > 2) throw new Error(`character ${i} (${JSON.stringify(text[i])}) is in ${covered[i]} chunks`);
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

  it('gives each page where it starts, as withPageStarts stores it', () => {
    expect(withPageStarts([{ page: 1, text: 'One.' }, { page: 2, text: '' }, { page: 3, text: 'Three.' }]).map((page) => page.start)).toEqual([0, 6, 8]);
  });

  it('adds no separator after leading empty pages', () => {
    expect(joinPages([{ page: 1, text: '' }, { page: 2, text: 'Two.' }]).text).toBe('Two.');
  });
});

describe('sliceOfPages', () => {
  it('gives back the text of every chunk from the pages it spans', () => {
    const pages = [
      { page: 1, text: '' },
      { page: 2, text: 'The treaty was signed in the spring of' },
      { page: 3, text: '' },
      { page: 4, text: '1648 at Münster. Peace followed.' },
    ];
    const stored = withPageStarts(pages);
    const chunks = chunkPages(doc, pages, { maxChars: 60, overlapChars: 0 });
    expect(chunks.some((chunk) => chunk.pageStart !== chunk.pageEnd)).toBe(true);
    for (const chunk of chunks) {
      const spanned = stored.filter((page) => page.page >= chunk.pageStart && page.page <= chunk.pageEnd);
      expect(sliceOfPages(spanned, chunk.charStart, chunk.charEnd)).toBe(chunk.text);
    }
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
  }, 60_000);
});

describe('chunkPages by tokens', () => {
  const words = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `word${from + i}`).join(' ');
  /** A WordPiece-like count: [CLS] and [SEP], then a token per word and per punctuation mark. */
  const wordTokens = (text: string) => 2 + (text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)?.length ?? 0);

  it('estimates 3 characters per token, one per CJK character', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcdef')).toBe(2);
    expect(estimateTokens('abcdefg')).toBe(3);
    expect(estimateTokens('東京都')).toBe(3);
    expect(estimateTokens('in 東京')).toBe(3);
  });

  it('packs to 256 estimated tokens by default', () => {
    const pages = [{ page: 1, text: Array.from({ length: 200 }, (_, i) => `Sentence ${i} has a few words in it.`).join(' ') }];
    const chunks = chunkPages(doc, pages);
    expectWellFormed(pages, chunks);
    expect(Math.max(...chunks.map((chunk) => estimateTokens(chunk.text)))).toBeGreaterThan(200);
  });

  it('counts with the tokenizer it is given, special tokens included', () => {
    const pages = [{ page: 1, text: Array.from({ length: 60 }, (_, i) => `Fact ${i}, in short.`).join(' ') }];
    const options = { maxTokens: 20, overlapTokens: 6, countTokens: wordTokens };
    const chunks = chunkPages(doc, pages, options);
    expectWellFormed(pages, chunks, options);
    for (const chunk of chunks) expect(wordTokens(chunk.text)).toBeLessThanOrEqual(20);
    // 5 tokens a sentence, 2 special: 3 sentences fill a chunk.
    expect(chunks[0].text).toBe('Fact 0, in short. Fact 1, in short. Fact 2, in short.');
    expect(chunks[1].text.startsWith('Fact 2, in short.')).toBe(true);
  });

  it('never goes beyond the embedder’s 512 tokens, whatever maxTokens says', () => {
    const pages = [{ page: 1, text: `${words(2000)}.` }];
    const options = { maxTokens: 4000, countTokens: wordTokens };
    const chunks = chunkPages(doc, pages, options);
    expectWellFormed(pages, chunks, options);
    expect(Math.max(...chunks.map((chunk) => wordTokens(chunk.text)))).toBe(MAX_EMBEDDER_TOKENS);
  });

  it('never puts a sentence in three chunks: the overlap steps back only over sentences new in a chunk', () => {
    const pages = [{ page: 1, text: 'Aaaaaaaaaaa. A. B. Cc. Dddddddddd.' }];
    const options = { maxTokens: 20, overlapTokens: 10, countTokens: (text: string) => text.length };
    const chunks = chunkPages(doc, pages, options);
    expectWellFormed(pages, chunks, options);
    expect(chunks.map((chunk) => chunk.text)).toEqual(['Aaaaaaaaaaa. A. B.', 'A. B. Cc.', 'Cc. Dddddddddd.']);
  });

  it('brings new text in every chunk even when the sum of sentence counts overestimates', () => {
    // "Eee." is 2 tokens alone; "Eee. Eee." is 3 (9 characters), not 4.
    const pages = [{ page: 1, text: 'A. Eee. Eee.' }];
    const options = { maxTokens: 3, overlapTokens: 2 };
    const chunks = chunkPages(doc, pages, options);
    expectWellFormed(pages, chunks, options);
    expect(chunks.map((chunk) => chunk.text)).toEqual(['A. Eee.', 'Eee. Eee.']);
  });

  it('cuts a run without spaces by tokens, never inside a surrogate pair', () => {
    const pages = [{ page: 1, text: '😀'.repeat(100) }];
    const options = { maxTokens: 7, overlapTokens: 0, countTokens: (text: string) => text.length };
    const chunks = chunkPages(doc, pages, options);
    expectWellFormed(pages, chunks, options);
    expect(chunks.map((chunk) => chunk.text.length)).toEqual([...Array(33).fill(6), 2]);
  });
});

describe('chunkPages by structure', () => {
  const sentences = (topic: string, count: number) => Array.from({ length: count }, (_, i) => `The ${topic} fact ${i} is here.`).join(' ');
  /** A page built from headings and paragraphs, with the heading offsets a reader would give. */
  function page(number: number, parts: ({ heading: string; level: number } | string)[]): ChunkablePage {
    let text = '';
    const headings = [];
    for (const part of parts) {
      if (text) text += '\n\n';
      if (typeof part === 'string') {
        text += part;
      } else {
        headings.push({ start: text.length, end: text.length + part.heading.length, level: part.level });
        text += part.heading;
      }
    }
    return { page: number, text, headings };
  }

  it('starts a chunk at each heading and names the heading above each chunk', () => {
    const pages = [page(1, [{ heading: 'Apples', level: 1 }, 'Apples are red.', { heading: 'Pears', level: 1 }, 'Pears are green.'])];
    const chunks = chunkPages(doc, pages, { title: 'fruit.md' });
    expectWellFormed(pages, chunks);
    expect(chunks.map((chunk) => [chunk.text, chunk.heading])).toEqual([
      ['Apples\n\nApples are red.', 'Apples'],
      ['Pears\n\nPears are green.', 'Pears'],
    ]);
    expect(chunks[1].contextText).toBe('fruit.md — Pears\nPears\n\nPears are green.');
  });

  it('keeps a run of headings with the text under them and gives the whole trail as context', () => {
    const pages = [page(1, ['Preface text.', { heading: 'Part One', level: 1 }, { heading: 'Chapter 1', level: 2 }, 'Body.', { heading: 'Chapter 2', level: 2 }, 'More.'])];
    const chunks = chunkPages(doc, pages, { title: 'book.pdf' });
    expectWellFormed(pages, chunks);
    expect(chunks.map((chunk) => [chunk.text, chunk.heading ?? null, chunk.contextText.split('\n')[0]])).toEqual([
      ['Preface text.', null, 'book.pdf'],
      ['Part One\n\nChapter 1\n\nBody.', 'Chapter 1', 'book.pdf — Part One › Chapter 1'],
      ['Chapter 2\n\nMore.', 'Chapter 2', 'book.pdf — Part One › Chapter 2'],
    ]);
  });

  it('gives a chunk with no heading or title its text as context', () => {
    const chunks = chunkPages(doc, [{ page: 1, text: 'Just text.' }]);
    expect(chunks[0].contextText).toBe('Just text.');
    expect(chunks[0]).not.toHaveProperty('heading');
  });

  it('ends a chunk at a paragraph break rather than inside the next paragraph, without overlap there', () => {
    const pages = [page(1, [sentences('first', 4), sentences('second', 4)])];
    const options = { maxChars: 150, overlapChars: 60 };
    const chunks = chunkPages(doc, pages, options);
    expectWellFormed(pages, chunks, options);
    expect(chunks[0].text).toBe(sentences('first', 4));
    expect(chunks[1].text.startsWith('The second fact 0')).toBe(true);
  });

  it('does not split a sentence at a line break but does at a blank line', () => {
    const pages = [{ page: 1, text: 'A heading without a full stop\n\nThe text under it.\nGoes on here' }];
    const chunks = chunkPages(doc, pages, { maxChars: 30, overlapChars: 0 });
    expect(chunks.map((chunk) => chunk.text)).toEqual(['A heading without a full stop', 'The text under it.', 'Goes on here']);
  });

  it('keeps a paragraph running over a page break in one flow', () => {
    const pages = [
      { page: 1, text: 'First paragraph.\n\nThe treaty was signed in the spring of' },
      { page: 2, text: '1648 at Münster. Peace followed.' },
    ];
    const chunks = chunkPages(doc, pages, { maxChars: 60, overlapChars: 0 });
    expectWellFormed(pages, chunks, { maxChars: 60, overlapChars: 0 });
    const treaty = chunkContaining(chunks, 'Münster');
    expect(treaty.text).toBe('The treaty was signed in the spring of\n\n1648 at Münster.');
    expect([treaty.pageStart, treaty.pageEnd]).toEqual([1, 2]);
  });

  it('splits a sentence too long for a chunk at the page break it runs over, so each piece cites its own page', () => {
    const pages = [
      { page: 1, text: 'A.' },
      { page: 2, text: '😀😀 zzzzzzzzzzzzzzzzzzzz a. A.' },
    ];
    const options = { maxTokens: 8, overlapTokens: 0 };
    const chunks = chunkPages(doc, pages, options);
    expectWellFormed(pages, chunks, options);
    expect(chunks.map((chunk) => [chunk.text, chunk.pageStart, chunk.pageEnd])).toEqual([
      ['A.', 1, 1],
      ['😀😀', 2, 2],
      ['zzzzzzzzzzzzzzzzzzzz a.', 2, 2],
      ['A.', 2, 2],
    ]);
  });

  it('ignores headings whose offsets are out of range or overlap', () => {
    const pages = [{ page: 1, text: 'Title\n\nBody text.', headings: [{ start: 0, end: 5, level: 1 }, { start: 2, end: 9, level: 2 }, { start: 50, end: 60, level: 1 }] }];
    const chunks = chunkPages(doc, pages);
    expectWellFormed(pages, chunks);
    expect(chunks.map((chunk) => chunk.heading)).toEqual(['Title']);
  });
});

describe('chunkPages properties (fast-check)', () => {
  const wordTokens = (text: string) => 2 + (text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)?.length ?? 0);
  const tokenizers = [estimateTokens, wordTokens, (text: string) => text.length + 1];

  const word = fc.oneof(
    { weight: 20, arbitrary: fc.stringMatching(/^[a-z]{1,10}$/) },
    { weight: 5, arbitrary: fc.stringMatching(/^[a-z]$/) },
    { weight: 1, arbitrary: fc.integer({ min: 20, max: 400 }).map((n) => 'z'.repeat(n)) },
    { weight: 1, arbitrary: fc.constantFrom('東京', '😀😀', 'naïve', 'e.g.', 'U.S.', '3.14', '—') },
  );
  const sentence = fc
    .tuple(
      fc.oneof(fc.array(word, { minLength: 1, maxLength: 2 }), fc.array(word, { minLength: 1, maxLength: 30 })),
      fc.constantFrom('.', '!', '?', '', '...'),
      fc.constantFrom(' ', '  ', '\n'),
    )
    // A capital after the full stop, or Intl.Segmenter sees no sentence break ("a. b" is one sentence to it).
    .map(([ws, end, space]) => ws.join(space).replace(/^[a-z]/, (c) => c.toUpperCase()) + end);
  const paragraph = fc.tuple(fc.array(sentence, { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', '\n')).map(([ss, sep]) => ss.join(sep));
  const part = fc.oneof(
    { weight: 4, arbitrary: paragraph.map((text) => ({ text, level: 0 })) },
    { weight: 1, arbitrary: fc.tuple(sentence, fc.integer({ min: 1, max: 4 })).map(([text, level]) => ({ text, level })) },
  );
  const pageText = fc.tuple(fc.array(part, { maxLength: 6 }), fc.constantFrom('\n\n', '\n \n', '\n')).map(([parts, sep]) => {
    let text = '';
    const headings = [];
    for (const { text: partText, level } of parts) {
      if (text) text += sep;
      if (level > 0) headings.push({ start: text.length, end: text.length + partText.length, level });
      text += partText;
    }
    return { text, headings };
  });
  const pages = fc.array(pageText, { maxLength: 5 }).map((list) => list.map((p, i) => ({ page: i + 1, ...p })));
  const options = fc.record({
    maxTokens: fc.oneof(fc.integer({ min: 3, max: 12 }), fc.integer({ min: 8, max: 300 })),
    overlapShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
    tokenizer: fc.integer({ min: 0, max: tokenizers.length - 1 }),
    maxChars: fc.option(fc.integer({ min: 20, max: 2000 }), { nil: undefined }),
    title: fc.option(fc.constantFrom('report.pdf', 'A title'), { nil: undefined }),
  });
  const settings = (o: { maxTokens: number; overlapShare: number; tokenizer: number; maxChars?: number; title?: string }): ChunkingOptions => ({
    maxTokens: o.maxTokens,
    overlapTokens: Math.floor(o.overlapShare * o.maxTokens),
    countTokens: tokenizers[o.tokenizer],
    ...(o.maxChars ? { maxChars: o.maxChars } : {}),
    ...(o.title ? { title: o.title } : {}),
  });

  it('loses no text, repeats none beyond the overlap, stays within budget and names the right pages', () => {
    fc.assert(
      fc.property(pages, options, (input, o) => {
        const chunking = settings(o);
        const chunks = chunkPages(doc, input, chunking);
        expectWellFormed(input, chunks, chunking);
        if (joinPages(input).text.trim() === '') expect(chunks).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('lets a heading into a chunk only after headings, and names a heading of the document', () => {
    fc.assert(
      fc.property(pages, options, (input, o) => {
        const chunks = chunkPages(doc, input, settings(o));
        const { text, pageStarts } = joinPages(input);
        const inHeading = new Uint8Array(text.length);
        const starts: number[] = [];
        const labels = new Set<string>();
        input.forEach((p, i) =>
          p.headings.forEach((h) => {
            inHeading.fill(1, pageStarts[i] + h.start, pageStarts[i] + h.end);
            starts.push(pageStarts[i] + h.start);
            labels.add(p.text.slice(h.start, h.end).replace(/\s+/g, ' ').trim());
          }),
        );
        for (const chunk of chunks) {
          if (chunk.heading !== undefined) expect(labels.has(chunk.heading)).toBe(true);
          for (const start of starts) {
            if (start <= chunk.charStart || start >= chunk.charEnd) continue;
            for (let i = chunk.charStart; i < start; i++) {
              if (!inHeading[i] && !/\s/.test(text[i])) throw new Error(`chunk ${chunk.ordinal} runs from text into the heading at ${start}`);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
