import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';
import { GlobalWorkerOptions } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAes256Pdf } from './make-aes-pdf.test-support';
import { PasswordRequiredError, readPdfPages, UnreadableFileError } from './pdf-text';

// In Node, pdf.js runs its worker in this thread, loaded from this file (the app's `?url` import is a browser path).
beforeAll(() => {
  GlobalWorkerOptions.workerSrc = pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.min.mjs')).href;
});

const BODIES = [
  ['The harbor opened in 1871 and still serves the inter-', 'national fishing fleet of the town.'],
  ['The lighthouse keeper is Ada Lindqvist; her cat', 'Marmalade sleeps on the lantern gallery.'],
  ['Mackerel quotas are set every spring by the', 'regional council in the old customs house.'],
];

/** A report as word processors lay it out: a running header, two body lines, a page number at the foot. */
async function report(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  BODIES.forEach((lines, i) => {
    const page = pdf.addPage([595, 842]);
    page.drawText('Westmere Almanac — Annual Report 2024', { x: 56, y: 800, size: 9, font });
    lines.forEach((text, row) => page.drawText(text, { x: 56, y: 700 - 16 * row, size: 12, font }));
    page.drawText(`Page ${i + 1} of ${BODIES.length}`, { x: 270, y: 40, size: 9, font });
  });
  return new Uint8Array(await pdf.save());
}

describe('readPdfPages', () => {
  it('reads clean page text: no running header or page numbers, hyphenation joined', async () => {
    const progress: [number, number][] = [];
    const { pages } = await readPdfPages(await report(), (done, total) => progress.push([done, total]));
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(pages.map((page) => page.text)).toEqual([
      'The harbor opened in 1871 and still serves the international fishing fleet of the town.',
      'The lighthouse keeper is Ada Lindqvist; her cat\nMarmalade sleeps on the lantern gallery.',
      'Mackerel quotas are set every spring by the\nregional council in the old customs house.',
    ]);
  });

  it("says what the PDF is: its metadata and the running header the pages' text lost", async () => {
    expect((await readPdfPages(await report(), () => {})).identity).toEqual({
      title: undefined,
      subject: undefined,
      author: undefined,
      runningLines: ['Westmere Almanac — Annual Report 2024'],
    });
    const titled = await PDFDocument.load(await report());
    titled.setTitle('Westmere Almanac 2024');
    titled.setSubject('Annual report');
    titled.setAuthor('Westmere Harbor Trust');
    const { identity } = await readPdfPages(new Uint8Array(await titled.save()), () => {});
    expect(identity).toMatchObject({ title: 'Westmere Almanac 2024', subject: 'Annual report', author: 'Westmere Harbor Trust' });
  });

  it('keeps the position of every piece of text for highlighting', async () => {
    const {
      pages: [first],
    } = await readPdfPages(await report(), () => {});
    expect(first.layout).toMatchObject({ width: 595, height: 842, viewBox: [0, 0, 595, 842], rotation: 0 });
    const runs = first.layout!.runs;
    expect(runs.length).toBeGreaterThan(0);
    const texts = runs.map((run) => first.text.slice(run.start, run.end));
    // "inter-" ends the first line (its hyphen gone from the text), "national" starts the second.
    expect(runs[texts.findIndex((text) => text.endsWith('inter'))]).toMatchObject({ x: 56, y: 700, height: 12 });
    expect(runs[texts.findIndex((text) => text.startsWith('national'))]).toMatchObject({ x: 56, y: 684, height: 12 });
    for (const run of runs) {
      expect(run.end).toBeGreaterThan(run.start);
      expect(run.width).toBeGreaterThan(0);
    }
  });

  it('reads the values of filled form fields, after their description, and nothing of empty or hidden ones', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    page.drawText('Membership form of the Veridian Orrery Society', { x: 56, y: 780, size: 14, font });
    const form = pdf.getForm();
    const keeper = form.createTextField('keeper');
    keeper.setText('Zephyrine  Okonkwo');
    keeper.addToPage(page, { x: 56, y: 700, width: 240, height: 20 });
    keeper.acroField.getWidgets()[0].dict.set(PDFName.of('TU'), PDFHexString.fromText('Keeper of the orrery'));
    const day = form.createDropdown('day');
    day.addOptions(['Monday', 'Thursday']);
    day.select('Thursday');
    day.addToPage(page, { x: 56, y: 660, width: 120, height: 20 });
    form.createTextField('empty').addToPage(page, { x: 56, y: 620, width: 120, height: 20 });
    const secret = form.createTextField('secret');
    secret.setText('hidden value');
    secret.addToPage(page, { x: 56, y: 580, width: 120, height: 20, hidden: true });
    const { pages } = await readPdfPages(new Uint8Array(await pdf.save()), () => {});
    expect(pages[0].text.split('\n').filter(Boolean)).toEqual(['Membership form of the Veridian Orrery Society', 'Keeper of the orrery: Zephyrine Okonkwo', 'Thursday']);
  });

  it('fails with a reason for a damaged file', async () => {
    await expect(readPdfPages(new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf\n%%EOF'), () => {})).rejects.toThrow(UnreadableFileError);
  });

  describe('passwords of AES-256 PDFs (revisions 5 and 6), which take UTF-8 of the SASLprep\'d password', () => {
    const utf8 = (text: string) => Buffer.from(text, 'utf8');
    const textOf = async (pdf: Uint8Array, password?: string) => (await readPdfPages(pdf, () => {}, password)).pages[0].text;

    it('opens revision 6 with a password SASLprep changes (pdf.js hashes it unprepared)', async () => {
      const pdf = new Uint8Array(makeAes256Pdf('Hello from revision 6.', utf8('SaSLprep'), 6));
      expect(await textOf(pdf, 'SªSL\u00ADprep')).toBe('Hello from revision 6.');
      expect(await textOf(pdf, 'SaSLprep')).toBe('Hello from revision 6.');
    });

    it('opens revision 5 with a non-ASCII password (pdf.js takes its Latin-1 bytes)', async () => {
      const pdf = new Uint8Array(makeAes256Pdf('Hello from revision 5.', utf8('pässwört'), 5));
      expect(await textOf(pdf, 'pässwört')).toBe('Hello from revision 5.');
    });

    it('still asks for the password, and says when a given one is wrong in every form', async () => {
      const pdf = new Uint8Array(makeAes256Pdf('Secret.', utf8('pässwört'), 6));
      await expect(readPdfPages(pdf, () => {})).rejects.toMatchObject({ name: 'PasswordRequiredError', wrong: false });
      const wrong = readPdfPages(pdf, () => {}, 'passwort');
      await expect(wrong).rejects.toThrow(PasswordRequiredError);
      await expect(wrong).rejects.toMatchObject({ wrong: true });
      await expect(readPdfPages(pdf, () => {}, 'pässwört!')).rejects.toMatchObject({ wrong: true });
    });
  });
});
