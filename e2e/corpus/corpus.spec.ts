import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DocentPage } from '../support/docent-page';
import { makePdf } from '../support/make-pdf';
import { CORPUS_ROOT, corpusPresent, countMatches, holdsExpected, KNOWN_DIFFERENCES, loadCorpus, sampleWordsFound, type CorpusFile, type Outcome } from './corpus';
import { saveBatch, type BatchRecord, type FileRecord } from './report';

// Every PDF of the shared corpus through the real pipeline: the production build, its workers, pdf.js, ONNX Runtime
// with the generated test models, IndexedDB. Each batch runs in a fresh browser context (a fresh, small library);
// within a batch files are added one at a time, as the library ingests them one at a time anyway, so each file's time
// is its own. The report is written by report-teardown.ts from the batch records.

// Without ../shared the suite says so and passes: the project's own tests must pass without it.
if (!corpusPresent()) test.skip(`the PDF corpus is absent (${CORPUS_ROOT}; see ../shared/README.md)`, () => {});

/** Files per page load. */
const BATCH_SIZE = 12;
/** Longer than the reader's own bound (2 minutes, pdf-text.ts) plus embedding: past this the library is stuck. */
const SETTLE_MS = 150_000;

const corpus = corpusPresent() ? loadCorpus() : { files: [], absent: [] };
const batches: CorpusFile[][] = [];
for (let i = 0; i < corpus.files.length; i += BATCH_SIZE) batches.push(corpus.files.slice(i, i + BATCH_SIZE));

/** A generated PDF whose second page answers HEALTH_QUESTION in words no corpus file uses together. */
const HEALTH_PAGES = [
  'Quarterly log of the Veridian Orrery Society. Meetings are held in the east tower.',
  'The brass orrery of the Veridian Orrery Society is kept by quartermaster Zephyrine Okonkwo, who winds it every Thursday.',
];
const HEALTH_QUESTION = 'Who keeps the brass orrery of the Veridian Orrery Society?';
const HEALTH_FILE = 'after-the-batch.pdf';

/**
 * The library's words for a file once it has an outcome (no longer indexing), or undefined when it has none within
 * `timeout`. After a password was submitted, `previous` is the state it was submitted in: the outcome is a new
 * state, or the same words on a new password form (a wrong password again). Items are found as the accessibility
 * tree names them: by their aria-labelledby.
 */
async function settledState(page: Page, name: string, previous?: string, timeout = SETTLE_MS): Promise<string | undefined> {
  try {
    const handle = await page.waitForFunction(
      ([wanted, before, submitted]) => {
        for (const item of document.querySelectorAll('[aria-label="Documents"] > li')) {
          const [nameId, stateId] = (item.getAttribute('aria-labelledby') ?? '').split(' ');
          if (document.getElementById(nameId)?.textContent !== wanted) continue;
          const state = document.getElementById(stateId)?.textContent ?? '';
          if (state.startsWith('Indexing')) return false;
          if (before !== null && state === before && item.querySelector(`[${submitted}]`)) return false;
          return state;
        }
        return false;
      },
      [name, previous ?? null, SUBMITTED] as const,
      { timeout, polling: 100 },
    );
    return (await handle.jsonValue()) as string;
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return undefined;
    throw error;
  }
}

/** Marks the password field a password was submitted from: the library replaces the form when it has read again. */
const SUBMITTED = 'data-corpus-submitted';

async function submitPassword(page: Page, docent: DocentPage, name: string, password: string, state: string): Promise<string | undefined> {
  const field = docent.document(name).getByLabel(`Password for ${name}`, { exact: true });
  await field.fill(password);
  await field.evaluate((element, attribute) => element.setAttribute(attribute, ''), SUBMITTED);
  await docent.document(name).getByRole('button', { name: 'Open' }).click();
  return settledState(page, name, state);
}

function outcomeOf(state: string | undefined): Outcome {
  if (state === undefined) return 'timed-out';
  // A document some of whose pages were images of text, read with OCR: its own class, not "ready" and not "no text".
  if (state.startsWith('Ready')) return /read by OCR/i.test(state) ? 'ocr' : 'ready';
  if (state.startsWith('Needs its password')) return 'needs-password';
  if (state.startsWith('Failed: No text was found in this PDF')) return 'no-text';
  return 'failed';
}

/** Each page's cleaned text as the library worker stored it (IndexedDB 'docent', store 'pages'). */
async function storedPages(page: Page, docId: string): Promise<{ page: number; text: string }[]> {
  return page.evaluate(async (id) => {
    // Opening a database that does not exist would create it empty, at version 1, under the worker's feet.
    if (!(await indexedDB.databases()).some((database) => database.name === 'docent')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('docent');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const rows = await new Promise<{ page: number; text: string }[]>((resolve, reject) => {
        const request = db.transaction('pages').objectStore('pages').index('by-doc').getAll(id);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      return rows.map(({ page: number, text }) => ({ page: number, text })).sort((a, b) => a.page - b.page);
    } finally {
      db.close();
    }
  }, docId);
}

async function ingest(page: Page, docent: DocentPage, file: CorpusFile): Promise<FileRecord> {
  const mismatches: string[] = [];
  const buffer = readFileSync(file.path);
  let started = Date.now();
  await docent.addFiles([{ name: file.name, mimeType: 'application/pdf', buffer }]);
  let state = await settledState(page, file.name);
  let ms = Date.now() - started;
  let opened = false;
  if (file.password !== undefined) {
    if (outcomeOf(state) !== 'needs-password') {
      mismatches.push(`expected to ask for its password, got "${state ?? 'no outcome'}"`);
    } else {
      // A wrong password first: it must say so and ask again.
      const wrong = await submitPassword(page, docent, file.name, 'not-the-password', state!);
      if (!wrong?.includes('that one is not right')) mismatches.push(`a wrong password gave "${wrong ?? 'no outcome'}"`);
      started = Date.now();
      state = wrong && (await submitPassword(page, docent, file.name, file.password, wrong));
      ms += Date.now() - started;
      opened = true;
    }
  }

  const outcome = outcomeOf(state);
  const fine = file.expected === 'broken' ? ['ready', 'ocr', 'failed', 'no-text'].includes(outcome) : outcome === file.expected;
  if (!fine) mismatches.push(`expected ${file.expected === 'broken' ? 'ready or a clean failure' : file.expected}, got ${outcome}: "${state ?? ''}"`);
  // A clean failure says why; the library's catch-all is for errors the reader did not explain.
  if (state?.startsWith('Failed: This file could not be indexed')) mismatches.push(`failed with an unexplained error: "${state}"`);

  const record: FileRecord = {
    file: file.file,
    name: file.name,
    category: file.category,
    subcategory: file.subcategory,
    expected: file.expected,
    outcome,
    password: opened,
    state: state ?? 'no outcome',
    ms,
    mismatches,
    known: [],
  };
  if (outcome === 'ready' || outcome === 'ocr') await checkText(page, file, record);
  return sortOut(file, record);
}

function notTried(file: CorpusFile, why: string): FileRecord {
  const { file: path, name, category, subcategory, expected } = file;
  return { file: path, name, category, subcategory, expected, outcome: 'not-tried', password: false, state: why, ms: 0, mismatches: [why], known: [] };
}

/** Pages, stored text and the texts pdf.js's tests expect, for a file the library reports ready. */
async function checkText(page: Page, file: CorpusFile, record: FileRecord) {
  const { state, mismatches } = record;
  const [, pageCount, passages] = state.match(/^Ready: (\d+) pages?, (\d+) passages?/) ?? [];
  record.pages = Number(pageCount);
  record.passages = Number(passages);
  if (file.pages !== undefined && record.pages !== file.pages) mismatches.push(`${record.pages} pages, ${file.pagesFrom} says ${file.pages}`);

  const pages = await storedPages(page, file.docId);
  record.characters = pages.reduce((sum, stored) => sum + stored.text.length, 0);
  if (pages.length !== record.pages) mismatches.push(`${pages.length} pages stored, the library says ${record.pages}`);
  const textOf = (number: number) => pages.find((stored) => stored.page === number)?.text ?? '';
  for (const { page: number, mode, strings, source = "pdf.js's tests" } of file.texts) {
    for (const expected of strings) {
      if (!holdsExpected(textOf(number), expected, mode)) {
        mismatches.push(`page ${number} does not ${mode === 'equals' ? 'equal' : 'contain'} ${JSON.stringify(expected)} (${source}); it reads ${JSON.stringify(textOf(number).slice(0, 300))}`);
      }
    }
  }
  for (const find of file.findCounts) {
    const counts = find.matchesPerPage.map((_, i) => countMatches(textOf(i + 1), find));
    if (counts.join() !== find.matchesPerPage.join()) {
      mismatches.push(`"${find.query}"${find.caseSensitive ? ' (case-sensitive)' : ''}${find.entireWord ? ' (whole word)' : ''} found per page ${counts.join(',')}, pdf.js finds ${find.matchesPerPage.join(',')}`);
    }
  }
  if (file.popplerSample) record.sampleWords = sampleWordsFound(pages.map((stored) => stored.text).join('\n'), file.popplerSample);
  // DOCENT_CORPUS_TEXTS=<folder>: each document's stored text, page by page, to read what Docent made of it.
  const textsFolder = process.env.DOCENT_CORPUS_TEXTS;
  if (textsFolder) {
    mkdirSync(textsFolder, { recursive: true });
    writeFileSync(join(textsFolder, `${file.name}.txt`), pages.map((stored) => `=== page ${stored.page}\n${stored.text}`).join('\n'));
  }
}

/** Mismatches KNOWN_DIFFERENCES explains move to `known`; a known difference that did not occur is a mismatch. */
function sortOut(file: CorpusFile, record: FileRecord): FileRecord {
  const known = KNOWN_DIFFERENCES.filter((difference) => difference.file === file.file);
  const unexplained: string[] = [];
  for (const mismatch of record.mismatches) {
    const explained = known.find((difference) => difference.mismatch.test(mismatch));
    if (explained) record.known.push(`${mismatch} (${explained.why})`);
    else unexplained.push(mismatch);
  }
  for (const difference of known) {
    if (!record.mismatches.some((mismatch) => difference.mismatch.test(mismatch))) {
      unexplained.push(`a known difference no longer occurs; remove it from KNOWN_DIFFERENCES: ${difference.mismatch}`);
    }
  }
  record.mismatches = unexplained;
  return record;
}

batches.forEach((files, index) => {
  const batch = index + 1;
  test(`corpus batch ${batch} of ${batches.length}: ${files[0].name} … ${files.at(-1)!.name}`, async ({ page }) => {
    test.setTimeout(10 * 60_000);
    const record: BatchRecord = { batch, files: [], afterwards: { indexed: false, cited: false } };
    const crashes: string[] = [];
    page.on('crash', () => crashes.push('the page crashed'));
    page.on('worker', (worker) => {
      if (worker.url().includes('engine.worker')) worker.on('close', () => crashes.push('the library worker ended'));
    });
    const docent = new DocentPage(page);
    try {
      await docent.open();
      let stuck: string | undefined;
      for (const file of files) {
        let result: FileRecord;
        if (stuck) result = notTried(file, stuck);
        else {
          try {
            result = await ingest(page, docent, file);
          } catch (error) {
            result = notTried(file, `the suite failed on it: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
            stuck = `not tried: the suite failed on ${file.name}`;
          }
        }
        if (crashes.length) result.mismatches.push(...crashes.splice(0));
        record.files.push(result);
        expect.soft(result.mismatches, `${file.file} (${file.category}): ${result.state}`).toEqual([]);
        // A file the library is stuck on holds up every file after it: the rest of the batch would only time out.
        if (result.outcome === 'timed-out') stuck = `not tried: the library was stuck on ${file.name}`;
      }

      // No file took the worker down: a new file still indexes, and a question still gets a cited answer.
      await docent.addFiles([{ name: HEALTH_FILE, mimeType: 'application/pdf', buffer: await makePdf(HEALTH_PAGES) }]);
      const healthState = await settledState(page, HEALTH_FILE, undefined, 60_000);
      record.afterwards.indexed = /^Ready: 2 pages/.test(healthState ?? '');
      expect(healthState, 'a new file is indexed after the batch').toMatch(/^Ready: 2 pages/);
      await docent.ask(HEALTH_QUESTION);
      const citations = docent.answer.getByRole('link', { name: /, pp?\. \d/ });
      await expect(citations.first()).toBeVisible();
      const names = await citations.allTextContents();
      record.afterwards.cited = true;
      record.afterwards.detail = `cited ${names.join('; ')}`;
      expect.soft(names.some((name) => name.startsWith(`${HEALTH_FILE}, p. 2`)), `the answer cites ${HEALTH_FILE}, p. 2 (cited: ${names.join('; ')})`).toBe(true);
      expect(crashes).toEqual([]);
    } finally {
      saveBatch(record);
    }
  });
});
