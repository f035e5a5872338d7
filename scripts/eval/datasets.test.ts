import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDocqaFiles, loadBeir, parseQrels, selectBeir, selectDocqa } from './datasets.mjs';

describe('BEIR folders', () => {
  it('reads qrels with or without a header, graded', () => {
    const qrels = parseQrels('query-id\tcorpus-id\tscore\n1\td1\t2\n1\td2\t0\n3\td9\t1\n');
    expect([...qrels.keys()]).toEqual(['1', '3']);
    expect([...qrels.get('1')!]).toEqual([
      ['d1', 2],
      ['d2', 0],
    ]);
  });

  const corpus = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ _id: id, title: `T${id}`, text: `text ${id}` }));
  const queries = [
    { _id: 'q1', text: 'one' },
    { _id: 'q2', text: 'two' },
    { _id: 'q3', text: 'three' },
  ];
  const qrels = parseQrels('q2\td\t1\nq1\te\t1\nq1\tb\t0\nq9\ta\t1\n');

  it('scores only the judged queries it has, in qrels order', () => {
    const set = selectBeir({ corpus, queries, qrels });
    expect(set.queries.map((query) => query.id)).toEqual(['q2', 'q1']);
    expect(set.missingQueries).toBe(1);
    expect(set.documents).toHaveLength(5);
  });

  it('keeps the relevant documents of the chosen queries when limiting documents', () => {
    const set = selectBeir({ corpus, queries, qrels }, { limitQueries: 1, limitDocs: 3 });
    expect(set.queries.map((query) => query.id)).toEqual(['q2']);
    expect(set.documents.map((doc) => doc.id)).toEqual(['d', 'a', 'b']);
    expect(set.qrels).toEqual([['q2', [['d', 1]]]]);
  });

  it('loads a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docent-beir-'));
    mkdirSync(join(dir, 'qrels'));
    writeFileSync(join(dir, 'corpus.jsonl'), corpus.map((doc) => JSON.stringify(doc)).join('\n'));
    writeFileSync(join(dir, 'queries.jsonl'), `${queries.map((query) => JSON.stringify(query)).join('\n')}\n`);
    writeFileSync(join(dir, 'qrels/test.tsv'), 'query-id\tcorpus-id\tscore\nq3\tc\t1\n');
    const set = loadBeir(dir);
    expect(set.corpusSize).toBe(5);
    expect(set.queries).toEqual([{ id: 'q3', text: 'three' }]);
    expect(() => loadBeir(join(dir, 'qrels'))).toThrow(/not a BEIR folder/);
  });
});

describe('document-QA folders', () => {
  it('lists the files under pdf/ and docs/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docent-docqa-'));
    mkdirSync(join(dir, 'pdf'));
    mkdirSync(join(dir, 'docs/more'), { recursive: true });
    mkdirSync(join(dir, 'other'));
    for (const file of ['pdf/b.pdf', 'pdf/a.pdf', 'docs/more/c.md', 'other/x.txt']) writeFileSync(join(dir, file), 'x');
    expect(listDocqaFiles(dir)).toEqual(['docs/more/c.md', 'pdf/a.pdf', 'pdf/b.pdf']);
  });

  it('skips unusable and incomplete rows and those whose gold file is not read', () => {
    const rows = [
      { question: 'Q1?', answer: 'yes', pdf: 'pdf/a.pdf' },
      { question: 'Q2?', answer: 'x', pdf: 'pdf/a.pdf', usable: false },
      { question: 'Q3?', pdf: 'pdf/a.pdf' },
      { question: 'Q4?', answer: 1863, pdf: './pdf/b.pdf' },
      { question: 'Q5?', answer: 'z', pdf: 'pdf/missing.pdf' },
    ];
    const all = selectDocqa({ files: ['pdf/a.pdf', 'pdf/b.pdf'], rows });
    expect(all.questions).toEqual([
      { question: 'Q1?', answer: 'yes', gold: 'pdf/a.pdf' },
      { question: 'Q4?', answer: '1863', gold: 'pdf/b.pdf' },
    ]);
    expect(all.counts).toEqual({ rows: 5, unusable: 1, incomplete: 1, goldNotRead: 1 });
    const limited = selectDocqa({ files: ['pdf/a.pdf', 'pdf/b.pdf'], rows }, { limitDocs: 1 });
    expect(limited.files).toEqual(['pdf/a.pdf']);
    expect(limited.questions.map((question) => question.question)).toEqual(['Q1?']);
    expect(selectDocqa({ files: ['pdf/a.pdf', 'pdf/b.pdf'], rows }, { limitQueries: 1 }).questions).toHaveLength(1);
  });

  it("keeps a row's gold page when it is a page number", () => {
    const rows = [
      { question: 'Q1?', answer: '$412 million', pdf: 'pdf/a.pdf', page: 7 },
      { question: 'Q2?', answer: 'x', pdf: 'pdf/a.pdf', page: 0 },
      { question: 'Q3?', answer: 'y', pdf: 'pdf/a.pdf', page: '3' },
    ];
    expect(selectDocqa({ files: ['pdf/a.pdf'], rows }).questions).toEqual([
      { question: 'Q1?', answer: '$412 million', gold: 'pdf/a.pdf', page: 7 },
      { question: 'Q2?', answer: 'x', gold: 'pdf/a.pdf' },
      { question: 'Q3?', answer: 'y', gold: 'pdf/a.pdf' },
    ]);
  });
});
