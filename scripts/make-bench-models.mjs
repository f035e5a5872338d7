// Writes random-weight models with the exact shapes and tokenizers of the real models Docent uses, for benchmarks
// whose compute cost must be honest (issue 7). Deterministic (seeded), offline, hub layout:
//   <out>/docent-bench/minilm-l6-shaped/{config.json, tokenizer*.json, onnx/model.onnx, onnx/model_quantized.onnx}
//   <out>/docent-bench/gte-small-shaped/...            (also the shape of bge-small-en-v1.5)
//   <out>/docent-bench/smollm-360m-shaped/{..., generation_config.json, onnx/decoder_model_merged_quantized.onnx}
//
//   node scripts/make-bench-models.mjs [--skeletons DIR] [--out DIR] [--only id,id] [--fp32-generator]
//
// --skeletons: real config/tokenizer files (default <repo>/../shared/models/skeletons); missing -> skip, exit 0.
// --out: default <repo>/.cache/bench-models. --fp32-generator: also write the SmolLM fp32 decoder (~1.45 GB).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_MODELS, writeBenchModel } from './lib/real-shape-models.mjs';

// Defaults are relative to the repository; paths given on the command line, to the current folder.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    skeletons: { type: 'string', default: resolve(repo, '../shared/models/skeletons') },
    out: { type: 'string', default: resolve(repo, '.cache/bench-models') },
    only: { type: 'string' },
    'fp32-generator': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('node scripts/make-bench-models.mjs [--skeletons DIR] [--out DIR] [--only id,id] [--fp32-generator]');
  console.log(`models: ${Object.keys(BENCH_MODELS).join(', ')}`);
  process.exit(0);
}

const skeletons = resolve(values.skeletons);
if (!existsSync(skeletons)) {
  console.log(`Skipping bench models: no skeletons folder at ${skeletons} (real config/tokenizer files; see --skeletons).`);
  process.exit(0);
}
const ids = values.only ? values.only.split(',').map((id) => id.trim()).filter(Boolean) : Object.keys(BENCH_MODELS);
const unknown = ids.filter((id) => !BENCH_MODELS[id]);
if (unknown.length) {
  console.error(`Unknown model(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCH_MODELS).join(', ')}`);
  process.exit(2);
}
const out = resolve(values.out);
const megabytes = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

for (const id of ids) {
  const decoder = BENCH_MODELS[id].architecture === 'llama';
  const variants = decoder && !values['fp32-generator'] ? ['int8'] : ['fp32', 'int8'];
  const missing = [BENCH_MODELS[id].skeleton].filter((folder) => !existsSync(resolve(skeletons, folder, 'config.json')));
  if (missing.length) {
    console.log(`Skipping ${id}: ${resolve(skeletons, missing[0])} has no config.json.`);
    continue;
  }
  const report = writeBenchModel(id, { skeletons, out, variants });
  console.log(`${report.id} (shape of ${report.shapeOf}) -> ${report.folder}`);
  console.log(`  parameters from config.json: ${report.expectedParameters.toLocaleString('en-US')}`);
  for (const file of report.files) {
    const real = file.real ? `, real ${megabytes(file.real)} (${((100 * file.bytes) / file.real - 100).toFixed(2)}%)` : '';
    console.log(
      `  ${file.file}: ${file.parameters.toLocaleString('en-US')} parameters, ${megabytes(file.bytes)}${real}, ${file.seconds.toFixed(1)} s`,
    );
  }
  if (decoder && !values['fp32-generator']) console.log('  fp32 decoder skipped (~1.45 GB): pass --fp32-generator to write it.');
}
