import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DocentPage } from '../../e2e/support/docent-page';
import { makeScannedPdf, renderScans, type ScanSpec } from '../../e2e/support/make-scan';
import { descendantsMemory, samplePeakMemory } from '../lib/process-memory.mjs';
import { characterErrorRate } from './character-error-rate';

// Character error rate of Docent's OCR on generated scans of known text (several fonts and sizes, two columns, a
// table, noise and a 2° skew, at 300 dpi), seconds per page and the browser's peak memory; then what it reads on the
// image-only PDFs of ../shared/corpus/pdfs. Figures go to the console and to DOCENT_OCR_REPORT (default
// test-results/ocr-accuracy/report.json). Each generated page is a PDF of its own: pages of the same prose in one file
// would share lines, which the cleaner removes as running headers.

const PROSE = [
  'The harbour commission met on the fourth of November to review the state of the north pier. The engineer reported that forty-two of the oak piles had rotted below the waterline and that the decking over the third bay had sagged by nine centimetres since the spring survey.',
  'After a long discussion, the commission agreed to order four hundred barrels of tar, sixty tonnes of granite setts and a steam pile driver from the works at Dunmore. The treasurer warned that the cost, estimated at 18,750 pounds, would exceed the year\'s budget by a third.',
  'Mrs. Agnes Whitlock, speaking for the fishermen\'s association, asked that the work be finished before the herring season opens in June, since the boats would otherwise have to land their catch at Kilbride, twelve miles along the coast.',
  'The chairman replied that the contractor had promised completion by the end of May, weather permitting, and that a penalty of 50 pounds a week would apply to any delay. The minutes were signed and the meeting closed at half past nine.',
];

const TABLE = [
  ['Item', 'Quantity', 'Unit cost', 'Total'],
  ['Tar (barrels)', '400', '3.15', '1,260.00'],
  ['Granite setts (t)', '60', '41.50', '2,490.00'],
  ['Oak piles', '42', '96.00', '4,032.00'],
  ['Pile driver hire', '1', '1,150.00', '1,150.00'],
];

const CASES: { name: string; group: 'clean' | 'noisy'; spec: ScanSpec }[] = [
  { name: 'serif 12 pt', group: 'clean', spec: { paragraphs: PROSE, font: 'serif', size: 12 } },
  { name: 'sans-serif 10 pt', group: 'clean', spec: { paragraphs: PROSE, font: 'sans-serif', size: 10 } },
  { name: 'monospace 11 pt', group: 'clean', spec: { paragraphs: PROSE, font: 'monospace', size: 11 } },
  { name: 'serif 16 pt', group: 'clean', spec: { paragraphs: PROSE.slice(0, 3), font: 'serif', size: 16 } },
  { name: 'two columns, sans-serif 10 pt', group: 'clean', spec: { paragraphs: PROSE, font: 'sans-serif', size: 10, columns: 2 } },
  { name: 'table below text, sans-serif 11 pt', group: 'clean', spec: { paragraphs: PROSE.slice(0, 1), font: 'sans-serif', size: 11, table: TABLE } },
  { name: 'noise, serif 12 pt', group: 'noisy', spec: { paragraphs: PROSE, font: 'serif', size: 12, noise: 400 } },
  { name: '2° skew, serif 12 pt', group: 'noisy', spec: { paragraphs: PROSE, font: 'serif', size: 12, skew: 2 } },
  { name: 'noise and 2° skew, sans-serif 11 pt', group: 'noisy', spec: { paragraphs: PROSE, font: 'sans-serif', size: 11, noise: 400, skew: 2 } },
];

const CORPUS = join(process.cwd(), '../shared/corpus/pdfs');
/** The corpus's PDFs that hold images only (see e2e/corpus/corpus.ts), with the password of the encrypted one. */
const IMAGE_ONLY = [
  { file: 'pdfjs/files/issue3371.pdf', password: 'ELXRTQWS' },
  { file: 'pdfjs/files/bug1743245.pdf' },
  { file: 'pypdf-samples/007-imagemagick-images/imagemagick-ASCII85Decode.pdf' },
  { file: 'pypdf-samples/007-imagemagick-images/imagemagick-images.pdf' },
  { file: 'pypdf-samples/007-imagemagick-images/imagemagick-CCITTFaxDecode.pdf' },
  { file: 'pypdf-samples/007-imagemagick-images/imagemagick-lzw.pdf' },
  { file: 'pypdf-samples/019-grayscale-image/grayscale-image.pdf' },
];

async function storedText(page: Page, name: string): Promise<{ page: number; text: string }[]> {
  return page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('docent');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const documents = await read<{ id: string; name: string }>('documents');
    const id = documents.find((document) => document.name === wanted)?.id;
    const pages = (await read<{ docId: string; page: number; text: string }>('pages')).filter((stored) => stored.docId === id);
    db.close();
    return pages.map(({ page: number, text }) => ({ page: number, text })).sort((a, b) => a.page - b.page);
  }, name);
}

/** Seconds and pixels of every page read with OCR since the page loaded (the library worker's measures). */
async function ocrMeasures(page: Page): Promise<{ seconds: number; pixels: number }[]> {
  const engine = page.workers().find((worker) => worker.url().includes('engine.worker'));
  if (!engine) throw new Error('The library worker is not running.');
  return engine.evaluate(() =>
    performance.getEntriesByName('docent:ocr-page').map((entry) => ({ seconds: entry.duration / 1000, pixels: ((entry as PerformanceMeasure).detail as { pixels: number }).pixels })),
  );
}

const percent = (value: number) => `${(value * 100).toFixed(2)} %`;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

test('OCR accuracy and speed', async ({ page }) => {
  await page.goto('about:blank');
  const scans = await renderScans(page, CASES.map((c) => ({ dpi: 300, ...c.spec })));
  const docent = new DocentPage(page);
  await docent.open();
  const baseline = descendantsMemory();
  const stop = samplePeakMemory();
  const rows: { name: string; group: string; cer: number; seconds: number; pixels: number }[] = [];
  for (const [index, scan] of scans.entries()) {
    const name = `scan-${index + 1}.pdf`;
    await docent.addFiles([{ name, mimeType: 'application/pdf', buffer: await makeScannedPdf([scan.png]) }]);
    await expect(docent.document(name)).toHaveAccessibleName(/Ready|Failed/);
    const [stored] = await storedText(page, name);
    const [measure] = (await ocrMeasures(page)).slice(-1);
    rows.push({ name: CASES[index].name, group: CASES[index].group, cer: characterErrorRate(scan.text, stored?.text ?? ''), ...measure });
    console.log(`${CASES[index].name}: CER ${percent(rows.at(-1)!.cer)}, ${measure.seconds.toFixed(1)} s`);
    if (process.env.DOCENT_OCR_TEXTS) {
      mkdirSync(process.env.DOCENT_OCR_TEXTS, { recursive: true });
      writeFileSync(join(process.env.DOCENT_OCR_TEXTS, `${name}.txt`), `=== truth\n${scan.text}\n=== read\n${stored?.text ?? ''}\n`);
    }
  }
  const peak = stop();

  const corpus: { file: string; state: string; characters: number; text: string }[] = [];
  if (existsSync(CORPUS)) {
    for (const { file, password } of IMAGE_ONLY) {
      const name = file.split('/').pop()!;
      await docent.addFiles([{ name, mimeType: 'application/pdf', buffer: readFileSync(join(CORPUS, file)) }]);
      const item = docent.document(name);
      await expect(item).toHaveAccessibleName(/Ready|Failed|Needs its password/);
      if (password && /Needs its password/.test((await item.textContent()) ?? '')) {
        await item.getByLabel(`Password for ${name}`, { exact: true }).fill(password);
        await item.getByRole('button', { name: 'Open' }).click();
        await expect(item).toHaveAccessibleName(/Ready|Failed/);
      }
      const pages = await storedText(page, name);
      const text = pages.map((stored) => `--- page ${stored.page}\n${stored.text}`).join('\n');
      corpus.push({ file, state: (await item.textContent()) ?? '', characters: pages.reduce((sum, stored) => sum + stored.text.trim().length, 0), text });
    }
  }

  const groups = (['clean', 'noisy'] as const).map((group) => ({ group, cer: mean(rows.filter((row) => row.group === group).map((row) => row.cer)) }));
  const report = { rows, groups, secondsPerPage: mean(rows.map((row) => row.seconds)), peakBytes: peak, baselineBytes: baseline, corpus };
  console.log('\n| page (300 dpi, A4) | CER | seconds |\n|---|---|---|');
  for (const row of rows) console.log(`| ${row.name} | ${percent(row.cer)} | ${row.seconds.toFixed(1)} |`);
  for (const { group, cer } of groups) console.log(`mean CER, ${group}: ${percent(cer)}`);
  console.log(`seconds per page (drawn at 300 dpi and read): ${report.secondsPerPage.toFixed(1)}; browser memory ${(baseline / 2 ** 20).toFixed(0)} MiB before, peak ${(peak / 2 ** 20).toFixed(0)} MiB`);
  for (const entry of corpus) console.log(`\n${entry.file}: ${entry.state}\n${entry.text.slice(0, 600)}`);
  const out = process.env.DOCENT_OCR_REPORT ?? 'test-results/ocr-accuracy/report.json';
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2));
});
