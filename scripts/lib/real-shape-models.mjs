// Random-weight models with the exact shape and tokenizer of real ones, for honest benchmark timings. Config and
// tokenizer files are read from the skeletons folder (real files, no weights) at generation time and written next to
// the generated ONNX files in the hub layout transformers.js 2.17 loads: <out>/docent-bench/<id>/...
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bertEncoder, bertParameterCount } from './real-shape-bert.mjs';
import { llamaDecoder, llamaParameterCount } from './real-shape-llama.mjs';
import { writeModel } from './real-shape-writer.mjs';

export const BENCH_OWNER = 'docent-bench';

/** Sizes of the real ONNX files (from their Git-LFS pointers, skeletons/README.txt). */
export const BENCH_MODELS = {
  'minilm-l6-shaped': {
    skeleton: 'Xenova/all-MiniLM-L6-v2',
    architecture: 'bert',
    real: { 'onnx/model.onnx': 90_387_606, 'onnx/model_quantized.onnx': 22_972_370 },
  },
  'gte-small-shaped': {
    skeleton: 'Xenova/gte-small',
    architecture: 'bert',
    real: { 'onnx/model.onnx': 133_093_491, 'onnx/model_quantized.onnx': 34_014_427 },
  },
  'smollm-360m-shaped': {
    skeleton: 'a420/SmolLM-360M-Instruct-ONNX',
    architecture: 'llama',
    real: {},
  },
};

const COPIED_FILES = ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'generation_config.json'];

export function readSkeletonConfig(skeletons, id) {
  return JSON.parse(readFileSync(join(skeletons, BENCH_MODELS[id].skeleton, 'config.json'), 'utf8'));
}

/** Parameter count derived from config.json alone (independent of the graph builders' own bookkeeping). */
export function expectedParameterCount(id, config) {
  return BENCH_MODELS[id].architecture === 'bert' ? bertParameterCount(config) : llamaParameterCount(config);
}

/** The graph and weight plan of one variant, without generating or writing any weight. */
export function buildBenchModel(id, config, { quantized }) {
  return BENCH_MODELS[id].architecture === 'bert' ? bertEncoder(config, { quantized }) : llamaDecoder(config, { quantized });
}

export function onnxFiles(id) {
  const base = BENCH_MODELS[id].architecture === 'bert' ? 'model' : 'decoder_model_merged';
  return { fp32: `onnx/${base}.onnx`, int8: `onnx/${base}_quantized.onnx` };
}

/**
 * Writes one bench model. `variants`: which of 'fp32', 'int8' to write. `configOverrides` (tests) changes the
 * config before building, e.g. fewer layers; the written config.json carries the change.
 * Returns {id, folder, parameters, expectedParameters, files: [{file, bytes, real, seconds, parameters}]}.
 */
export function writeBenchModel(id, { skeletons, out, variants = ['fp32', 'int8'], configOverrides = {} }) {
  const model = BENCH_MODELS[id];
  if (!model) throw new Error(`Unknown bench model ${id}; known: ${Object.keys(BENCH_MODELS).join(', ')}`);
  const source = join(skeletons, model.skeleton);
  const config = { ...readSkeletonConfig(skeletons, id), ...configOverrides };
  const folder = join(out, BENCH_OWNER, id);
  mkdirSync(join(folder, 'onnx'), { recursive: true });
  writeFileSync(join(folder, 'config.json'), JSON.stringify(config, null, 2));
  for (const file of COPIED_FILES) {
    if (existsSync(join(source, file))) writeFileSync(join(folder, file), readFileSync(join(source, file)));
  }
  const files = [];
  for (const variant of variants) {
    const file = onnxFiles(id)[variant];
    const started = performance.now();
    const { graph, plan } = buildBenchModel(id, config, { quantized: variant === 'int8' });
    const bytes = writeModel(join(folder, file), graph, plan, `${id}-${variant}`);
    if (statSync(join(folder, file)).size !== bytes) throw new Error(`${file}: size mismatch`);
    files.push({ file, variant, bytes, real: model.real[file], parameters: plan.parameterCount(), seconds: (performance.now() - started) / 1000 });
  }
  // A small record of what the folder holds (kept across runs that write only some variants).
  const recordPath = join(folder, 'docent-bench.json');
  const previous = existsSync(recordPath) ? JSON.parse(readFileSync(recordPath, 'utf8')) : null;
  const sameConfig = previous && JSON.stringify(previous.config) === JSON.stringify(config);
  const kept = sameConfig ? previous.files.filter((entry) => !files.some((f) => f.file === entry.file)) : [];
  const report = {
    id: `${BENCH_OWNER}/${id}`,
    shapeOf: model.skeleton,
    randomWeights: true,
    expectedParameters: expectedParameterCount(id, config),
    files: [...kept, ...files.map(({ file, bytes, parameters }) => ({ file, bytes, parameters }))],
    config,
  };
  writeFileSync(recordPath, JSON.stringify(report, null, 2));
  return { ...report, folder, files };
}
