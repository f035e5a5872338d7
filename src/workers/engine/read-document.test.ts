import { PDFDocument, StandardFonts } from 'pdf-lib';
import { GlobalWorkerOptions } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { OcrCancelled, OcrPageError, type OcrReader } from '../ocr/tesseract-reader';
import { UnreadableFileError } from './pdf-text';
import { formatOf, readDocument } from './read-document';
import { makeDocx } from './readers/make-docx.test-support';

beforeAll(() => {
  GlobalWorkerOptions.workerSrc = pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.min.mjs')).href;
});

const text = (content: string) => new TextEncoder().encode(content);
const file = (name: string, bytes: Uint8Array, type = '') => ({ file: new File([bytes as Uint8Array<ArrayBuffer>], name, { type }), bytes });

async function read(name: string, bytes: Uint8Array, type = '') {
  const progress: [number, number][] = [];
  const { file: f } = file(name, bytes, type);
  const { pages } = await readDocument(f, bytes, (done, total) => progress.push([done, total]));
  return { pages, progress };
}

describe('formatOf', () => {
  const pdfBytes = text('%PDF-1.7\n...');
  it.each([
    ['a.pdf', '', text('whatever'), 'pdf'],
    ['a.bin', 'application/pdf', text('whatever'), 'pdf'],
    ['renamed.txt', 'text/plain', pdfBytes, 'pdf'],
    ['noname', '', text('junk before %PDF-1.4 header'), 'pdf'],
    ['notes.txt', 'text/plain', text('Mentions %PDF- in passing'), 'text'],
    ['a.docx', 'application/octet-stream', text('PK'), 'docx'],
    ['a', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', text('PK'), 'docx'],
    ['page.HTML', '', text('<p>'), 'html'],
    ['page.htm', '', text('<p>'), 'html'],
    ['x', 'text/html; charset=utf-8', text('<p>'), 'html'],
    ['README.md', '', text('# Hi'), 'markdown'],
    ['notes.markdown', '', text('# Hi'), 'markdown'],
    ['x', 'text/markdown', text('# Hi'), 'markdown'],
    ['a.txt', '', text('hi'), 'text'],
    ['x', 'text/plain', text('hi'), 'text'],
    ['old.txt', 'text/plain', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), undefined],
    ['old.doc', 'application/msword', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), undefined],
    ['sheet.xlsx', '', text('PK'), undefined],
    ['photo.jpg', 'image/jpeg', new Uint8Array([0xff, 0xd8]), 'image'],
    ['scan', '', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'image'],
    ['animation.gif', 'image/gif', text('GIF89a'), undefined],
  ])('%s (%s) is %s', (name, type, bytes, format) => {
    expect(formatOf({ name, type }, bytes)).toBe(format);
  });
});

describe('readDocument', () => {
  it('reads a PDF page by page', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (const line of ['First page text.', 'Second page text.']) pdf.addPage([300, 300]).drawText(line, { x: 20, y: 200, size: 12, font });
    const { pages, progress } = await read('two.pdf', new Uint8Array(await pdf.save()), 'application/pdf');
    expect(pages.map((page) => [page.page, page.text])).toEqual([
      [1, 'First page text.'],
      [2, 'Second page text.'],
    ]);
    expect(pages[0].layout?.runs.length).toBeGreaterThan(0);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('reads a UTF-16 text file as one page', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Array.from('Hi ü', (c) => [c.charCodeAt(0), 0]).flat()]);
    expect(await read('notes.txt', bytes, 'text/plain')).toEqual({ pages: [{ page: 1, text: 'Hi ü' }], progress: [[1, 1]] });
  });

  it('reads Markdown, HTML and Word with their headings', async () => {
    expect((await read('a.md', text('# Title\n\nBody.'))).pages).toEqual([{ page: 1, text: 'Title\n\nBody.', headings: [{ start: 0, end: 5, level: 1 }] }]);
    expect((await read('a.html', text('<h2>Title</h2><p>Body.</p>'), 'text/html')).pages).toEqual([
      { page: 1, text: 'Title\n\nBody.', headings: [{ start: 0, end: 5, level: 2 }] },
    ]);
    const docx = makeDocx([{ text: 'Title', style: 'Heading1' }, { text: 'Body.' }]);
    expect((await read('a.docx', docx)).pages).toEqual([{ page: 1, text: 'Title\n\nBody.', headings: [{ start: 0, end: 5, level: 1 }] }]);
  });

  it('names the supported types for a file it cannot read', async () => {
    const attempt = read('animation.gif', text('GIF89a'), 'image/gif');
    await expect(attempt).rejects.toThrow(UnreadableFileError);
    await expect(attempt).rejects.toThrow(
      'Files of this type are not supported (image/gif). Docent reads PDF, Word (.docx), HTML, Markdown and plain text files, and images of pages (PNG, JPEG).',
    );
    await expect(read('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).rejects.toThrow(/Save it as \.docx, PDF or text first/);
  });

  it('fails with a reason for a damaged Word file', async () => {
    await expect(read('notes.docx', text('PK\u0003\u0004 not supported yet'), 'application/octet-stream')).rejects.toThrow(
      /This file is damaged or is not a Word document/,
    );
  });
});

describe('readDocument with OCR', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const line = (y: number, ...words: string[]) => ({
    box: { x0: 10, y0: y, x1: 10 + 60 * words.length, y1: y + 24 },
    words: words.map((word, i) => ({ text: word, confidence: 91, box: { x0: 10 + 60 * i, y0: y, x1: 60 + 60 * i, y1: y + 24 } })),
  });
  const reader = (read: OcrReader['read']): OcrReader => ({ read, close: async () => {} });

  it('reads an image file as one page of OCR text, with its layout in the image', async () => {
    const ocr = reader(async () => ({ width: 400, height: 300, lines: [line(20, 'Saffron', 'from', 'Valencia.'), line(60, 'Top', 'shelf.')] }));
    const result = await readDocument(file('jar.png', png).file, png, () => {}, undefined, { reader: ocr });
    expect(result.format).toBe('image');
    expect(result.pages[0].text).toBe('Saffron from Valencia.\nTop shelf.');
    expect(result.pages[0].layout?.viewBox).toEqual([0, 0, 400, 300]);
    expect(result.ocr).toEqual({ pages: [1], lowConfidence: [], failed: [] });
  });

  it('marks an image read with low confidence', async () => {
    const unsure = line(20, 'S4ffr0n');
    unsure.words[0].confidence = 31;
    const result = await readDocument(file('jar.png', png).file, png, () => {}, undefined, { reader: reader(async () => ({ width: 400, height: 300, lines: [unsure] })) });
    expect(result.ocr?.lowConfidence).toEqual([1]);
  });

  it('fails an image the engine cannot read with why, and passes cancelling on', async () => {
    const failing = reader(async () => {
      throw new OcrPageError('Reading it with OCR took more than 120 seconds.');
    });
    await expect(readDocument(file('jar.png', png).file, png, () => {}, undefined, { reader: failing })).rejects.toThrow(
      new UnreadableFileError('This image could not be read with OCR. Reading it with OCR took more than 120 seconds.'),
    );
    const cancelled = reader(async () => {
      throw new OcrCancelled();
    });
    await expect(readDocument(file('jar.png', png).file, png, () => {}, undefined, { reader: cancelled })).rejects.toThrow(OcrCancelled);
  });

  it('leaves a PDF whose pages all have text to its text layer', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage([300, 300]).drawText('Typed text', { x: 20, y: 250, size: 12, font });
    const bytes = await pdf.save();
    const untouched = reader(async () => {
      throw new Error('OCR was asked to read a page with text.');
    });
    const result = await readDocument(file('typed.pdf', bytes).file, bytes, () => {}, undefined, { reader: untouched });
    expect(result.pages[0].text).toBe('Typed text');
    expect(result.ocr).toBeUndefined();
  });
});
