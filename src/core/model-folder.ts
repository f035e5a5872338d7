// Checks a folder a person picked as their own model ("Use a model from this computer"): a transformers.js export
// (config.json, tokenizer files, onnx/*.onnx), and what Docent would load from it. Pure: the page reads the files,
// the models worker keeps them.
import { externalDataFiles, weightsFile, type Dtype, type ModelSpec, type ModelTask } from './models';

/** A file of the folder, its path relative to the folder (`onnx/model_q4.onnx`). */
export interface FolderFile {
  path: string;
  bytes: number;
}

/** The folder's small text files, read by the page for the check. */
export interface FolderTexts {
  config?: string;
  tokenizerConfig?: string;
}

export type FolderCheck = { ok: true; model: ModelSpec; files: string[] } | { ok: false; problems: string[] };

/** Own models live under this owner in the site's models folder (and so in the model cache): never on the hub. */
export const OWN_MODEL_OWNER = 'local';

/** Decoder-only model types whose exports may not name a `*ForCausalLM` architecture; those that do are known by it. */
const CAUSAL_LM_TYPES = new Set(['gpt2', 'gptj', 'gpt_bigcode', 'gpt_neo', 'gpt_neox', 'codegen', 'llama', 'qwen2', 'qwen3', 'mistral', 'phi', 'phi3', 'gemma', 'gemma2', 'gemma3_text', 'smollm3', 'lfm2', 'granite', 'granitemoehybrid', 'olmo2', 'stablelm']);

/** Whether a config.json describes a chat (text generation) model rather than an encoder. */
export function isCausalLm(config: { model_type?: string; architectures?: string[] }): boolean {
  return CAUSAL_LM_TYPES.has(config.model_type ?? '') || (config.architectures ?? []).some((name) => name.endsWith('ForCausalLM'));
}

/** Whether a config.json describes a cross-encoder (a reranker): a sequence classifier scoring text pairs. */
const isCrossEncoder = (config: { architectures?: unknown }) =>
  Array.isArray(config.architectures) && config.architectures.some((name) => typeof name === 'string' && name.endsWith('ForSequenceClassification'));

/** The weights Docent prefers per task and device, best first (see MODEL_CATALOG for why: q8 before q4 on the CPU). */
const CPU_PREFERENCE: Record<ModelTask, Dtype[]> = {
  generator: ['q8', 'q4', 'fp32', 'fp16', 'q4f16'],
  embedder: ['q8', 'fp32', 'fp16', 'q4'],
  reranker: ['q8', 'fp32', 'fp16', 'q4'],
};
const GPU_PREFERENCE: Record<ModelTask, Dtype[]> = { generator: ['q4f16', 'fp16', 'q4', 'fp32'], embedder: ['fp16', 'fp32'], reranker: ['fp16', 'fp32'] };
const SUFFIX_DTYPE: Record<string, Dtype> = { '': 'fp32', _fp16: 'fp16', _quantized: 'q8', _q4: 'q4', _q4f16: 'q4f16' };
const WEIGHTS_NAME = /^onnx\/(model|decoder_model_merged)(|_fp16|_quantized|_q4|_q4f16)\.onnx$/;
const OTHER_FORMATS: [RegExp, string][] = [
  [/\.safetensors$|\.bin$|\.pt$/, 'PyTorch weights (safetensors or .bin)'],
  [/\.gguf$/, 'GGUF weights (llama.cpp)'],
  [/\.mlmodel|\.tflite$/, 'weights for another runtime'],
];

const parse = (text: string | undefined): Record<string, unknown> | undefined => {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** A name usable in a URL path, from the folder's name. */
export const ownModelId = (folderName: string) => `${OWN_MODEL_OWNER}/${folderName.trim().replace(/[^\w.-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'model'}`;

export const isOwnModel = (id: string) => id.startsWith(`${OWN_MODEL_OWNER}/`);

/**
 * Which model the folder holds and the files Docent keeps of it, or every problem found, each naming the file or
 * setting at fault.
 */
export function checkModelFolder(folderName: string, files: FolderFile[], texts: FolderTexts): FolderCheck {
  const paths = new Set(files.map((file) => file.path));
  const problems: string[] = [];
  const config = parse(texts.config);
  if (!paths.has('config.json')) problems.push('config.json is missing: the folder must be a transformers.js export (config.json, tokenizer files, onnx/*.onnx).');
  else if (!config) problems.push('config.json is not valid JSON.');
  else if (typeof config.model_type !== 'string') problems.push('config.json does not say its model_type.');
  for (const name of ['tokenizer.json', 'tokenizer_config.json']) if (!paths.has(name)) problems.push(`${name} is missing.`);

  const weights = files.flatMap((file) => {
    const match = WEIGHTS_NAME.exec(file.path);
    return match && file.bytes > 0 ? [{ fileName: match[1], dtype: SUFFIX_DTYPE[match[2]] }] : [];
  });
  if (weights.length === 0) {
    const other = OTHER_FORMATS.find(([pattern]) => files.some((file) => pattern.test(file.path)));
    problems.push(
      other
        ? `The folder holds ${other[1]}, not ONNX: export the model for transformers.js first (onnx/model.onnx, or onnx/model_q4.onnx...).`
        : 'No ONNX weights: the folder needs onnx/model.onnx (or model_quantized, model_q4, model_q4f16, model_fp16).',
    );
  }
  if (problems.length || !config) return { ok: false, problems };

  const task: ModelTask = isCausalLm(config) ? 'generator' : isCrossEncoder(config) ? 'reranker' : 'embedder';
  if (task === 'generator') {
    const tokenizerConfig = parse(texts.tokenizerConfig);
    if (!tokenizerConfig) problems.push('tokenizer_config.json is not valid JSON.');
    else if (!tokenizerConfig.chat_template && !paths.has('chat_template.jinja')) problems.push('tokenizer_config.json has no chat_template: Docent needs one to write a chat for the model.');
  }
  // One file name (a v4 export's `model`, or a v2 export's `decoder_model_merged`), the first found.
  const fileName = weights[0].fileName;
  const available = new Set(weights.filter((each) => each.fileName === fileName).map((each) => each.dtype));
  const dtype = CPU_PREFERENCE[task].find((each) => available.has(each))!;
  const webgpuDtype = GPU_PREFERENCE[task].find((each) => available.has(each));
  const chosen = [...new Set([dtype, ...(webgpuDtype ? [webgpuDtype] : [])])];
  const weightsFiles = chosen.flatMap((each) => {
    const path = weightsFile({ dtype: each, fileName });
    return [path, ...externalDataFiles(path, config)];
  });
  for (const path of weightsFiles) if (!paths.has(path)) problems.push(`${path} is missing (config.json says the weights keep their data in it).`);
  if (problems.length) return { ok: false, problems };

  const model: ModelSpec = {
    id: ownModelId(folderName),
    task,
    label: `${folderName} (from this computer)`,
    dtype,
    ...(webgpuDtype ? { webgpuDtype } : {}),
    ...(fileName === 'model' ? {} : { fileName }),
    ...(task === 'generator' && typeof config.max_position_embeddings === 'number' ? { contextTokens: Math.min(config.max_position_embeddings, 4096) } : {}),
  };
  const kept = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'generation_config.json', 'special_tokens_map.json', 'chat_template.jinja'].filter((path) => paths.has(path));
  return { ok: true, model, files: [...kept, ...weightsFiles] };
}
