// The one place that says which models Docent uses and how they are found.

export type ModelTask = 'embedder' | 'generator' | 'reranker';

/** What each model does, as the page names it. */
export const MODEL_ROLES: Record<ModelTask, string> = { embedder: 'Search model', generator: 'Chat model', reranker: 'Reranker' };

/** Weight formats, named as transformers.js 4 names them; each is its own file in the model's onnx/ folder. */
export type Dtype = 'fp32' | 'fp16' | 'q8' | 'q4' | 'q4f16';

/** The file name suffix transformers.js loads for each dtype (`onnx/model_quantized.onnx` for q8). */
const DTYPE_SUFFIX: Record<Dtype, string> = { fp32: '', fp16: '_fp16', q8: '_quantized', q4: '_q4', q4f16: '_q4f16' };
export const DTYPES = Object.keys(DTYPE_SUFFIX) as Dtype[];

export interface ModelSpec {
  /** A Hugging Face hub id, also the folder name under the site's own `models/` folder. */
  id: string;
  task: ModelTask;
  label: string;
  /** The weights loaded on the CPU (WASM); `q8`: int8, what the hub's transformers.js models have always shipped. */
  dtype: Dtype;
  /**
   * The weights loaded on WebGPU (f16 ones fall back to f32 activations where the adapter lacks shader-f16; see
   * runtime-plan.ts); absent: the model always runs on the CPU.
   */
  webgpuDtype?: Dtype;
  /**
   * The ONNX file's name before its dtype suffix, where it is not transformers.js 4's `model`: v2-era decoders ship
   * `decoder_model_merged`.
   */
  fileName?: string;
  /** Tokens the generator may see (prompt and answer together); Docent caps it to keep answers fast on CPUs. */
  contextTokens?: number;
  /**
   * Embedders: the cosine similarity at which a passage counts as relevant even without a word in common with the
   * question (see core/relevance.ts). Set high: below it, shared words decide. To be calibrated on real weights.
   */
  similarityFloor?: number;
  /**
   * Bytes of the ONNX weights per dtype (the bulk of a download), shown before a model is downloaded: the hub's
   * Git-LFS pointers where ../shared/models/skeletons/README.txt has them; for the others, the size of a file of the
   * exact shape and format that scripts/make-bench-models.mjs writes (docs/PERFORMANCE.md), hence "about".
   */
  weightsBytes?: Partial<Record<Dtype, number>>;
  /** Why the catalog offers it (shown in the Settings). */
  why?: string;
}

export const MODEL_CATALOG: readonly ModelSpec[] = [
  // gte-small: nDCG@10 0.727 on SciFact against all-MiniLM-L6-v2's 0.645, same 384 dimensions, no query prefix.
  // On the GPU the fp32 file (133 MB): int8 kernels are CPU kernels.
  { id: 'Xenova/gte-small', task: 'embedder', label: 'GTE small', dtype: 'q8', webgpuDtype: 'fp32', similarityFloor: 0.85, weightsBytes: { q8: 34_014_427, fp32: 133_093_491 }, why: 'The best of these three on SciFact (nDCG@10 0.727), small and English.' },
  { id: 'Xenova/bge-small-en-v1.5', task: 'embedder', label: 'BGE small v1.5', dtype: 'q8', webgpuDtype: 'fp32', similarityFloor: 0.75, why: 'Close to GTE small (0.713), the same size and shape.' },
  { id: 'Xenova/all-MiniLM-L6-v2', task: 'embedder', label: 'MiniLM L6 v2', dtype: 'q8', webgpuDtype: 'fp16', similarityFloor: 0.55, weightsBytes: { q8: 22_972_370, fp16: 45_297_825 }, why: 'Half the layers of GTE small: the fastest to index with, a little less exact (0.645).' },
  // IBM Granite 4.0 (October 2025, Apache-2.0), the dense "nano" models: built for retrieval-augmented answers and
  // instruction following. On the GPU q4f16. On the CPU int8 (q8), by measurement: beside q4 (MatMulNBits) on the same
  // prompts, q4 took 3.8x (350M, paired step by step) and 4.0x (1B) the time per token and 1.1-1.3x the prefill, and
  // its files are no smaller (a q4 export keeps the embedding table in fp32). docs/PERFORMANCE.md.
  {
    id: 'onnx-community/granite-4.0-350m-ONNX-web',
    task: 'generator',
    label: 'Granite 4.0 350M',
    dtype: 'q8',
    webgpuDtype: 'q4f16',
    contextTokens: 4096,
    why: 'The default without a GPU: 350M parameters answer a cited question at a usable pace on a laptop CPU.',
  },
  {
    id: 'onnx-community/granite-4.0-1b-ONNX-web',
    task: 'generator',
    label: 'Granite 4.0 1B',
    dtype: 'q8',
    webgpuDtype: 'q4f16',
    contextTokens: 8192,
    why: 'The default on a GPU: 1.6B parameters write better answers over longer context; slow on a CPU.',
  },
  {
    id: 'Xenova/Qwen1.5-0.5B-Chat',
    task: 'generator',
    label: 'Qwen1.5 0.5B Chat (2024)',
    dtype: 'q8',
    fileName: 'decoder_model_merged',
    contextTokens: 2048,
    why: "Docent's first chat model, kept for libraries that chose it.",
  },
  // A cross-encoder reads the question and a passage together: it reorders the best candidates of the search.
  {
    id: 'Xenova/ms-marco-MiniLM-L-6-v2',
    task: 'reranker',
    label: 'MS MARCO MiniLM L6',
    dtype: 'q8',
    webgpuDtype: 'fp32',
    weightsBytes: { q8: 22_964_196 },
    why: 'A small cross-encoder trained on MS MARCO questions: it reorders the 24 best passages by how well each answers the question.',
  },
  // Generated by scripts/make-test-models.mjs for tests and trying the app without downloads; not useful answers.
  { id: 'docent-test/tiny-embedder', task: 'embedder', label: 'Test embedder (generated)', dtype: 'fp32', webgpuDtype: 'fp32', similarityFloor: 0.5 },
  { id: 'docent-test/tiny-embedder-b', task: 'embedder', label: 'Second test embedder (generated)', dtype: 'fp32', webgpuDtype: 'fp32', similarityFloor: 0.5 },
  { id: 'docent-test/tiny-chat', task: 'generator', label: 'Test chat model (generated)', dtype: 'fp32', webgpuDtype: 'fp32', contextTokens: 2048 },
  { id: 'docent-test/tiny-chat-endless', task: 'generator', label: 'Endless test chat model (generated)', dtype: 'fp32', webgpuDtype: 'fp32', contextTokens: 2048 },
  { id: 'docent-test/tiny-chat-hostile', task: 'generator', label: 'Hostile test chat model (generated)', dtype: 'fp32', webgpuDtype: 'fp32', contextTokens: 2048 },
  { id: 'docent-test/tiny-reranker', task: 'reranker', label: 'Test reranker (generated)', dtype: 'fp32', webgpuDtype: 'fp32' },
  { id: 'docent-test/tiny-chat-gpu-fails', task: 'generator', label: 'Test chat model the GPU fails (generated)', dtype: 'fp32', webgpuDtype: 'q4', contextTokens: 2048 },
];

/** The chat model follows the device (a person's own choice wins): the stronger one where a GPU runs it. */
export const DEFAULT_MODELS = {
  embedder: 'Xenova/gte-small',
  generator: { cpu: 'onnx-community/granite-4.0-350m-ONNX-web', gpu: 'onnx-community/granite-4.0-1b-ONNX-web' },
  reranker: 'Xenova/ms-marco-MiniLM-L-6-v2',
} as const;

/** Room kept for the answer inside the generator's context. */
export const MAX_ANSWER_TOKENS = 384;
const FALLBACK_CONTEXT_TOKENS = 2048;

/** Chooses no model for a task that can do without: no chat model (answers are the passages' key sentences), no reranker. */
export const NO_MODEL = 'none';

/** For an embedder outside the catalog, only near-identical meaning counts without shared words. */
const DEFAULT_SIMILARITY_FLOOR = 0.9;

export interface ModelChoice {
  embedder: ModelSpec;
  generator: ModelSpec | null;
  reranker: ModelSpec | null;
}

/**
 * A catalog entry (or one of `known`: a person's own models), or, for any other transformers.js model id, a spec
 * with the hub's defaults.
 */
export function resolveModel(task: ModelTask, id: string, known: readonly ModelSpec[] = []): ModelSpec {
  return [...MODEL_CATALOG, ...known].find((spec) => spec.id === id && spec.task === task) ?? { id, task, label: id, dtype: 'q8' };
}

/**
 * The models to use: the chosen ids, else the defaults; `gpu` says whether a hardware GPU will run the chat model
 * (not a software adapter, and not a person who chose the CPU); `known`, a person's own models.
 */
export function chooseModels(ids: Partial<Record<ModelTask, string>>, gpu = false, known: readonly ModelSpec[] = []): ModelChoice {
  const optional = (task: 'generator' | 'reranker', id: string) => (id === NO_MODEL ? null : resolveModel(task, id, known));
  return {
    embedder: resolveModel('embedder', ids.embedder ?? DEFAULT_MODELS.embedder, known),
    generator: optional('generator', ids.generator ?? DEFAULT_MODELS.generator[gpu ? 'gpu' : 'cpu']),
    reranker: optional('reranker', ids.reranker ?? DEFAULT_MODELS.reranker),
  };
}

/** The ONNX weights file a model loads, as transformers.js 4 names it. */
export const weightsFile = (model: Pick<ModelSpec, 'dtype' | 'fileName'>): string => `onnx/${model.fileName ?? 'model'}${DTYPE_SUFFIX[model.dtype]}.onnx`;

/**
 * The external data files of a weights file (`onnx/model_q4f16.onnx_data`, `..._data_1`...), as transformers.js 4 reads
 * them from config.json's `transformers.js_config.use_external_data_format`: true or a count for every weights file,
 * or per file (`{"model_q4f16.onnx": 2}` or by base name `{"model": 1}`). Models over 2 GB need them (protobuf's limit).
 */
export function externalDataFiles(weightsPath: string, config: unknown): string[] {
  const format = (config as { 'transformers.js_config'?: { use_external_data_format?: unknown } } | null)?.['transformers.js_config']?.use_external_data_format;
  const fullName = weightsPath.slice(weightsPath.lastIndexOf('/') + 1);
  const baseName = fullName.replace(/(_fp16|_quantized|_q4f16|_q4|_int8|_uint8|_bnb4|_q8)?\.onnx$/, '');
  const perFile = typeof format === 'object' && format !== null ? (format as Record<string, unknown>) : undefined;
  const count = Number(perFile ? (perFile[fullName] ?? perFile[baseName] ?? 0) : (format ?? 0));
  return Array.from({ length: Number.isInteger(count) && count > 0 ? count : 0 }, (_, i) => `${weightsPath}_data${i === 0 ? '' : `_${i}`}`);
}

/** The bytes of the weights a model loads in `dtype`, where the catalog knows them. */
export const weightsBytes = (model: ModelSpec, dtype: Dtype = model.dtype): number | undefined => model.weightsBytes?.[dtype];

export const similarityFloor = (embedder: ModelSpec) => embedder.similarityFloor ?? DEFAULT_SIMILARITY_FLOOR;

export function promptBudget(generator: ModelSpec): number {
  return (generator.contextTokens ?? FALLBACK_CONTEXT_TOKENS) - MAX_ANSWER_TOKENS;
}

/** Where model files come from: the site's own folder first (self-hosting), then the hub. */
export interface ModelSources {
  /** Absolute URL of the site's `models/` folder. */
  localModelsUrl: string;
  /** The hub, or a mirror laid out like it. */
  remoteHost: string;
}

export const HUGGING_FACE_HUB = 'https://huggingface.co/';
