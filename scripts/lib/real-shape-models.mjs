// Random-weight models with the exact shape and tokenizer of real ones, for honest benchmark timings. Config and
// tokenizer files are read from the skeletons folder (real files, no weights) at generation time and written next to
// the generated ONNX files in the hub layout transformers.js loads: <out>/docent-bench/<id>/...
// The Granite models have no skeleton: their config is in real-shape-granite.mjs, their tokenizer is SmolLM's, padded.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bertEncoder, bertParameterCount } from './real-shape-bert.mjs';
import { GRANITE_CONFIGS, graniteConfig, graniteTokenizerFiles } from './real-shape-granite.mjs';
import { llamaDecoder, llamaParameterCount } from './real-shape-llama.mjs';
import { modelFileBytes, writeModel } from './real-shape-writer.mjs';

export const BENCH_OWNER = 'docent-bench';

/**
 * `skeleton`: the folder (under the skeletons folder) with the real config and tokenizer files; for Granite, only the
 * tokenizer's (`granite`: the config it is shaped from). `variants`: the weight files written by default.
 * `real`: sizes of the real ONNX files where known (from their Git-LFS pointers, skeletons/README.txt).
 */
export const BENCH_MODELS = {
  'minilm-l6-shaped': {
    skeleton: 'Xenova/all-MiniLM-L6-v2',
    architecture: 'bert',
    variants: ['fp32', 'int8'],
    real: { 'onnx/model.onnx': 90_387_606, 'onnx/model_quantized.onnx': 22_972_370 },
  },
  'gte-small-shaped': {
    skeleton: 'Xenova/gte-small',
    architecture: 'bert',
    variants: ['fp32', 'int8'],
    real: { 'onnx/model.onnx': 133_093_491, 'onnx/model_quantized.onnx': 34_014_427 },
  },
  // ms-marco-MiniLM-L-6-v2 is BertForSequenceClassification over all-MiniLM-L6-v2's shape (6 layers, 384 wide,
  // 12 heads, MLP 1536, BERT's 30,522-piece vocabulary), with one logit: the skeleton's config and tokenizer serve.
  'ms-marco-minilm-l6-shaped': {
    shapeOf: 'Xenova/ms-marco-MiniLM-L-6-v2',
    skeleton: 'Xenova/all-MiniLM-L6-v2',
    architecture: 'bert',
    crossEncoder: true,
    variants: ['int8'],
    real: {},
  },
  // cross-encoder/ms-marco-TinyBERT-L-2-v2 (google/bert_uncased_L-2_H-128_A-2 fine-tuned on MS MARCO): BERT's
  // vocabulary and tokenizer, 2 layers 128 wide, 2 heads, MLP 512; ~4.4M parameters, most of them the embeddings.
  'tinybert-l2-reranker-shaped': {
    shapeOf: 'cross-encoder/ms-marco-TinyBERT-L-2-v2',
    skeleton: 'Xenova/all-MiniLM-L6-v2',
    architecture: 'bert',
    crossEncoder: true,
    shape: { hidden_size: 128, num_hidden_layers: 2, num_attention_heads: 2, intermediate_size: 512 },
    variants: ['int8'],
    real: {},
  },
  'smollm-360m-shaped': {
    skeleton: 'a420/SmolLM-360M-Instruct-ONNX',
    architecture: 'llama',
    // The v2-era file name (transformers.js 4 loads it with model_file_name 'decoder_model_merged').
    fileBase: 'decoder_model_merged',
    variants: ['int8'],
    real: {},
  },
  'granite-350m-shaped': {
    shapeOf: 'onnx-community/granite-4.0-350m-ONNX-web',
    skeleton: 'a420/SmolLM-360M-Instruct-ONNX',
    granite: GRANITE_CONFIGS['350m'],
    architecture: 'llama',
    variants: ['q4', 'int8'],
    real: {},
  },
  'granite-1b-shaped': {
    shapeOf: 'onnx-community/granite-4.0-1b-ONNX-web',
    skeleton: 'a420/SmolLM-360M-Instruct-ONNX',
    granite: GRANITE_CONFIGS['1b'],
    architecture: 'llama',
    variants: ['q4', 'int8'],
    // Weights in onnx/model_q4.onnx_data: as one 1.84 GB file, ONNX Runtime Web runs out of wasm's 4 GB creating the
    // session (std::bad_alloc: the file's bytes and the tensors made from them are both in wasm memory).
    externalData: ['q4', 'int8'],
    real: {},
  },
};

const COPIED_FILES = ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'generation_config.json'];

/** The files a model needs from the skeletons folder. */
export function skeletonFiles(id) {
  return BENCH_MODELS[id].granite ? ['tokenizer.json'] : ['config.json'];
}

/** config.json as written: the skeleton's, or Granite's; `overrides` (tests) change it, e.g. fewer layers. */
export function readSkeletonConfig(skeletons, id, overrides = {}) {
  const model = BENCH_MODELS[id];
  if (model.granite) return { ...graniteConfig(model.granite, overrides), ...externalDataConfig(id) };
  const crossEncoder = model.crossEncoder ? { architectures: ['BertForSequenceClassification'], num_labels: 1, id2label: { 0: 'LABEL_0' }, label2id: { LABEL_0: 0 } } : {};
  return { ...JSON.parse(readFileSync(join(skeletons, model.skeleton, 'config.json'), 'utf8')), ...crossEncoder, ...model.shape, ...overrides };
}

/** Parameter count derived from config.json alone (independent of the graph builders' own bookkeeping). */
export function expectedParameterCount(id, config) {
  return BENCH_MODELS[id].architecture === 'bert' ? bertParameterCount(config, { classifier: BENCH_MODELS[id].crossEncoder }) : llamaParameterCount(config);
}

/** The graph and weight plan of one variant ('fp32', 'int8', 'q4'), without generating or writing any weight. */
export function buildBenchModel(id, config, variant) {
  if (BENCH_MODELS[id].architecture === 'bert') {
    if (variant === 'q4') throw new Error(`${id}: no q4 encoder`);
    return bertEncoder(config, { quantized: variant === 'int8', classifier: BENCH_MODELS[id].crossEncoder });
  }
  return llamaDecoder(config, { weights: variant });
}

/** File names per variant, as transformers.js 4 names them (dtype q8 -> _quantized, q4 -> _q4). */
export function onnxFiles(id) {
  const base = BENCH_MODELS[id].fileBase ?? 'model';
  return { fp32: `onnx/${base}.onnx`, int8: `onnx/${base}_quantized.onnx`, q4: `onnx/${base}_q4.onnx` };
}

/** The external data file of a variant written with one (`model_q4.onnx_data`, transformers.js's name), or undefined. */
export function externalDataFile(id, variant) {
  return BENCH_MODELS[id].externalData?.includes(variant) ? `${basename(onnxFiles(id)[variant])}_data` : undefined;
}

/** config.json's note for transformers.js: which files have their weights in one external data file. */
function externalDataConfig(id) {
  const variants = BENCH_MODELS[id].externalData ?? [];
  if (!variants.length) return {};
  return { 'transformers.js_config': { use_external_data_format: Object.fromEntries(variants.map((v) => [basename(onnxFiles(id)[v]), 1])) } };
}

/**
 * The sizes of a variant's files ({bytes, externalBytes}: the .onnx file and its external data, 0 without), computed
 * without generating a weight (the 1b's q4 takes a minute and a half to write).
 */
export function benchFileBytes(id, config, variant) {
  const { graph, plan } = buildBenchModel(id, config, variant);
  return modelFileBytes(graph, plan, `${id}-${variant}`, { externalData: externalDataFile(id, variant) });
}

function writeTextFiles(id, source, folder, config) {
  writeFileSync(join(folder, 'config.json'), JSON.stringify(config, null, 2));
  if (BENCH_MODELS[id].granite) {
    for (const [file, text] of Object.entries(graniteTokenizerFiles(source, config))) writeFileSync(join(folder, file), text);
    return;
  }
  for (const file of COPIED_FILES) {
    if (existsSync(join(source, file))) writeFileSync(join(folder, file), readFileSync(join(source, file)));
  }
}

/**
 * Writes one bench model. `variants`: which of 'fp32', 'int8', 'q4' to write (default: the model's own list).
 * `configOverrides` (tests) changes the config before building, e.g. fewer layers; the written config.json carries
 * the change. Returns {id, folder, parameters, expectedParameters, files: [{file, bytes, dataFile?, externalBytes?,
 * real, seconds, parameters}]}.
 */
export function writeBenchModel(id, { skeletons, out, variants, configOverrides = {} }) {
  const model = BENCH_MODELS[id];
  if (!model) throw new Error(`Unknown bench model ${id}; known: ${Object.keys(BENCH_MODELS).join(', ')}`);
  const config = readSkeletonConfig(skeletons, id, configOverrides);
  const folder = join(out, BENCH_OWNER, id);
  mkdirSync(join(folder, 'onnx'), { recursive: true });
  writeTextFiles(id, join(skeletons, model.skeleton), folder, config);
  const files = [];
  for (const variant of variants ?? model.variants) {
    const file = onnxFiles(id)[variant];
    const started = performance.now();
    const { graph, plan } = buildBenchModel(id, config, variant);
    const dataFile = externalDataFile(id, variant);
    const { bytes, externalBytes } = writeModel(join(folder, file), graph, plan, `${id}-${variant}`, { externalData: dataFile });
    if (statSync(join(folder, file)).size !== bytes) throw new Error(`${file}: size mismatch`);
    const external = dataFile ? { dataFile: `onnx/${dataFile}`, externalBytes } : {};
    files.push({ file, variant, bytes, ...external, real: model.real[file], parameters: plan.parameterCount(), seconds: (performance.now() - started) / 1000 });
  }
  // A small record of what the folder holds (kept across runs that write only some variants).
  const recordPath = join(folder, 'docent-bench.json');
  const previous = existsSync(recordPath) ? JSON.parse(readFileSync(recordPath, 'utf8')) : null;
  const sameConfig = previous && JSON.stringify(previous.config) === JSON.stringify(config);
  const kept = sameConfig ? previous.files.filter((entry) => !files.some((f) => f.file === entry.file)) : [];
  const report = {
    id: `${BENCH_OWNER}/${id}`,
    shapeOf: model.shapeOf ?? model.skeleton,
    randomWeights: true,
    expectedParameters: expectedParameterCount(id, config),
    files: [...kept, ...files.map(({ file, bytes, dataFile, externalBytes, parameters }) => ({ file, bytes, dataFile, externalBytes, parameters }))],
    config,
  };
  writeFileSync(recordPath, JSON.stringify(report, null, 2));
  return { ...report, folder, files };
}
