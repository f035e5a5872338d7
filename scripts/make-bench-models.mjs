// Writes random-weight models with the exact shapes and tokenizers of the real models Docent uses, for benchmarks
// whose compute cost must be honest (issue 7). Deterministic (seeded), offline, hub layout:
//   <out>/docent-bench/minilm-l6-shaped/{config.json, tokenizer*.json, onnx/model.onnx, onnx/model_quantized.onnx}
//   <out>/docent-bench/gte-small-shaped/...            (also the shape of bge-small-en-v1.5)
//   <out>/docent-bench/smollm-360m-shaped/{..., generation_config.json, onnx/decoder_model_merged_quantized.onnx}
//   <out>/docent-bench/granite-350m-shaped/{..., onnx/model_q4.onnx, onnx/model_quantized.onnx}
//   <out>/docent-bench/granite-1b-shaped/{..., onnx/model_q4.onnx + _data, onnx/model_quantized.onnx + _data}
//
//   node scripts/make-bench-models.mjs [--skeletons DIR] [--out DIR] [--only id,id] [--variants fp32,int8,q4]
//                                      [--fp32-generator]
//
// --skeletons: real config/tokenizer files (default <repo>/../shared/models/skeletons); missing -> skip, exit 0.
// --out: default <repo>/.cache/bench-models. --variants: the weight files to write instead of each model's default
// (see BENCH_MODELS). --fp32-generator: also write the decoders' fp32 files (SmolLM ~1.45 GB, Granite 350m ~1.41 GB;
// the 1b's, 6.5 GB, is over protobuf's 2 GB limit and refused).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_MODELS, skeletonFiles, writeBenchModel } from './lib/real-shape-models.mjs';
import { WEIGHT_FORMATS } from './lib/real-shape-ops.mjs';

// Defaults are relative to the repository; paths given on the command line, to the current folder.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    skeletons: { type: 'string', default: resolve(repo, '../shared/models/skeletons') },
    out: { type: 'string', default: resolve(repo, '.cache/bench-models') },
    only: { type: 'string' },
    variants: { type: 'string' },
    'fp32-generator': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('node scripts/make-bench-models.mjs [--skeletons DIR] [--out DIR] [--only id,id] [--variants fp32,int8,q4] [--fp32-generator]');
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
const requested = values.variants?.split(',').map((variant) => variant.trim()).filter(Boolean);
const badVariants = (requested ?? []).filter((variant) => !WEIGHT_FORMATS.includes(variant));
if (badVariants.length) {
  console.error(`Unknown variant(s): ${badVariants.join(', ')}. Known: ${WEIGHT_FORMATS.join(', ')}`);
  process.exit(2);
}
const out = resolve(values.out);
const megabytes = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

for (const id of ids) {
  const model = BENCH_MODELS[id];
  const decoder = model.architecture === 'llama';
  let variants = requested ?? model.variants;
  if (decoder && values['fp32-generator'] && !variants.includes('fp32')) variants = ['fp32', ...variants];
  if (!decoder) variants = variants.filter((variant) => variant !== 'q4');
  const missing = skeletonFiles(id).map((file) => resolve(skeletons, model.skeleton, file)).filter((path) => !existsSync(path));
  if (missing.length) {
    console.log(`Skipping ${id}: ${missing[0]} is missing.`);
    continue;
  }
  const report = writeBenchModel(id, { skeletons, out, variants });
  console.log(`${report.id} (shape of ${report.shapeOf}) -> ${report.folder}`);
  console.log(`  parameters from config.json: ${report.expectedParameters.toLocaleString('en-US')}`);
  for (const file of report.files) {
    const real = file.real ? `, real ${megabytes(file.real)} (${((100 * file.bytes) / file.real - 100).toFixed(2)}%)` : '';
    console.log(
      `  ${file.file}: ${file.parameters.toLocaleString('en-US')} parameters, ${megabytes(file.bytes)} (${file.bytes.toLocaleString('en-US')} bytes)${real}, ${file.seconds.toFixed(1)} s`,
    );
    if (file.dataFile) console.log(`  ${file.dataFile}: its weights, ${megabytes(file.externalBytes)} (${file.externalBytes.toLocaleString('en-US')} bytes)`);
  }
  if (decoder && !variants.includes('fp32')) console.log('  fp32 decoder skipped: pass --fp32-generator to write it.');
}
