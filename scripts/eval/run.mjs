// `npm run eval`: retrieval quality of Docent's real pipeline (the app's readers, chunker, embedder, keyword and
// vector indexes and fusion, run in headless Chromium on a production build), on a BEIR folder or a document-QA
// folder. A measurement, not a test: it fails only when something does not run.
//
//   npm run eval -- --dataset DIR [options]   BEIR: corpus.jsonl, queries.jsonl, qrels/test.tsv -> nDCG@10, R@10, R@100
//   npm run eval -- --docqa DIR [options]     files under pdf/ or docs/, qa.jsonl -> gold document / page / answer in k chunks
//
// --embedder ID      transformers.js model id, found as the app finds it: the site's models/ folder, then the hub.
//                    Without it, keyword search only (dense and hybrid need an embedder).
// --models DIR       a local models folder (DIR/<owner>/<name>/...), served at the site's models/ path.
// --modes LIST       keyword,dense,hybrid (default all three; with an embedder and only keyword, chunks are still
//                    measured in the embedder's tokens, nothing is embedded).
// --limit-queries N  the first N scored queries.   --limit-docs N  BEIR: the relevant documents of the scored
//                    queries, then the corpus in order, N in all; document QA: the first N files.
// --json FILE        also write every figure, each query's figures and ranking, as JSON.
// --diagnose         BEIR: also score keyword-index variants (not the app) that show where keyword quality is lost.
// --first-round-only questions get the first search's passages, without the app's second hop (for a before/after).
// --reranker ID      reorders each question's 24 best candidates with this cross-encoder, found as the app finds it.
// --depth N          BEIR: chunks retrieved per query, ranked into documents by best chunk (default 1000).
// --split NAME       BEIR qrels file (default test).   --threads N  ONNX Runtime threads (default: the app's choice).
// --port N           the eval's own server (default 4340).   --skip-typecheck, --skip-build
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serveStatic } from '../bench/server.mjs';
import { launchChromium } from '../lib/headless-chromium.mjs';
import { runCommand } from '../lib/run-command.mjs';
import { writeTestModels } from '../make-test-models.mjs';
import { loadBeir, loadDocqa } from './datasets.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MODES = ['keyword', 'dense', 'hybrid'];
const { values: options } = parseArgs({
  options: {
    dataset: { type: 'string' },
    docqa: { type: 'string' },
    embedder: { type: 'string' },
    models: { type: 'string' },
    modes: { type: 'string', default: MODES.join(',') },
    'limit-queries': { type: 'string' },
    'limit-docs': { type: 'string' },
    json: { type: 'string' },
    diagnose: { type: 'boolean', default: false },
    'first-round-only': { type: 'boolean', default: false },
    reranker: { type: 'string' },
    depth: { type: 'string', default: '1000' },
    split: { type: 'string', default: 'test' },
    threads: { type: 'string' },
    port: { type: 'string', default: process.env.DOCENT_EVAL_PORT ?? '4340' },
    'skip-typecheck': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function usage() {
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  console.log(lines.slice(0, lines.findIndex((line) => line.startsWith('import '))).join('\n'));
}
if (options.help) {
  usage();
  process.exit(0);
}
if (!options.dataset === !options.docqa) {
  console.error('Give one of --dataset DIR (BEIR) or --docqa DIR (document QA).\n');
  usage();
  process.exit(2);
}
const count = (name) => {
  if (options[name] === undefined) return undefined;
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} needs a positive whole number, not ${options[name]}`);
    process.exit(2);
  }
  return value;
};
const modes = options.modes.split(',').map((mode) => mode.trim()).filter(Boolean);
if (modes.length === 0 || modes.some((mode) => !MODES.includes(mode))) {
  console.error(`--modes takes ${MODES.join(', ')}`);
  process.exit(2);
}
// Paths on the command line are relative to where npm was run.
const here = (path) => resolve(process.env.INIT_CWD ?? process.cwd(), path);
const limits = { limitQueries: count('limit-queries'), limitDocs: count('limit-docs') };
const depth = count('depth');
const threads = count('threads');

const CACHE = resolve(repo, 'node_modules/.cache/docent-eval');
const DIST = process.env.DOCENT_EVAL_DIST ?? join(CACHE, 'dist');
const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[eval ${seconds(Date.now() - started)}] ${message}`);

const run = (command, args, env) => runCommand(command, args, { cwd: repo, env });

/** The models folder's owners, each mounted at models/<owner>/ (the build's own generated test models stay served). */
function modelMounts(folder) {
  if (!folder) return {};
  const root = here(folder);
  if (!existsSync(root)) throw new Error(`--models ${folder}: no such folder`);
  return Object.fromEntries(readdirSync(root).filter((owner) => statSync(join(root, owner)).isDirectory()).map((owner) => [`/models/${owner}/`, join(root, owner)]));
}

const pct = (share) => (Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : 'n/a');
const fixed = (value) => (Number.isFinite(value) ? value.toFixed(4) : 'n/a');
const table = (header, rows) => [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
const NEEDS_EMBEDDER = 'not run: needs an embedder (--embedder ID; real weights, from the hub or --models DIR)';

function libraryLines(library, embedMs) {
  const t = library.timings;
  const failed = library.failed.length ? `; ${library.failed.length} failed (${library.failed.slice(0, 3).map((f) => `${f.id}: ${f.reason}`).join('; ')})` : '';
  return [
    `Library: ${library.documents} documents, ${library.pages} pages, ${library.chunks} chunks (measured in ${library.tokenizer})${failed}.`,
    `Times: model load ${seconds(t.modelLoadMs)}, read ${seconds(t.readMs)}, chunk ${seconds(t.chunkMs)}, embed passages ${seconds(t.embedMs)}, index ${seconds(t.indexMs)}, embed queries ${seconds(embedMs)}; ONNX Runtime threads ${library.threads}.`,
  ];
}

function printBeir(result) {
  const rows = MODES.map((mode) => {
    const figures = result.modes[mode];
    if (figures) return [mode, fixed(figures.ndcg10), fixed(figures.recall10), fixed(figures.recall100), seconds(figures.searchMs)];
    return [mode, modes.includes(mode) ? NEEDS_EMBEDDER : 'not run (--modes)', '', '', ''];
  });
  console.log(table(['mode', 'nDCG@10', 'Recall@10', 'Recall@100', 'search time'], rows));
  const multi = Object.entries(result.modes).filter(([, figures]) => figures.allRelevant);
  if (multi.length) {
    console.log(`\nQueries with two or more relevant documents (${multi[0][1].multiRelevantQueries}): all of them in the top k\n`);
    console.log(table(['mode', 'top 2', 'top 6', 'top 10'], multi.map(([mode, figures]) => [mode, ...figures.allRelevant.map(pct)])));
  }
  // With fewer than 100 documents in all every ranking is short; otherwise a short one ranked every chunk it matched.
  const short = result.library.documents > 100 ? Object.entries(result.modes).filter(([, figures]) => figures.shortRankings > 0) : [];
  for (const [mode, { shortRankings: n }] of short) console.log(`(${mode}: ${n} ${n === 1 ? 'query' : 'queries'} matched fewer than 100 documents)`);
  if (result.diagnostics) {
    console.log('\nDiagnostics: keyword-index variants over the same chunks (NOT the app; see scripts/eval/page/diagnostics.ts)\n');
    console.log(table(['variant', 'nDCG@10', 'Recall@10', 'Recall@100'], result.diagnostics.map((d) => [d.label, fixed(d.ndcg10), fixed(d.recall10), fixed(d.recall100)])));
  }
}

function printDocqa(result) {
  const withPage = result.withPage > 0;
  const rows = [];
  for (const mode of MODES) {
    const figures = result.modes[mode];
    if (!figures) {
      rows.push([mode, '', modes.includes(mode) ? NEEDS_EMBEDDER : 'not run (--modes)', '', '', ...(withPage ? [''] : [])]);
      continue;
    }
    for (const [k, shares] of Object.entries(figures.byK)) {
      rows.push([mode, k, pct(shares.gold), ...(withPage ? [pct(shares.goldPage)] : []), pct(shares.answer), pct(shares.answerNotYesNo)]);
    }
  }
  const header = ['mode', 'k chunks', 'gold document retrieved', ...(withPage ? ['gold page retrieved'] : []), 'answer in the chunks', 'answer in the chunks (not yes/no)'];
  console.log(table(header, rows));
  console.log(`(${result.questions} questions, ${result.yesNo} with a bare yes/no answer; an answer is found when it appears in a chunk's text, ignoring case and white space)`);
  console.log(`(ceiling: the answer appears in some chunk of the gold document for ${pct(result.reachable)} of the questions, ${pct(result.reachableNotYesNo)} of those not answered yes/no)`);
  if (withPage) {
    console.log(
      `(gold page: ${result.withPage} questions give one; it is retrieved when a chunk of the gold document among the k spans that page; ` +
        `the answer appears in the gold document's chunks on its gold page for ${pct(result.pageHoldsAnswer)} of them)`,
    );
  }
}

async function main() {
  const kind = options.dataset ? 'beir' : 'docqa';
  const folder = here(options.dataset ?? options.docqa);
  log(`reading ${folder}`);
  const set = kind === 'beir' ? loadBeir(folder, { split: options.split, ...limits }) : loadDocqa(folder, limits);
  const described =
    kind === 'beir'
      ? `${set.documents.length} of ${set.corpusSize} documents, ${set.queries.length} scored queries${set.missingQueries ? ` (${set.missingQueries} judged queries missing from queries.jsonl)` : ''}`
      : `${set.files.length} files, ${set.questions.length} questions (of ${set.counts.rows} rows: ${set.counts.unusable} not usable, ${set.counts.incomplete} incomplete, ${set.counts.goldNotRead} with their gold file not read)`;
  log(described);
  if (set.queries?.length === 0 || set.questions?.length === 0) throw new Error('nothing to evaluate');

  if (!options['skip-typecheck']) {
    log('type-checking the eval page against the app (tsc -p scripts/eval)');
    run('npx', ['tsc', '--noEmit', '-p', 'scripts/eval/tsconfig.json']);
  }
  if (!options['skip-build'] || !existsSync(join(DIST, 'index.html'))) {
    log(`building the eval page (vite build --config scripts/eval/vite.eval.config.ts -> ${DIST})`);
    run('npx', ['vite', 'build', '--config', 'scripts/eval/vite.eval.config.ts'], { DOCENT_EVAL_DIST: DIST, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' });
    await writeTestModels(join(DIST, 'models'));
  }

  const mounts = { ...modelMounts(options.models), ...(kind === 'docqa' ? { '/eval-data/': folder } : {}) };
  const server = await serveStatic({ root: DIST, port: Number(options.port), mounts });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      const text = message.text();
      if (text.startsWith('[eval] ')) log(text.slice(7));
      else if (message.type() === 'error') errors.push(text);
    });
    await page.goto(server.url);
    await page.waitForSelector('html[data-eval-ready]', { state: 'attached' });
    const isolated = await page.evaluate(() => globalThis.docentEval.isolated());
    if (!isolated) console.warn('warning: the eval page is not cross-origin isolated; ONNX Runtime will run one thread');
    const setup = { embedder: options.embedder, reranker: options.reranker, modes, threads, secondHop: !options['first-round-only'] };
    log(`running ${kind === 'beir' ? 'BEIR' : 'document QA'}: modes ${modes.join(', ')}, embedder ${options.embedder ?? 'none (keyword only)'}`);
    const evalStart = Date.now();
    let result;
    try {
      result =
        kind === 'beir'
          ? await page.evaluate(([s, request]) => globalThis.docentEval.beir(s, request), [setup, { documents: set.documents, queries: set.queries, qrels: set.qrels, depth, diagnose: options.diagnose }])
          : await page.evaluate(([s, request]) => globalThis.docentEval.docqa(s, request), [setup, { files: set.files.map((path) => ({ path })), questions: set.questions }]);
    } catch (error) {
      const pageErrors = errors.length ? `\n  page errors: ${errors.slice(-3).join('\n  ')}` : '';
      throw new Error(`${error.message.split('\n')[0].replace(/^page\.evaluate: (Error: )?/, '')}${pageErrors}`, { cause: error });
    }
    const evalMs = Date.now() - evalStart;

    const name = basename(folder);
    console.log(`\nDocent retrieval eval: ${name} (${kind === 'beir' ? 'BEIR' : 'document QA'}), ${described}`);
    console.log(`Embedder: ${options.embedder ?? 'none (keyword search only)'}${options.models ? `, models from ${here(options.models)}` : ''}`);
    if (options.reranker) console.log(`Reranker: ${options.reranker} (used only where its model is in the models folder, as in the app)`);
    for (const line of libraryLines(result.library, result.queryEmbedMs)) console.log(line);
    console.log('');
    if (kind === 'beir') printBeir(result);
    else printDocqa(result);
    console.log(`\nIn the browser ${seconds(evalMs)}; total ${seconds(Date.now() - started)}.`);

    if (options.json) {
      const path = here(options.json);
      mkdirSync(dirname(path), { recursive: true });
      const meta = {
        date: new Date().toISOString(),
        command: `npm run eval -- ${process.argv.slice(2).join(' ')}`,
        kind,
        folder,
        embedder: options.embedder ?? null,
        models: options.models ? here(options.models) : null,
        modes,
        limits,
        depth: kind === 'beir' ? depth : undefined,
        selection: kind === 'beir' ? { documents: set.documents.length, corpus: set.corpusSize, queries: set.queries.length } : { files: set.files.length, questions: set.questions.length, counts: set.counts },
        machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30) },
        node: process.version,
        chromium: browser.version(),
        crossOriginIsolated: isolated,
        seconds: { inBrowser: evalMs / 1000, total: (Date.now() - started) / 1000 },
      };
      writeFileSync(path, `${JSON.stringify({ meta, result })}\n`);
      console.log(`JSON written to ${path}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(`[eval] failed: ${process.env.DOCENT_EVAL_DEBUG ? (error.stack ?? error) : (error.message ?? error)}`);
  process.exitCode = 1;
}
