// `npm run bench`: Docent's real pipeline, measured in headless Chromium on a production build, each figure beside a
// baseline measured in the same run. A benchmark, not a test: it asserts nothing about time (it fails only when
// something does not run). See docs/PERFORMANCE.md.
//
//   npm run bench [-- --smoke] [-- --json FILE] [-- --only extraction,ingestion,library,reranking,generation,webgpu,ocr]
//
// --smoke: the tiny generated test models and small sizes (seconds; no ../shared needed), run by `npm test`.
// --json FILE: also write every measurement as JSON.   --port N: the bench's own server (default 4320).
// --shared DIR: the shared folder (default ../shared).   --skip-typecheck: skip the bench page's type check.
// --filter REGEX: only the ingestion and generation cases whose label matches (e.g. 'gte.*int8', 'granite').
//   Generation rows: SmolLM-360M-shaped int8 (1 and 2 threads, with a bare-session baseline), Granite-4.0-350M-shaped
//   q4 (beside a bare session of its int8 file) and int8 (q8), Granite-4.0-1B-shaped q4 and int8 (2 threads); the
//   Granite files are written on first use.
// --thorough: every embedder on the whole long PDF, not only its first 16 pages (30-40 minutes on 2 idle cores,
//   against ~10 for a full run).
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from '../lib/headless-chromium.mjs';
import { runCommand } from '../lib/run-command.mjs';
import { writeTestModels } from '../make-test-models.mjs';
import { externalDataFile } from '../lib/real-shape-models.mjs';
import { descendantsMemory, samplePeakMemory } from '../lib/process-memory.mjs';
import { sampleHeap } from './lib/heap.mjs';
import { findGeoTopo, makeLongPdf, pdfPrefix } from './lib/inputs.mjs';
import { kb, markdownTable, mb, ms, num, ratio } from './lib/report.mjs';
import { serveStatic } from './server.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SECTIONS = ['extraction', 'ingestion', 'library', 'reranking', 'generation', 'webgpu', 'ocr'];
const { values: options } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    json: { type: 'string' },
    only: { type: 'string' },
    port: { type: 'string', default: process.env.DOCENT_BENCH_PORT ?? '4320' },
    shared: { type: 'string', default: resolve(repo, '../shared') },
    'skip-typecheck': { type: 'boolean', default: false },
    filter: { type: 'string' },
    thorough: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  const source = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  console.log(source.slice(0, source.findIndex((line) => line.startsWith('import'))).join('\n'));
  process.exit(0);
}
const filter = options.filter ? new RegExp(options.filter, 'i') : undefined;
const only = options.only ? options.only.split(',').map((s) => s.trim()) : SECTIONS;
const unknown = only.filter((section) => !SECTIONS.includes(section));
if (unknown.length) {
  console.error(`Unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  process.exit(2);
}

const CACHE = resolve(repo, 'node_modules/.cache/docent-bench');
// One build folder per run, removed afterwards: several checkouts' or sessions' runs never share one.
const DIST = process.env.DOCENT_BENCH_DIST ?? join(CACHE, `run-${process.pid}`);
// Generated inputs beside the build: a run with another DOCENT_BENCH_DIST never touches this run's files.
const INPUTS = `${DIST}-inputs`;
const BENCH_MODELS = resolve(repo, '.cache/bench-models');
const shared = resolve(options.shared);
/** Pages of the long PDF each embedder configuration ingests in a full (not --thorough) run. */
const PREFIX_PAGES = 16;
const smoke = options.smoke;
const skipped = [];
const skip = (what, why) => {
  skipped.push({ what, why });
  console.log(`  skipped: ${what}: ${why}`);
};
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (message) => console.log(`[bench ${elapsed()}] ${message}`);

const run = (command, args, env) => runCommand(command, args, { cwd: repo, env });

// ---------------------------------------------------------------------------------------------------------------
// Models and inputs

const embedderSpec = (id, quantized, label) => ({ id, task: 'embedder', label, dtype: quantized ? 'q8' : 'fp32' });
const TINY_EMBEDDER = { spec: embedderSpec('docent-test/tiny-embedder', false, 'tiny test embedder'), file: 'onnx/model.onnx', dims: 64 };
const TINY_CHAT = { spec: { id: 'docent-test/tiny-chat', task: 'generator', label: 'tiny test chat', dtype: 'fp32', contextTokens: 2048 }, file: 'onnx/model.onnx' };

/** The real-shape models every full run needs (the Granite ones are written when a generation row asks for them). */
const BASE_BENCH_MODELS = ['minilm-l6-shaped', 'gte-small-shaped', 'smollm-360m-shaped'];

function benchModelsReady() {
  const need = ['minilm-l6-shaped/onnx/model_quantized.onnx', 'gte-small-shaped/onnx/model.onnx', 'smollm-360m-shaped/onnx/decoder_model_merged_quantized.onnx'];
  return need.every((file) => existsSync(join(BENCH_MODELS, 'docent-bench', file)));
}

function prepareBenchModels() {
  if (smoke) return false;
  if (benchModelsReady()) return true;
  if (!existsSync(join(shared, 'models/skeletons'))) {
    skip('real-shape models', `no ${join(shared, 'models/skeletons')} (real configs and tokenizers to shape them from)`);
    return false;
  }
  log('writing the real-shape bench models (node scripts/make-bench-models.mjs, ~10 s)');
  run('node', ['scripts/make-bench-models.mjs', '--only', BASE_BENCH_MODELS.join(',')]);
  return benchModelsReady();
}

/**
 * A generation row's model file, written on first use (the Granite files: 632 MB, 354 MB and 1.84 GB, 10-90 s each).
 * Returns why it cannot run, or undefined when the file is there.
 */
function prepareGeneratorFile(model) {
  const paths = generatorFiles(model);
  if (paths.every((path) => existsSync(path))) return undefined;
  const path = paths[0];
  if (!existsSync(join(shared, 'models/skeletons'))) return `${path} is missing and there is no ${join(shared, 'models/skeletons')} to write it from`;
  log(`writing ${model.spec.id}'s ${model.variant} file (node scripts/make-bench-models.mjs --only ${model.benchId} --variants ${model.variant})`);
  run('node', ['scripts/make-bench-models.mjs', '--only', model.benchId, '--variants', model.variant]);
  return paths.every((file) => existsSync(file)) ? undefined : `make-bench-models did not write ${paths.join(' and ')}`;
}

/** A real-shape decoder's files: its .onnx file, and its external data file where it has one. */
const generatorFiles = (model) => [model.file, model.dataFile].filter(Boolean).map((file) => join(BENCH_MODELS, model.spec.id, file));

async function prepareInputs() {
  mkdirSync(INPUTS, { recursive: true });
  const files = {};
  writeFileSync(join(INPUTS, 'warm-up.pdf'), await makeLongPdf(1, { linesPerPage: 12, title: 'Warm-up' }));
  const geo = smoke ? undefined : findGeoTopo(shared);
  if (geo) {
    files.long = { path: geo.path, name: geo.name, label: `${geo.name} (${geo.pages} pages, pdfTeX)`, short: `${geo.pages} p.` };
  } else {
    const pages = smoke ? 8 : 117;
    if (!smoke) skip('GeoTopo PDF', `not found through ${join(shared, 'corpus/pdfs/pypdf-samples/files.json')}; using a generated ${pages}-page PDF`);
    writeFileSync(join(INPUTS, 'long.pdf'), await makeLongPdf(pages));
    files.long = { path: join(INPUTS, 'long.pdf'), name: 'generated-long.pdf', label: `generated ${pages}-page PDF (pdf-lib)`, short: `${pages} p.` };
  }
  const prefixPages = PREFIX_PAGES;
  writeFileSync(join(INPUTS, 'prefix.pdf'), await pdfPrefix(files.long.path, prefixPages));
  files.prefix = { path: join(INPUTS, 'prefix.pdf'), name: `first-${prefixPages}-pages-${files.long.name}`, label: `first ${prefixPages} pages of ${files.long.name}`, short: `first ${prefixPages} p.` };
  return files;
}

/** A real-shape decoder: `benchId` and `variant` say how make-bench-models writes its file(s). */
const benchGenerator = (benchId, variant, spec) => {
  const file = `onnx/${spec.fileName ?? 'model'}${{ fp32: '', int8: '_quantized', q4: '_q4' }[variant]}.onnx`;
  const dataFile = externalDataFile(benchId, variant);
  return { spec: { id: `docent-bench/${benchId}`, task: 'generator', ...spec }, file, dataFile: dataFile && `onnx/${dataFile}`, benchId, variant };
};
// Every row gets a 2,048-token context, so the prompt builder puts the same passages in every prompt (the catalog
// gives Granite 4,096 and 8,192: with them the prompt would hold one passage more than SmolLM's).
const SMOLLM_INT8 = benchGenerator('smollm-360m-shaped', 'int8', { label: 'SmolLM-360M-shaped int8', dtype: 'q8', fileName: 'decoder_model_merged', contextTokens: 2048 });
const GRANITE_350M_Q4 = benchGenerator('granite-350m-shaped', 'q4', { label: 'Granite-4.0-350M-shaped q4', dtype: 'q4', contextTokens: 2048 });
const GRANITE_350M_INT8 = benchGenerator('granite-350m-shaped', 'int8', { label: 'Granite-4.0-350M-shaped int8 (q8)', dtype: 'q8', contextTokens: 2048 });
const GRANITE_1B_Q4 = benchGenerator('granite-1b-shaped', 'q4', { label: 'Granite-4.0-1B-shaped q4', dtype: 'q4', contextTokens: 2048 });
const GRANITE_1B_INT8 = benchGenerator('granite-1b-shaped', 'int8', { label: 'Granite-4.0-1B-shaped int8 (q8)', dtype: 'q8', contextTokens: 2048 });

// ---------------------------------------------------------------------------------------------------------------
// The plan: what to measure in smoke and full mode

function makePlan(haveBenchModels) {
  const real = (name, label, quantized) => ({
    spec: embedderSpec(`docent-bench/${name}`, quantized, `${label} ${quantized ? 'int8' : 'fp32'}`),
    file: quantized ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx',
    dims: 384,
  });
  if (smoke) {
    return {
      extraction: { repeats: 1, embedder: TINY_EMBEDDER },
      ingestion: [1, 2].map((threads) => ({ model: TINY_EMBEDDER, threads, file: 'long', replayEvery: 1, heap: threads === 2 })),
      library: { sizes: [300, 1000], reloadSizes: [1000], backupSizes: [1000], dims: 64, embedder: TINY_EMBEDDER, voyMax: 1000, queries: 30, k: 10, reloadQueries: 5, chunksPerDocument: 100 },
      generation: { runs: [1, 2].map((threads) => ({ model: TINY_CHAT, threads, bare: true })), tokens: 4, passages: 3, passageCharacters: 400 },
      webgpu: webgpuPlan(),
    };
  }
  const embedders = haveBenchModels
    ? [real('minilm-l6-shaped', 'MiniLM-L6-shaped', true), real('minilm-l6-shaped', 'MiniLM-L6-shaped', false), real('gte-small-shaped', 'gte-small-shaped', true), real('gte-small-shaped', 'gte-small-shaped', false)]
    : [];
  const gteInt8 = haveBenchModels ? real('gte-small-shaped', 'gte-small-shaped', true) : TINY_EMBEDDER;
  return {
    extraction: { repeats: 3, embedder: gteInt8 },
    // Every embedder and thread count on the first pages of the long PDF (the whole PDF with --thorough), then the
    // app's default (gte int8, 2 threads) on the whole PDF, which also records the heap.
    ingestion: [
      ...embedders.flatMap((model) => [1, 2].map((threads) => ({ model, threads, file: options.thorough ? 'long' : 'prefix', replayEvery: 1 }))),
      // Every other batch replayed: half the replay time for the same estimate of the bare session's speed.
      ...(haveBenchModels && !options.thorough ? [{ model: gteInt8, threads: 2, file: 'long', replayEvery: 2, heap: true }] : []),
    ],
    prefixPages: PREFIX_PAGES,
    // Voy's serialize() is ~8.2 KB of JSON per vector: at 50k a ~410 MB string, near V8's limit (STACK-NOTES).
    library: { sizes: [1000, 10000, 50000], reloadSizes: [10000, 50000], backupSizes: [10000], dims: gteInt8.dims, embedder: gteInt8, voyMax: 10000, queries: 100, k: 10, reloadQueries: 20, chunksPerDocument: 1000 },
    generation: haveBenchModels
      ? {
          // SmolLM-360M-shaped int8 (the class of the app's first chat model) with the bare-session baseline, then
          // the shapes of today's defaults on 2 threads, as the app runs them (the catalog's dtype and context).
          runs: [
            ...[1, 2].map((threads) => ({ model: SMOLLM_INT8, threads, bare: true })),
            // q4 beside a bare session of the int8 file, step by step on the same feeds: the two formats' model
            // times under the same load (separate rows on a shared machine moved 2x between runs).
            { model: GRANITE_350M_Q4, threads: 2, bare: GRANITE_350M_INT8 },
            ...[GRANITE_350M_INT8, GRANITE_1B_Q4, GRANITE_1B_INT8].map((model) => ({ model, threads: 2, bare: false })),
          ],
          tokens: 24,
          passages: 7,
          passageCharacters: 950,
        }
      : undefined,
    webgpu: webgpuPlan(haveBenchModels && { embedder: real('gte-small-shaped', 'gte-small-shaped', false), generator: GRANITE_1B_Q4 }),
  };
}

/**
 * The WebGPU rows: the tiny generated models always (on a software adapter they are all it runs: a real shape takes
 * minutes there and says nothing of a GPU's speed), and on a hardware adapter the real shapes of the defaults.
 */
function webgpuPlan(realShapes) {
  // The model's one bench file on the GPU too. For the 1B the app loads q4f16 there; the bench writes no f16 variant,
  // so q4 stands in (f32 arithmetic on the GPU: an upper bound on q4f16's time where the adapter has shader-f16).
  const withGpuWeights = ({ spec, ...model }) => ({ ...model, spec: { ...spec, webgpuDtype: spec.dtype } });
  return {
    tiny: { embedder: withGpuWeights(TINY_EMBEDDER), generator: withGpuWeights(TINY_CHAT) },
    hardware: realShapes ? { embedder: withGpuWeights(realShapes.embedder), generator: withGpuWeights(realShapes.generator) } : undefined,
    batchSize: 16,
    batches: smoke ? 3 : 10,
    passageCharacters: 1_000,
    tokens: smoke ? 4 : 24,
    passages: smoke ? 3 : 7,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Driving the page

let browser;
let server;
let baseUrl;

async function openPage(query = '', on = browser) {
  const context = await on.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${baseUrl}${query}`);
  await page.waitForSelector('html[data-bench-ready]', { state: 'attached' });
  return { context, page, errors };
}

/** Calls globalThis.bench[method](...args) in a fresh context; `query` opens the page with a search string. */
async function inPage(method, args, { query = '', keep = false, on = browser } = {}) {
  const session = await openPage(query, on);
  try {
    const value = await session.page.evaluate(async ([name, params]) => {
      try {
        return await globalThis.bench[name](...params);
      } catch (error) {
        throw new Error(error instanceof Error ? `${error.message}\n${error.stack}` : String(error), { cause: error });
      }
    }, [method, args]);
    return keep ? { ...value, session } : value;
  } catch (error) {
    const lines = error.message.split('\n');
    const errors = session.errors.length ? `\n  page errors: ${session.errors.slice(-3).join('\n  ')}` : '';
    throw new Error(`${method} failed: ${process.env.DOCENT_BENCH_DEBUG ? lines.join('\n') : lines[0]}${errors}`, { cause: error });
  } finally {
    if (!keep) await session.context.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sections

const results = {};
/** Table rows; each records the machine's 1-minute load average when it was measured (other work skews timings). */
const rows = [];
const pushRow = rows.push.bind(rows);
rows.push = (...added) => pushRow(...added.map((row) => ({ ...row, load: Number(loadavg()[0].toFixed(2)) })));
const modelUrl = (model) => `${baseUrl}models/${model.spec.id}/${model.file}`;

async function extraction(plan, files) {
  const { embedder, repeats } = plan.extraction;
  log(`extraction + chunking: ${files.long.label}, ${repeats} run(s), chunks counted in ${embedder.spec.label} tokens`);
  const { result } = await inPage('extraction', ['bench-data/long.pdf', files.long.name, embedder.spec, repeats]);
  const best = result.runs.reduce((a, b) => (a.readMs + a.chunkMs <= b.readMs + b.chunkMs ? a : b));
  const total = best.readMs + best.chunkMs;
  results.extraction = { file: files.long.label, ...result };
  rows.push({
    section: 'Extraction + chunking',
    case: `${files.long.label}`,
    figure: `${num((result.pages / total) * 1000)} pages/s (read ${ms(best.readMs)}, chunk ${ms(best.chunkMs)})`,
    baseline: '',
    notes: `${result.pages} pages, ${result.characters.toLocaleString('en-US')} chars, ${result.chunks} chunks (${embedder.spec.label} tokenizer); best of ${result.runs.length}`,
  });
}

async function ingestion(plan, files) {
  results.ingestion = [];
  const queries = ['What is a compact space?', 'fundamental group of the circle', 'Euler characteristic of a polyhedron', 'covering maps and lifting', 'Hausdorff metric spaces'];
  const document = { long: files.long, prefix: files.prefix };
  if (plan.ingestion.some((config) => config.file === 'prefix')) {
    skip(
      `ingestion of the whole ${files.long.name} with every embedder`,
      `its first ${plan.prefixPages} pages per embedder and thread count, the whole PDF with the app's default (gte int8, 2 threads) only; --thorough runs every one on the whole PDF (~30-40 min)`,
    );
  }
  for (const config of plan.ingestion) {
    const input = document[config.file];
    const label = `${config.model.spec.label}, ${config.threads} thread${config.threads > 1 ? 's' : ''}, ${input.short}`;
    if (filter && !filter.test(label)) continue;
    log(`ingestion: ${label}`);
    const heap = config.heap ? await sampleHeap(browser) : undefined;
    let outcome;
    try {
      outcome = await inPage('ingest', [
        {
          embedder: config.model.spec,
          modelUrl: modelUrl(config.model),
          threads: config.threads,
          queries,
          replayEvery: config.replayEvery,
          warmUpUrl: 'bench-data/warm-up.pdf',
          fileUrl: `bench-data/${config.file}.pdf`,
          fileName: input.name,
        },
      ]);
    } finally {
      if (heap) results.heap = { during: label, ...(await heap.stop()) };
    }
    const { setup, result } = outcome;
    const replayed = result.replay;
    results.ingestion.push({ label, model: config.model.spec, threads: config.threads, file: input.label, setup, ...result });
    rows.push({
      section: 'Ingestion (end to end)',
      case: label,
      figure: `${num((result.pages / result.totalMs) * 1000, 2)} pages/s (${ms(result.totalMs)})`,
      baseline: replayed ? `bare ORT session, same batches: ${num((result.pages / result.bareMs) * 1000, 2)} pages/s (${ms(result.bareMs)})` : 'skipped (see below)',
      ratio: replayed ? ratio(result.totalMs / result.bareMs) : '',
      notes: [
        `${result.pages} pages, ${result.chunks} chunks in ${result.batches} batches (${result.batchShapes})`,
        `read+chunk ${ms(result.readAndChunkMs)}, embed ${ms(result.embedMs)} of which model ${ms(result.modelRunMs)}`,
        replayed ? `replay of ${replayed.batches} batches: bare ${ms(replayed.bareMs)} vs pipeline session ${ms(replayed.pipelineMs)}` : '',
        `IndexedDB ${kb(result.storedBytes / result.chunks)}/chunk incl. the original PDF`,
      ].filter(Boolean).join('; '),
    });
    rows.push({
      section: 'Query embedding',
      case: label,
      figure: `p50 ${ms(result.queryEmbedMs.p50)}, p95 ${ms(result.queryEmbedMs.p95)}`,
      baseline: '',
      notes: `engine.search on this library (${result.chunks} chunks): p50 ${ms(result.searchMs.p50)}; n=${result.queryEmbedMs.n}`,
    });
  }
  if (results.heap) {
    const peakOf = (pattern) => results.heap.targets.filter((t) => pattern.test(t.url)).reduce((max, t) => Math.max(max, t.peak), 0);
    rows.push({
      section: 'Peak JS heap during ingestion',
      case: results.heap.during,
      figure: `${mb(results.heap.totalPeak)} (page + all workers)`,
      baseline: '',
      notes: `library worker ${mb(peakOf(/bench\.worker/))}, pdf.js parser ${mb(peakOf(/pdf\.worker/))}; ${results.heap.targets.length} targets, ${results.heap.samples} samples of CDP Runtime.getHeapUsage; wasm memory (model weights) not included`,
    });
  }
}

async function library(plan) {
  const request = plan.library;
  results.library = [];
  const session = await openPage();
  try {
    for (const size of request.sizes) {
      log(`library: growing to ${size.toLocaleString('en-US')} chunks (stored and indexed as the engine does), ${request.queries} queries per retriever`);
      await session.page.goto(baseUrl);
      await session.page.waitForSelector('html[data-bench-ready]', { state: 'attached' });
      const grow = { chunks: size, chunksPerDocument: request.chunksPerDocument, dims: request.dims, modelId: request.embedder.spec.id, chunkCharacters: 1000, queries: request.queries, k: request.k };
      const { result: grown } = await session.page.evaluate(([params, spec]) => globalThis.bench.growLibrary(params, spec), [grow, request.embedder.spec]);
      const entry = { size, grown };
      results.library.push(entry);
      const scan = grown.retrieval.find((row) => row.kind === 'baseline');
      for (const row of grown.retrieval.filter((r) => r.kind !== 'baseline')) {
        rows.push({
          section: 'Retrieval (no query embedding)',
          case: `${row.retriever}, ${size.toLocaleString('en-US')} chunks`,
          figure: `p50 ${ms(row.p50)}, p95 ${ms(row.p95)}`,
          baseline: scan ? `exact Float32Array scan: p50 ${ms(scan.p50)}, p95 ${ms(scan.p95)}` : '',
          ratio: scan ? ratio(row.p95 / scan.p95) : '',
          notes: `k=${request.k}; source chunk found ${num(100 * row.found, 0)}%${row.kind === 'dense' ? `, top-k agreement with exact ${num(row.agreement, 3)}` : ''}; ratio of p95`,
        });
      }
      const perChunk = grown.storedBytes / grown.added;
      const textPerChunk = grown.textBytes / grown.added;
      rows.push({
        section: 'Library growth',
        case: `to ${size.toLocaleString('en-US')} chunks (+${grown.added.toLocaleString('en-US')})`,
        figure: `store + index ${ms(grown.addMs)}, keyword index written back ${ms(grown.persistMs)}`,
        baseline: '',
        notes: `IndexedDB ${kb(perChunk)} per chunk (${kb(perChunk - textPerChunk)} beyond its ${kb(textPerChunk)} of text; storage.estimate() delta: text in the pages, chunks as offsets, Float32 vectors, the keyword index gzipped); reopening the ${(size - grown.added).toLocaleString('en-US')} stored chunks took ${ms(grown.openMs)}`,
      });
      if (request.reloadSizes.includes(size)) await reload(session.page, request, size, entry);
      if (request.backupSizes.includes(size)) await backupRoundTrip(session.page, request, size, entry);
    }
  } finally {
    await session.context.close();
  }
}

async function reload(page, request, size, entry) {
  log(`reload: ${size.toLocaleString('en-US')} chunks, the app's engine worker`);
  const engineRequest = { embedder: request.embedder.spec, question: 'the harbour ledger and the lighthouse', queries: request.reloadQueries, dims: request.dims };
  await page.goto(`${baseUrl}?reload=engine&request=${encodeURIComponent(JSON.stringify(engineRequest))}`);
  const engine = await page.evaluate(() => globalThis.reload);
  const worker = page.workers().find((w) => w.url().includes('engine.worker'));
  const embedQuery = worker ? await worker.evaluate(() => performance.getEntriesByName('docent:embed-query').map((e) => e.duration)) : [];
  const rest = embedQuery.slice(1).sort((a, b) => a - b);
  const medianEmbed = rest[Math.floor(rest.length / 2)];

  let voy;
  if (size <= request.voyMax) {
    log(`reload: ${size.toLocaleString('en-US')} chunks, baseline Voy serialize/deserialize`);
    await page.goto(baseUrl);
    await page.waitForSelector('html[data-bench-ready]', { state: 'attached' });
    const saved = await page.evaluate(() => globalThis.bench.saveVoySerialized());
    await page.goto(`${baseUrl}?reload=voy&dims=${request.dims}`);
    voy = { ...saved.result, ...(await page.evaluate(() => globalThis.reload)).result };
  } else {
    skip(
      `Voy serialize baseline at ${size.toLocaleString('en-US')} chunks`,
      `serialize() makes ~8.2 KB of JSON per vector (~${Math.round((size * 8.2) / 1000)} MB here), near V8's string limit; measured up to ${request.voyMax.toLocaleString('en-US')}`,
    );
  }
  log(`reload: ${size.toLocaleString('en-US')} chunks, baseline exact scan`);
  await page.goto(`${baseUrl}?reload=scan&dims=${request.dims}`);
  const scan = (await page.evaluate(() => globalThis.reload)).result;
  log(`reload: ${size.toLocaleString('en-US')} chunks, the steps of opening the library one by one`);
  await page.goto(baseUrl);
  await page.waitForSelector('html[data-bench-ready]', { state: 'attached' });
  const parts = (await page.evaluate((id) => globalThis.bench.openBreakdown(id), request.embedder.spec.id)).result;
  Object.assign(entry, { engine, embedQuery, voy, scan, parts });

  rows.push({
    section: 'Reload to first answer',
    case: `${size.toLocaleString('en-US')} chunks, ${request.embedder.spec.label}`,
    figure: `first answer ${ms(engine.firstResultAt)} (library ready ${ms(engine.readyAt)})`,
    baseline: [voy ? `Voy deserialize: ready ${ms(voy.readyAt)}` : 'Voy deserialize: skipped', `exact scan: ready ${ms(scan.readyAt)}`].join('; '),
    ratio: ratio(engine.readyAt / scan.readyAt),
    notes: `from navigation start; ready = engine.init resolved; opening's steps one by one: read records ${ms(parts.readMs)}, build Voy ${ms(parts.vectorIndexMs)}, restore keyword index ${ms(parts.keywordIndexMs)}; first answer adds loading the embedder from Cache Storage and embedding the query (${ms(embedQuery[0])}); ${engine.ready}/${engine.documents} documents ready; ratio of ready times`,
  });
  rows.push({
    section: 'Search after reload (engine)',
    case: `${size.toLocaleString('en-US')} chunks`,
    figure: `engine.search p50 ${ms(engine.searchMs.p50)}, p95 ${ms(engine.searchMs.p95)}`,
    baseline: '',
    notes: `hybrid search through the engine worker: query embedding (p50 ${ms(medianEmbed)}), Voy + BM25, reading the chunks; n=${engine.searchMs.n}`,
  });
  if (voy) {
    rows.push({
      section: 'IndexedDB per chunk',
      case: `Voy's serialized index, ${size.toLocaleString('en-US')} chunks`,
      figure: `${kb(voy.storedBytes / size)} per chunk`,
      baseline: '',
      notes: `baseline for the vectors alone: the app stores ${kb(request.dims * 4)} of Float32 per chunk instead; serialize() ${ms(voy.serializeMs)}, ${(voy.characters / 1e6).toFixed(0)} M chars`,
    });
  }
}

async function backupRoundTrip(page, request, size, entry) {
  log(`backup: ${size.toLocaleString('en-US')} chunks exported, the database deleted, the backup imported (the app's engine worker)`);
  await page.goto(baseUrl);
  await page.waitForSelector('html[data-bench-ready]', { state: 'attached' });
  const backup = await page.evaluate((spec) => globalThis.bench.backupRoundTrip(spec), request.embedder.spec);
  entry.backup = backup;
  rows.push({
    section: 'Library backup',
    case: `${backup.chunks.toLocaleString('en-US')} chunks, ${backup.documents} documents`,
    figure: `export ${ms(backup.exportMs)}, import ${ms(backup.importMs)}; ${kb(backup.bytes / backup.chunks)} per chunk (${mb(backup.bytes)})`,
    baseline: `IndexedDB: ${entry.grown ? kb(entry.grown.storedBytes / entry.grown.added) : '?'} per chunk`,
    notes: `export: every part read from IndexedDB, checksummed, gzipped, streamed out; import: the file read twice (checked whole, then stored) and indexed; ${backup.added} documents added, ${backup.reembedding} to embed again (vectors reused)`,
  });
}

async function generation(plan) {
  const request = plan.generation;
  if (!request) {
    skip('generation', 'the SmolLM-360M-shaped model is missing (needs ../shared/models/skeletons)');
    return;
  }
  results.generation = [];
  const selected = request.runs.filter(({ model, threads }) => !filter || filter.test(generationLabel(model, threads)));
  const unpaired = selected.filter((row) => !row.bare).map((row) => generationLabel(row.model, row.threads));
  if (unpaired.length) {
    skip(
      `bare-session baseline for ${unpaired.join('; ')}`,
      "it doubles each prefill (over a minute for the 1B shape) and would hold a second copy of the weights in the same wasm memory; the SmolLM rows carry the pipeline's overhead",
    );
  }
  const failed = [];
  for (const { model, threads, bare } of selected) {
    const label = generationLabel(model, threads);
    // `bare`: true (a bare session of the same file), another model (its file, on the same feeds) or false (none).
    const baseline = bare === true ? model : bare || undefined;
    const missing = [model, baseline].filter((m) => m?.benchId).map(prepareGeneratorFile).find(Boolean);
    if (missing) {
      skip(`generation: ${label}`, missing);
      continue;
    }
    const withBare = Boolean(baseline);
    const otherFile = baseline && baseline !== model;
    log(`generation: ${label}, the app's AnswerWriter${withBare ? ` with a bare session${otherFile ? ` of ${baseline.spec.label}` : ''} in lockstep` : ''}`);
    let outcome;
    try {
      outcome = await inPage('generate', [
        {
          generator: model.spec,
          bareModelUrl: baseline ? modelUrl(baseline) : undefined,
          threads,
          tokens: request.tokens,
          passages: request.passages,
          passageCharacters: request.passageCharacters,
        },
      ]);
    } catch (error) {
      // One row failing (a model too big for wasm's memory, say) does not cost the others; the section still fails.
      failed.push(`${label}: ${error.message}`);
      console.error(`[bench] generation: ${label} failed: ${error.message}`);
      continue;
    }
    const { setup, result } = outcome;
    results.generation.push({ label, threads, setup, ...result });
    const paired = result.bare;
    rows.push({
      section: 'Generation',
      case: label,
      figure: `first token ${ms(result.firstTokenMs)}, ${num(result.tokensPerSecond, 2)} tokens/s`,
      ...(otherFile ? formatComparison(result, baseline) : {
        baseline: paired ? `bare ORT session with KV cache, same steps: first token ${ms(paired.firstTokenMs)}, ${num(paired.tokensPerSecond, 2)} tokens/s` : 'skipped (see below)',
        ratio: paired ? `${ratio(result.firstTokenMs / paired.firstTokenMs)} first token, ${ratio(paired.tokensPerSecond / result.tokensPerSecond)} per token` : '',
      }),
      notes: `prompt ${result.promptTokens} tokens (${result.passagesInPrompt} passages) through the app's AnswerWriter, its prefill ${ms(result.prefillMs)} in the model; ${result.generated} tokens streamed, then stop()${model.benchId ? `; weights ${mb(generatorFiles(model).reduce((sum, path) => sum + statSync(path).size, 0))} (${[model.file, model.dataFile].filter(Boolean).join(' + ')})` : ''}`,
    });
  }
  if (failed.length) throw new Error(failed.join('; '));
}

/**
 * OCR (issue 13): an image-only PDF of A4 pages at 300 dpi read as the library reads it (pdf.js draws each page,
 * tesseract.js reads it, one page at a time), beside the same page images given to tesseract.js directly. The engine
 * is started and English loaded first, timed apart. Peak memory: the browser's resident memory (wasm included).
 */
async function ocr() {
  const pages = smoke ? 1 : 4;
  log(`OCR: ${pages} scanned A4 page(s) at 300 dpi`);
  const before = descendantsMemory();
  const stop = samplePeakMemory();
  let result;
  let peak;
  try {
    ({ result } = await inPage('ocr', [pages]));
  } finally {
    peak = stop();
  }
  const mean = (values) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  results.ocr = { ...result, browserMemoryBefore: before, browserMemoryPeak: peak };
  rows.push({
    section: 'OCR',
    case: `${result.pages} scanned A4 page(s), 300 dpi (${(result.pixels / 1e6).toFixed(1)} Mpx), English, one OCR worker`,
    figure: `${mean(result.pageSeconds).toFixed(2)} s/page (pdf.js draws, tesseract.js reads)`,
    baseline: `same images to tesseract.js directly: ${mean(result.bareSeconds).toFixed(2)} s/page`,
    ratio: ratio(mean(result.pageSeconds) / mean(result.bareSeconds)),
    notes: `engine start + English ${result.startSeconds.toFixed(1)} s (once); ${result.characters.toLocaleString('en-US')} chars; browser memory ${mb(before)} before, peak ${mb(peak)}`,
  });
}

/**
 * Reranking (issue 12): the app's Reranker scoring a question's 24 candidates of ~250 word pieces, on 2 WASM threads,
 * with the ms-marco-MiniLM-L-6-v2-shaped cross-encoder (random weights, the real shape: honest time, meaningless
 * order). Target: ≤ 150 ms per question.
 */
async function reranking() {
  if (smoke) return skip('reranking', 'not in the smoke run (it needs the real-shape cross-encoders)');
  results.reranking = [];
  for (const [benchId, label] of [
    ['ms-marco-minilm-l6-shaped', 'ms-marco-MiniLM-L6-shaped int8 (the default)'],
    ['tinybert-l2-reranker-shaped', 'ms-marco-TinyBERT-L2-shaped int8'],
  ]) {
    const file = join(BENCH_MODELS, `docent-bench/${benchId}/onnx/model_quantized.onnx`);
    if (!existsSync(file)) {
      if (!existsSync(join(shared, 'models/skeletons'))) {
        skip(`reranking: ${label}`, `no ${file}, and no skeletons to write it from`);
        continue;
      }
      log(`writing ${benchId} (node scripts/make-bench-models.mjs --only ${benchId})`);
      run('node', ['scripts/make-bench-models.mjs', '--only', benchId]);
    }
    const request = { threads: 2, reranker: { id: `docent-bench/${benchId}`, task: 'reranker', label, dtype: 'q8' }, candidates: 24, passageCharacters: 1_000, questions: 12 };
    log(`reranking: ${label}, 24 candidates per question, 2 threads`);
    const { result } = await inPage('rerank', [request]);
    results.reranking.push({ label, ...result });
    rows.push({
      section: 'Reranking',
      case: `${label}, ${request.candidates} candidates of ~250 word pieces, 2 threads`,
      figure: `p50 ${ms(result.p50)}, p95 ${ms(result.p95)} per question`,
      baseline: 'target ≤ 150 ms',
      ratio: ratio(result.p50 / 150),
      notes: `the app's Reranker (its model from the site's models folder), one batch of ${request.candidates} question-passage pairs per question; n=${result.n} after a warm-up; random weights of the real shape (${mb(statSync(file).size)})`,
    });
  }
}

/**
 * WebGPU (issue 11): the app's embedder and answer writer on the WebGPU adapter of a browser launched with WebGPU on,
 * beside the same models on 2 WASM threads in that browser. A software adapter (SwiftShader on these machines) is
 * labelled as such: correctness, not speed. Targets on a hardware GPU: embedding ≥ 10x WASM; the WebGPU default's
 * shape first token < 1 s and ≥ 30 tokens/s.
 */
async function webgpu(plan) {
  const request = plan.webgpu;
  const gpuBrowser = await launchChromium({ webgpu: true });
  try {
    // The same request with the app's device choice ('auto': WebGPU here), then forced onto WASM, each in a fresh worker.
    const onBoth = async (method, args) => {
      const on = async (device) => (await inPage(method, [{ ...args, threads: 2, device }], { on: gpuBrowser })).result;
      return { gpu: await on('auto'), cpu: await on('cpu') };
    };
    const embed = (embedder) => onBoth('embedOnDevice', { embedder: embedder.spec, batchSize: request.batchSize, passageCharacters: request.passageCharacters, batches: request.batches });
    const first = await embed(request.tiny.embedder);
    if (first.gpu.device !== 'webgpu') {
      skip('webgpu', first.gpu.adapter ? `the model stayed on the CPU${first.gpu.fallback ? `: ${first.gpu.fallback}` : ''}` : 'this browser offers no WebGPU adapter');
      return;
    }
    const { software, shaderF16 } = first.gpu.adapter;
    const adapter = software ? 'SwiftShader: correctness, not speed' : `hardware adapter${shaderF16 ? ', shader-f16' : ', no shader-f16'}`;
    const models = [{ ...request.tiny, measured: first }];
    if (software) skip('webgpu: the real shapes', 'the adapter is software: a real shape takes minutes there and says nothing of a GPU');
    else if (!request.hardware) skip('webgpu: the real shapes', 'the real-shape models are missing (needs ../shared/models/skeletons)');
    else {
      const missing = prepareGeneratorFile(request.hardware.generator);
      if (missing) skip(`webgpu: ${request.hardware.generator.spec.label}`, missing);
      models.push({ embedder: request.hardware.embedder, generator: missing ? undefined : request.hardware.generator });
    }
    results.webgpu = [];
    for (const { embedder, generator, measured } of models) {
      log(`webgpu: ${embedder.spec.label}, ${request.batchSize} passages per call, WebGPU (${adapter}) and WASM`);
      const embedding = measured ?? (await embed(embedder));
      rows.push({
        section: 'WebGPU',
        case: `${embedder.spec.label}, ${request.batchSize} passages of ${request.passageCharacters.toLocaleString('en-US')} characters per call (${adapter})`,
        figure: `WebGPU: p50 ${ms(embedding.gpu.batchMs.p50)} per call`,
        baseline: `WASM, 2 threads: p50 ${ms(embedding.cpu.batchMs.p50)}`,
        ratio: `speed-up ${ratio(embedding.cpu.batchMs.p50 / embedding.gpu.batchMs.p50)}`,
        notes: `the app's embedding model (loadEmbeddingModel), n=${embedding.gpu.batchMs.n} calls after one untimed; target on a hardware GPU ≥ 10x`,
      });
      results.webgpu.push({ embedder: embedder.spec.label, adapter: embedding.gpu.adapter, gpu: embedding.gpu, cpu: embedding.cpu });
      if (!generator) continue;
      log(`webgpu: ${generator.spec.label}, the app's AnswerWriter on WebGPU (${adapter}) and WASM`);
      const answer = await onBoth('generate', { generator: generator.spec, tokens: request.tokens, passages: request.passages, passageCharacters: request.passageCharacters });
      const where = answer.gpu.placement?.device === 'webgpu' ? 'WebGPU' : `WebGPU asked, ran on ${answer.gpu.placement?.device ?? '?'}${answer.gpu.placement?.fallback ? ` (${answer.gpu.placement.fallback})` : ''}`;
      rows.push({
        section: 'WebGPU',
        case: `${generator.spec.label}, RAG answer, ${answer.gpu.promptTokens}-token prompt (${adapter})`,
        figure: `${where}: first token ${ms(answer.gpu.firstTokenMs)}, ${num(answer.gpu.tokensPerSecond, 2)} tokens/s`,
        baseline: `WASM, 2 threads: first token ${ms(answer.cpu.firstTokenMs)}, ${num(answer.cpu.tokensPerSecond, 2)} tokens/s`,
        ratio: `speed-up ${ratio(answer.cpu.firstTokenMs / answer.gpu.firstTokenMs)} first token, ${ratio(answer.gpu.tokensPerSecond / answer.cpu.tokensPerSecond)} tokens/s`,
        notes: `${answer.gpu.generated} tokens streamed, then stop(); target on a hardware GPU for the WebGPU default's shape: first token < 1 s, ≥ 30 tokens/s`,
      });
      results.webgpu.push({ generator: generator.spec.label, gpu: answer.gpu, cpu: answer.cpu });
    }
  } finally {
    await gpuBrowser.close();
  }
}

/** Model time against model time: this file's session and a bare session of `baseline`'s file on the same feeds. */
function formatComparison(result, baseline) {
  const { firstTokenMs, tokensPerSecond, modelTokensPerSecond } = result.bare;
  return {
    baseline: `bare session of the ${baseline.spec.label} file on the same feeds, step by step: prefill ${ms(firstTokenMs)}, ${num(tokensPerSecond, 2)} tokens/s (this file, model time: prefill ${ms(result.prefillMs)}, ${num(modelTokensPerSecond, 2)} tokens/s)`,
    ratio: `${ratio(result.prefillMs / firstTokenMs)} prefill time, ${ratio(tokensPerSecond / modelTokensPerSecond)} per-token time (this file / the baseline's)`,
  };
}

const generationLabel = (model, threads) => `${model.spec.label}, ${threads} thread${threads > 1 ? 's' : ''}`;

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  log(`${smoke ? 'smoke' : 'full'} run: ${only.join(', ')}`);
  if (!options['skip-typecheck']) {
    log('type-checking the bench page against the app (tsc -p scripts/bench)');
    run('npx', ['tsc', '--noEmit', '-p', 'scripts/bench/tsconfig.json']);
  }
  log(`building the bench page (vite build --config scripts/bench/vite.bench.config.ts -> ${DIST})`);
  run('npx', ['vite', 'build', '--config', 'scripts/bench/vite.bench.config.ts'], { DOCENT_BENCH_DIST: DIST, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' });
  await writeTestModels(join(DIST, 'models'));
  const haveBenchModels = prepareBenchModels();
  const files = await prepareInputs();
  const plan = makePlan(haveBenchModels);

  const mounts = { '/bench-data/long.pdf': files.long.path, '/bench-data/prefix.pdf': files.prefix.path, '/bench-data/warm-up.pdf': join(INPUTS, 'warm-up.pdf') };
  if (haveBenchModels) mounts['/models/docent-bench/'] = join(BENCH_MODELS, 'docent-bench');
  server = await serveStatic({ root: DIST, port: Number(options.port), mounts });
  baseUrl = server.url;
  browser = await launchChromium();
  const environment = await inPage('environment', []);
  if (!environment.setup.crossOriginIsolated) console.warn('warning: the bench worker is not cross-origin isolated; ORT will run one thread');

  const meta = {
    date: new Date().toISOString(),
    mode: smoke ? 'smoke' : 'full',
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30) },
    node: process.version,
    chromium: browser.version(),
    userAgent: environment.result.userAgent,
    crossOriginIsolated: environment.setup.crossOriginIsolated,
    hardwareConcurrency: environment.setup.hardwareConcurrency,
    appDefaultThreads: environment.setup.appDefaultThreads,
  };
  log(`Chromium ${meta.chromium}, Node ${meta.node}, ${meta.machine.cpus} cores; isolated ${meta.crossOriginIsolated}, app's ORT threads ${meta.appDefaultThreads}`);
  if (loadavg()[0] > meta.machine.cpus + 1) console.warn(`warning: the machine is busy (load ${loadavg()[0].toFixed(1)} on ${meta.machine.cpus} cores): timings will be slower and noisier than on an idle one; see the load column.`);

  const sections = { extraction, ingestion, library, reranking, generation, webgpu, ocr };
  const failures = [];
  for (const name of SECTIONS) {
    if (!only.includes(name)) continue;
    if (name === 'ingestion' && plan.ingestion.length === 0) {
      skip('ingestion', 'the real-shape embedders are missing (needs ../shared/models/skeletons)');
      continue;
    }
    try {
      await sections[name](plan, files);
    } catch (error) {
      failures.push(`${name}: ${error.message}`);
      console.error(`[bench] ${name} failed: ${error.message}`);
    }
  }

  console.log(`\nDocent bench (${meta.mode}), ${meta.date}: Chromium ${meta.chromium}, Node ${meta.node}, ${meta.machine.cpus} cores (${meta.machine.cpuModel}), ${meta.machine.memoryGB} GB\n`);
  console.log(markdownTable(rows));
  // The bench itself keeps up to 2 cores busy; more than one core's worth beyond the cores is other work.
  const loaded = rows.filter((row) => row.load > meta.machine.cpus + 1).length;
  if (loaded) console.log(`\n${loaded} of ${rows.length} rows were measured with a 1-minute load average above ${meta.machine.cpus + 1} on ${meta.machine.cpus} cores (other processes): compare them with care.`);
  if (skipped.length) {
    console.log('\nSkipped:');
    for (const { what, why } of skipped) console.log(`- ${what}: ${why}`);
  }
  console.log(`\nTotal ${elapsed()}.`);
  if (options.json) {
    const path = resolve(options.json);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify({ meta, rows, skipped, failures, results }, null, 2)}\n`);
    console.log(`JSON written to ${path}`);
  }
  if (failures.length) {
    console.error(`\n${failures.length} section(s) failed to run:\n- ${failures.join('\n- ')}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  await server?.close();
  if (!process.env.DOCENT_BENCH_DIST) for (const folder of [DIST, INPUTS]) rmSync(folder, { recursive: true, force: true });
}
