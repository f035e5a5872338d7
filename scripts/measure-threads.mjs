// Measures the speed-up of 2 ONNX Runtime threads over 1 for Docent's embedding call, in Chromium, cross-origin
// isolated (the only way ORT gets threads): a batch of 16 passages of ~250 tokens through transformers.js feature
// extraction in a module worker, 1 and 2 threads alternately, each in a fresh worker.
//
//   node scripts/make-bench-models.mjs --only gte-small-shaped     (random weights, Xenova/gte-small's exact shape)
//   node scripts/measure-threads.mjs [--model docent-bench/gte-small-shaped] [--fp32] [--runs 5] [--rounds 2]
//
// Models are read from .cache/bench-models (the generated test models: --model docent-test/tiny-embedder --fp32
// --models public/models after `npm run models:test`).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/headless-chromium.mjs';
import { createServer } from 'vite';

/* global window -- page.evaluate callbacks run in the page */

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'docent-bench/gte-small-shaped' },
    models: { type: 'string', default: join(repo, '.cache/bench-models') },
    fp32: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '2' },
  },
});
if (!existsSync(join(values.models, values.model, 'config.json'))) {
  console.error(`No model at ${join(values.models, values.model)}: run node scripts/make-bench-models.mjs --only gte-small-shaped`);
  process.exit(2);
}

// ~250 gte-small tokens per passage: varied English prose, as a document's passages are.
const WORDS = `harbor lighthouse keeper fisheries council quota spring customs house almanac tide ferry timetable island
  captain parrot bridge morning evening storm season cargo herring mackerel net boat crew dock warehouse market town
  mayor school library church bell tower road bridge river valley hill forest farm field orchard mill bakery bread`.split(/\s+/);
const passage = (seed) =>
  Array.from({ length: 218 }, (_, i) => WORDS[(seed * 31 + i * 17 + ((i * i) % 7)) % WORDS.length] + (i % 12 === 11 ? '.' : '')).join(' ');
const passages = Array.from({ length: 16 }, (_, i) => passage(i + 1));

const server = await createServer({
  configFile: false,
  root: join(repo, 'scripts/measure-threads'),
  cacheDir: join(repo, 'node_modules/.cache/docent-measure-threads'),
  logLevel: 'warn',
  server: {
    host: '127.0.0.1',
    port: 0,
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  },
  worker: { format: 'es' },
  optimizeDeps: { include: ['@xenova/transformers'] },
  plugins: [
    {
      name: 'bench-models',
      configureServer(dev) {
        const root = resolve(values.models);
        dev.middlewares.use('/models', (request, response) => {
          const file = normalize(join(root, decodeURIComponent(new URL(request.url, 'http://host').pathname)));
          const stat = file.startsWith(root) && existsSync(file) ? statSync(file) : undefined;
          if (!stat?.isFile()) return void response.writeHead(404).end();
          response.writeHead(200, { 'Content-Length': stat.size, 'Cross-Origin-Resource-Policy': 'same-origin' });
          createReadStream(file).pipe(response);
        });
      },
    },
  ],
});
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'measure' in window, null, { timeout: 120_000 });
  if (!(await page.evaluate(() => window.isolated))) throw new Error('The page is not cross-origin isolated: ORT would run one thread.');
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const results = { 1: [], 2: [] };
  let tokens = 0;
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const threads of [1, 2]) {
      const result = await page.evaluate((request) => window.measure(request), {
        model: values.model,
        quantized: !values.fp32,
        threads,
        passages,
        runs: Number(values.runs),
      });
      if (!result.isolated) throw new Error('The worker is not cross-origin isolated.');
      tokens = result.tokensPerPassage;
      results[threads].push(...result.batchMs);
      console.log(`round ${round + 1}, ${threads} thread(s) (${result.wasm.join(', ')}): ${result.batchMs.map((ms) => ms.toFixed(0)).join(', ')} ms per batch`);
    }
  }
  const one = median(results[1]);
  const two = median(results[2]);
  console.log(
    `\n${values.model} (${values.fp32 ? 'fp32' : 'int8'}), batch of 16 passages of ${tokens.toFixed(0)} tokens, Chromium, cross-origin isolated:` +
      `\n  1 thread:  median ${one.toFixed(0)} ms per batch (${results[1].length} batches)` +
      `\n  2 threads: median ${two.toFixed(0)} ms per batch (${results[2].length} batches)` +
      `\n  speed-up:  ${(one / two).toFixed(2)}x`,
  );
} finally {
  await browser.close();
  await server.close();
}
