import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Expected, Outcome } from './corpus';

/** What happened to one corpus file, as the report lists it. */
export interface FileRecord {
  file: string;
  name: string;
  category: string;
  subcategory?: string;
  expected: Expected;
  outcome: Outcome;
  /** Opened with its password through the library's password form. */
  password: boolean;
  /** The library's words for the outcome ("Ready: 14 pages, 61 passages", "Failed: …"). */
  state: string;
  pages?: number;
  passages?: number;
  /** Characters of cleaned text stored for the document (all pages). */
  characters?: number;
  /** From adding the file to its outcome (with its password: both reads, not the wrong-password attempt). */
  ms: number;
  /** Share of poppler's sample words found in the text (pdfjs manifest only). */
  sampleWords?: number;
  mismatches: string[];
  /** Differences from the manifests that KNOWN_DIFFERENCES explains, with the explanation. */
  known: string[];
}

export interface BatchRecord {
  batch: number;
  files: FileRecord[];
  /** The health check after the batch: a generated PDF indexed, a question answered with a citation. */
  afterwards: { indexed: boolean; cited: boolean; detail?: string };
}

/**
 * Batch records live outside test-results/ (another suite's run empties that folder when it starts): in a folder
 * the global setup makes and names in DOCENT_CORPUS_RECORDS.
 */
const recordsFolder = () => process.env.DOCENT_CORPUS_RECORDS ?? 'test-results/corpus/records';
export const REPORT_JSON = 'test-results/corpus-report.json';
export const REPORT_MD = 'test-results/corpus-report.md';

export function saveBatch(record: BatchRecord) {
  mkdirSync(recordsFolder(), { recursive: true });
  writeFileSync(join(recordsFolder(), `batch-${String(record.batch).padStart(2, '0')}.json`), JSON.stringify(record, null, 1));
}

export function loadBatches(): BatchRecord[] {
  let names: string[];
  try {
    names = readdirSync(recordsFolder()).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return names.sort().map((name) => JSON.parse(readFileSync(join(recordsFolder(), name), 'utf8')) as BatchRecord);
}

const number = (value: number | undefined) => (value === undefined ? '' : value.toLocaleString('en'));
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Writes the report (JSON and a Markdown table) and returns the summary printed at the end of the run. */
export function writeReport(batches: BatchRecord[], absent: string[]): string {
  const files = batches.flatMap((batch) => batch.files);
  const byOutcome = new Map<string, number>();
  for (const file of files) {
    const key = file.outcome === 'ready' && file.password ? 'ready (opened with its password)' : file.outcome;
    byOutcome.set(key, (byOutcome.get(key) ?? 0) + 1);
  }
  const slowest = [...files].sort((a, b) => b.ms - a.ms).slice(0, 8);
  const totals = {
    files: files.length,
    pages: files.reduce((sum, file) => sum + (file.pages ?? 0), 0),
    characters: files.reduce((sum, file) => sum + (file.characters ?? 0), 0),
    ms: files.reduce((sum, file) => sum + file.ms, 0),
  };
  const mismatches = files.flatMap((file) => file.mismatches.map((text) => `${file.file}: ${text}`));
  const known = files.flatMap((file) => file.known.map((text) => `${file.file}: ${text}`));
  const unhealthy = batches.filter((batch) => !batch.afterwards.indexed || !batch.afterwards.cited);

  const summary = [
    `Corpus: ${totals.files} files, ${number(totals.pages)} pages, ${number(totals.characters)} characters, ${number(totals.ms)} ms in all` +
      (absent.length ? ` (listed but absent: ${absent.join(', ')})` : ''),
    // "failed" is an outcome class here (a file refused with a reason), not a failed test: said so, for log readers.
    ...[...byOutcome].sort((a, b) => b[1] - a[1]).map(([outcome, count]) => `  outcome ${outcome === 'failed' ? 'refused with a reason' : outcome}: ${count} files`),
    'Slowest:',
    ...slowest.map((file) => `  ${number(file.ms)} ms  ${file.file} (${file.pages ?? 0} pages, ${file.outcome})`),
    `After each of ${batches.length} batches a new file was indexed and a question cited: ${unhealthy.length === 0 ? 'yes' : `no (batches ${unhealthy.map((b) => b.batch).join(', ')})`}`,
    ...(known.length ? [`Known differences (${known.length}):\n${known.map((text) => `  ${text}`).join('\n')}`] : []),
    mismatches.length ? `Mismatches (${mismatches.length}):\n${mismatches.map((text) => `  ${text}`).join('\n')}` : 'Mismatches: none',
  ].join('\n');

  mkdirSync(dirname(REPORT_JSON), { recursive: true });
  writeFileSync(REPORT_JSON, JSON.stringify({ totals, byOutcome: Object.fromEntries(byOutcome), absent, batches }, null, 1));
  const rows = files.map(
    (file) =>
      `| ${cell(file.file)} | ${file.category} | ${file.outcome}${file.password ? ' (password)' : ''} | ${number(file.pages)} | ${number(file.passages)} | ${number(file.characters)} | ${number(file.ms)} | ${file.sampleWords === undefined ? '' : `${Math.round(file.sampleWords * 100)}%`} | ${cell([...file.mismatches, ...file.known.map((text) => `known: ${text}`)].join('; '))} |`,
  );
  writeFileSync(
    REPORT_MD,
    [
      '# PDF corpus report',
      '',
      'Every PDF of ../shared/corpus/pdfs through the production build in Chromium (`npm run test:corpus`).',
      '"poppler words": share of the words of poppler\'s text sample (pdfjs manifest) found in the text Docent stored.',
      '',
      '```',
      summary,
      '```',
      '',
      '| file | category | outcome | pages | passages | characters | ms | poppler words | mismatches |',
      '|---|---|---|--:|--:|--:|--:|--:|---|',
      ...rows,
      '',
    ].join('\n'),
  );
  return summary;
}
