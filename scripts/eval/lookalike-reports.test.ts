import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocqa, parseJsonl } from './datasets.mjs';
import { FACT_NAMES, makeLookalikeReports, planSet } from './make-lookalike-reports.mjs';

const normal = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'docent-lookalike-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const digest = (dir: string) => {
  const hash = createHash('sha256');
  for (const name of readdirSync(join(dir, 'pdf')).sort()) hash.update(name).update(readFileSync(join(dir, 'pdf', name)));
  return hash.update(readFileSync(join(dir, 'qa.jsonl'))).digest('hex');
};

describe('make-lookalike-reports: a tiny set (2 companies x 2 years, short reports)', () => {
  const tiny = { companies: 2, years: [2017, 2018], short: true };

  it('writes the same bytes for the same arguments, and other bytes for another seed', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    await makeLookalikeReports({ out: a, ...tiny });
    await makeLookalikeReports({ out: b, ...tiny });
    await makeLookalikeReports({ out: c, ...tiny, seed: 7 });
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
  });

  it('writes a document-QA folder the eval reads, with a gold page per question that holds its answer', async () => {
    const out = tempDir();
    const { documents, questions, summary } = await makeLookalikeReports({ out, ...tiny });
    expect(summary.documents).toBe(4);
    expect(readdirSync(join(out, 'pdf'))).toHaveLength(4);
    expect(questions).toHaveLength(4 * FACT_NAMES.length);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);

    const rows = parseJsonl(readFileSync(join(out, 'qa.jsonl'), 'utf8'), 'qa.jsonl');
    expect(rows).toEqual(questions);
    const set = loadDocqa(out);
    expect(set.files).toHaveLength(4);
    expect(set.questions).toHaveLength(rows.length);
    expect(set.questions.every((question: { page?: number }) => Number.isInteger(question.page))).toBe(true);

    for (const row of rows) {
      const doc = documents.find((each) => each.pdf === row.pdf)!;
      expect(doc.doc_id).toBe(row.doc_id);
      expect(row.question).toContain(row.company);
      expect(row.question).toContain(String(row.fiscal_year));
      expect(row.page).toBeGreaterThanOrEqual(1);
      expect(row.page).toBeLessThanOrEqual(doc.pages);
      // The answer is drawn on its gold page and on no other page of its report.
      const pagesWithAnswer = doc.lines.flatMap((page, i) => (normal(page.body.join(' ')).includes(normal(row.answer)) ? [i + 1] : []));
      expect(pagesWithAnswer, `${row.id}: ${row.answer}`).toEqual([row.page]);
    }

    for (const doc of documents) {
      const pdf = await PDFDocument.load(readFileSync(join(out, doc.pdf)), { updateMetadata: false });
      expect(pdf.getPageCount()).toBe(doc.pages);
      if (doc.metadata.kind === 'full') {
        expect(pdf.getTitle()).toBe(doc.metadata.title);
        expect(pdf.getAuthor()).toBe(doc.company);
        expect(pdf.getSubject()).toBe(`Form 10-K fiscal year ${doc.fiscal_year}`);
      }
      if (doc.metadata.kind === 'none') expect(pdf.getTitle()).toBeUndefined();
      // The title page names company and year; every other page has the same running header and a numbered footer.
      expect(doc.lines[0].furniture).toEqual([]);
      expect(doc.lines[0].body.join(' ')).toContain(doc.company.toUpperCase());
      expect(doc.lines[0].body.join(' ')).toContain(String(doc.fiscal_year));
      for (const [i, page] of doc.lines.entries()) {
        if (i === 0) continue;
        expect(page.furniture[0]).toBe(doc.header);
        expect(page.furniture[1]).toContain(String(i + 1));
      }
      expect(doc.header).toContain(String(doc.fiscal_year));
    }
  });
});

describe('make-lookalike-reports: the default set, planned without writing', () => {
  const { reports, questions } = planSet();

  it('has 56 look-alike reports of 15 to 25 pages and 300 to 600 questions', () => {
    expect(reports).toHaveLength(56);
    const pages = reports.map((report) => report.plan.pages.length);
    expect(Math.min(...pages)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...pages)).toBeLessThanOrEqual(25);
    expect(pages.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(1000);
    expect(questions.length).toBeGreaterThanOrEqual(300);
    expect(questions.length).toBeLessThanOrEqual(600);
    expect(new Set(questions.map((question) => question.id)).size).toBe(questions.length);
  });

  it('mixes informative and uninformative file names, and most fact sentences name neither company nor year', () => {
    const informative = reports.filter((report) => report.fileKind === 'informative').length / reports.length;
    expect(informative).toBeGreaterThan(0.3);
    expect(informative).toBeLessThan(0.7);
    expect(reports.some((report) => report.fileKind === 'uninformative')).toBe(true);
    expect(new Set(reports.map((report) => report.file)).size).toBe(reports.length);
    const named = reports.filter((report) => report.plan.named);
    expect(named.length / reports.length).toBeLessThan(0.35);
    for (const question of questions.filter((each) => !each.named_in_sentence)) {
      const report = reports.find((each) => each.docId === question.doc_id)!;
      const page = report.plan.pages[question.page - 1];
      expect(page.blocks.map((block) => block.text).join(' '), question.id).not.toContain(report.company.name);
    }
  });

  it('gives each money answer to one report only', () => {
    const money = questions.filter((question) => question.answer.endsWith(' million'));
    expect(new Set(money.map((question) => question.answer)).size).toBe(money.length);
  });
});
