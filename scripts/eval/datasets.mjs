// Reading evaluation folders in Node for `npm run eval`: BEIR folders and document-QA folders. The selection
// functions are pure (unit-tested); the page gets the chosen documents and questions, never the whole folder.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The rows of a JSON Lines file (blank lines skipped); a bad line names its file and line. */
export function parseJsonl(text, name = 'JSONL') {
  const rows = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    try {
      rows.push(JSON.parse(line));
    } catch (error) {
      throw new Error(`${name}, line ${index + 1}: ${error.message}`, { cause: error });
    }
  });
  return rows;
}

/**
 * BEIR qrels (query-id, corpus-id, score; tab separated, with or without the header line): query id -> (document id
 * -> grade), in the file's order.
 */
export function parseQrels(text) {
  const qrels = new Map();
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\t|\s+/);
    if (fields.length < 3 || !/^-?\d+(\.\d+)?$/.test(fields[2])) continue; // the header, blank lines
    const [query, doc, grade] = fields;
    if (!qrels.has(query)) qrels.set(query, new Map());
    qrels.get(query).set(doc, Number(grade));
  }
  return qrels;
}

/**
 * The part of a BEIR set that is evaluated. Queries: those the qrels judge and queries.jsonl has, in qrels order, the
 * first `limitQueries`. Documents: the whole corpus, or with `limitDocs` the relevant documents of the chosen
 * queries first, then the corpus in its order up to `limitDocs` in all (more when the relevant ones alone are more).
 */
export function selectBeir({ corpus, queries, qrels }, { limitQueries, limitDocs } = {}) {
  const queryText = new Map(queries.map((query) => [String(query._id), query.text ?? '']));
  const judged = [...qrels.keys()];
  let scored = judged.filter((id) => queryText.has(id));
  const missingQueries = judged.length - scored.length;
  if (limitQueries !== undefined) scored = scored.slice(0, limitQueries);

  let documents = corpus;
  if (limitDocs !== undefined) {
    const relevant = new Set(scored.flatMap((id) => [...qrels.get(id)].filter(([, grade]) => grade > 0).map(([doc]) => doc)));
    const chosen = corpus.filter((doc) => relevant.has(String(doc._id)));
    for (const doc of corpus) {
      if (chosen.length >= limitDocs) break;
      if (!relevant.has(String(doc._id))) chosen.push(doc);
    }
    documents = chosen;
  }
  return {
    documents: documents.map((doc) => ({ id: String(doc._id), title: doc.title ?? '', text: doc.text ?? '' })),
    queries: scored.map((id) => ({ id, text: queryText.get(id) })),
    qrels: scored.map((id) => [id, [...qrels.get(id)]]),
    missingQueries,
  };
}

/** Reads a BEIR folder: corpus.jsonl, queries.jsonl, qrels/<split>.tsv. */
export function loadBeir(dir, { split = 'test', ...limits } = {}) {
  const need = ['corpus.jsonl', 'queries.jsonl', `qrels/${split}.tsv`];
  const missing = need.filter((file) => !existsSync(join(dir, file)));
  if (missing.length) throw new Error(`${dir} is not a BEIR folder: ${missing.join(', ')} missing`);
  const read = (file) => readFileSync(join(dir, file), 'utf8');
  const corpus = parseJsonl(read('corpus.jsonl'), 'corpus.jsonl');
  return {
    corpusSize: corpus.length,
    ...selectBeir({ corpus, queries: parseJsonl(read('queries.jsonl'), 'queries.jsonl'), qrels: parseQrels(read(`qrels/${split}.tsv`)) }, limits),
  };
}

/** Paths (relative to `dir`, with /) of every file under its pdf/ and docs/ folders, sorted. */
export function listDocqaFiles(dir) {
  const files = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  for (const top of ['pdf', 'docs']) if (existsSync(join(dir, top))) walk(join(dir, top));
  return files.sort();
}

const normalPath = (path) => String(path).replace(/\\/g, '/').replace(/^\.\//, '');

/**
 * The questions of a document-QA set that are evaluated: rows with `question`, `answer` and `pdf` (the gold file's
 * path inside the folder) that are not `usable: false`, whose gold file is among the files read. With `limitDocs`,
 * the first files (sorted); with `limitQueries`, the first questions left. A row's `page` (a whole number from 1: the
 * page of the gold file that holds the answer) goes with its question; any other `page` is ignored.
 */
export function selectDocqa({ files, rows }, { limitQueries, limitDocs } = {}) {
  const chosen = limitDocs === undefined ? files : files.slice(0, limitDocs);
  const present = new Set(chosen);
  const counts = { rows: rows.length, unusable: 0, incomplete: 0, goldNotRead: 0 };
  const questions = [];
  for (const row of rows) {
    if (row.usable === false) counts.unusable++;
    else if (typeof row.question !== 'string' || row.answer === undefined || row.answer === null || !row.pdf) counts.incomplete++;
    else if (!present.has(normalPath(row.pdf))) counts.goldNotRead++;
    else {
      const page = Number.isInteger(row.page) && row.page >= 1 ? { page: row.page } : {};
      questions.push({ question: row.question, answer: String(row.answer), gold: normalPath(row.pdf), ...page });
    }
  }
  return { files: chosen, questions: limitQueries === undefined ? questions : questions.slice(0, limitQueries), counts };
}

/** Reads a document-QA folder: the files under pdf/ and docs/, and qa.jsonl. */
export function loadDocqa(dir, limits = {}) {
  if (!existsSync(join(dir, 'qa.jsonl'))) throw new Error(`${dir} is not a document-QA folder: qa.jsonl missing`);
  const files = listDocqaFiles(dir);
  if (files.length === 0) throw new Error(`${dir} has no files under pdf/ or docs/`);
  return selectDocqa({ files, rows: parseJsonl(readFileSync(join(dir, 'qa.jsonl'), 'utf8'), 'qa.jsonl') }, limits);
}
