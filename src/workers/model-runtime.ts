// The one module of the app that imports transformers.js (@huggingface/transformers 4, the maintained line of the v2
// package @xenova/transformers). Everything else asks it for a loaded model and sees only the types below: changing
// the runtime, a device or a weight format touches this file.
import {
  AutoModelForSequenceClassification,
  AutoTokenizer,
  env,
  InterruptableStoppingCriteria,
  pipeline,
  type FeatureExtractionPipeline,
  type TextGenerationPipeline,
} from '@huggingface/transformers';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import ortWasmFactory from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import type { ModelSources, ModelSpec } from '../core/models';
import type { ChatMessage } from '../core/prompt';
import type { DevicePreference, Placement, RuntimePlan } from '../core/runtime-plan';
import { detectGpu } from '../platform/webgpu';
import { modelCacheFor } from './models/active-cache';
import { DownloadMeter } from './models/download-meter';
import type { LoadProgress } from './models/download-progress';
import { isolateRuntimeFailures } from './ort-failure-isolation';
import { PlacedModel } from './placed-model';

const downloads = new DownloadMeter((input, init) => fetch(input, init));

/**
 * Points transformers.js at Docent's model sources and at the ONNX Runtime wasm this site serves itself (its default
 * is a CDN, which would break offline use and leak requests). Must run before the first model is loaded: ONNX
 * Runtime fixes its thread count (`threads`, else the app's choice; returned) when its wasm starts.
 */
export function configureRuntime(sources: ModelSources, threads?: number): number {
  isolateRuntimeFailures();
  env.allowLocalModels = true;
  // A path, not a URL: transformers.js skips its local lookup (and loads no tokenizer) for an http(s) model path.
  env.localModelPath = new URL(sources.localModelsUrl).pathname;
  env.allowRemoteModels = true;
  env.remoteHost = sources.remoteHost;
  env.fetch = downloads.fetch;
  // The same Cache Storage cache transformers.js uses by itself ('transformers-cache'), behind checks: damaged files
  // are removed and fetched again, a full quota keeps no half model and is reported (models/checked-cache.ts).
  // Files from the site's folder come with path-only keys (the model path above): they are kept under full URLs.
  const cache = modelCacheFor(sources);
  const keyOf = (key: string) => new URL(key, self.location.href).href;
  env.useBrowserCache = false;
  env.useCustomCache = true;
  env.customCache = { match: (key: string) => cache.match(keyOf(key)), put: (key: string, response: Response) => cache.put(keyOf(key), response) };
  // ONNX Runtime's wasm is precached by the site's service worker; a second copy in the model cache would be waste.
  env.useWasmCache = false;
  const wasm = env.backends.onnx.wasm!;
  wasm.wasmPaths = { wasm: ortWasm, mjs: ortWasmFactory };
  // Threads need SharedArrayBuffer, which only cross-origin isolated pages have; ORT's own default is one thread.
  wasm.numThreads = threads ?? (self.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency) : 1);
  return wasm.numThreads;
}

/** The options every load passes: the plan's device and weights, the catalog's file name. */
const loadOptions = (model: ModelSpec, plan: RuntimePlan) => ({
  dtype: plan.dtype,
  device: plan.device,
  ...(model.fileName ? { model_file_name: model.fileName } : {}),
});

/** Opens a pipeline, reporting its files' download progress (see DownloadMeter for why not progress_callback). */
async function openPipeline<T>(request: LoadRequest, open: () => Promise<T>): Promise<T> {
  const unwatch = downloads.watch(request.model.id, request.onProgress);
  try {
    return await open();
  } finally {
    unwatch();
  }
}

/** What a load tells as it goes (ModelLoader turns it into the model's status). */
export interface LoadEvents {
  onProgress(progress: LoadProgress): void;
  /** The files are in; the model's first run (compiling kernels, growing memory) starts. */
  onWarmingUp(): void;
  /** The model moved to the CPU after the GPU failed while it ran (a lost device, say). */
  onFallback(placement: Placement): void;
}

export interface LoadRequest extends LoadEvents {
  model: ModelSpec;
  preference: DevicePreference;
}

export interface EmbeddingModel extends Placement {
  /** Mean-pooled, normalized sentence embeddings: `count` rows of `dims` values. */
  embed(texts: string[]): Promise<{ data: Float32Array; count: number; dims: number }>;
  countTokens(text: string): number;
}

async function openEmbedder(request: LoadRequest, plan: RuntimePlan) {
  const extractor = (await openPipeline(request, () => pipeline('feature-extraction', request.model.id, loadOptions(request.model, plan)))) as FeatureExtractionPipeline;
  return {
    async embed(texts: string[]) {
      const output = await extractor(texts, { pooling: 'mean', normalize: true });
      const [count, dims] = output.dims as [number, number];
      return { data: output.data as Float32Array, count, dims };
    },
    countTokens: (text: string) => extractor.tokenizer.encode(text).length,
  };
}

export async function loadEmbeddingModel(request: LoadRequest): Promise<EmbeddingModel> {
  const placed = await PlacedModel.load(request, await detectGpu(), (plan) => openEmbedder(request, plan), (loaded) => loaded.embed(['warm up']));
  return {
    get device() {
      return placed.device;
    },
    get fallback() {
      return placed.fallback;
    },
    embed: (texts) => placed.run((loaded) => loaded.embed(texts)),
    countTokens: (text) => placed.loaded.countTokens(text),
  };
}

export interface RerankingModel extends Placement {
  /** Relevance of each passage to the query, as the cross-encoder's logit (higher: more relevant). */
  score(query: string, passages: string[]): Promise<number[]>;
}

async function openReranker(request: LoadRequest, plan: RuntimePlan) {
  const { id } = request.model;
  const [tokenizer, model] = await openPipeline(request, () =>
    Promise.all([AutoTokenizer.from_pretrained(id), AutoModelForSequenceClassification.from_pretrained(id, loadOptions(request.model, plan))]),
  );
  return {
    async score(query: string, passages: string[]) {
      const inputs = tokenizer(new Array<string>(passages.length).fill(query), { text_pair: passages, padding: true, truncation: true });
      const { logits } = (await model(inputs)) as { logits: { data: Float32Array; dims: number[] } };
      // One logit per pair (MS MARCO cross-encoders), or the "relevant" class's of two.
      const classes = logits.dims[1] ?? 1;
      return passages.map((_, row) => logits.data[row * classes + classes - 1]);
    },
  };
}

export async function loadRerankerModel(request: LoadRequest): Promise<RerankingModel> {
  const placed = await PlacedModel.load(request, await detectGpu(), (plan) => openReranker(request, plan), (loaded) => loaded.score('warm up', ['warm up']));
  return {
    get device() {
      return placed.device;
    },
    get fallback() {
      return placed.fallback;
    },
    score: (query, passages) => placed.run((loaded) => loaded.score(query, passages)),
  };
}

export interface GenerationRequest {
  /** The chat, rendered with the model's own template. */
  prompt: string;
  maxNewTokens: number;
  /** Called with the text generated so far after each new token. */
  onText(textSoFar: string): void;
}

export interface ChatModel extends Placement {
  /** The chat as the model reads it: its chat template with the assistant's turn opened. */
  render(messages: ChatMessage[]): string;
  /** Tokens of a rendered chat (its template's special tokens are in the text already). */
  countTokens(rendered: string): number;
  /** Greedy generation; resolves with the text and whether `stop()` ended it early. */
  generate(request: GenerationRequest): Promise<{ text: string; stopped: boolean }>;
  /** Ends the generation in progress within a token or two. */
  stop(): void;
}

/** Resolves on the next task, after messages already queued (a stop request) have been handled. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

type Session = { run: (...args: unknown[]) => Promise<unknown> };

async function openGenerator(request: LoadRequest, plan: RuntimePlan) {
  const generator = (await openPipeline(request, () => pipeline('text-generation', request.model.id, loadOptions(request.model, plan)))) as TextGenerationPipeline;
  // WASM never yields inside session.run, so a stop message would wait for the whole answer. Yielding one task
  // before each decoding step lets `stop` land within a token or two.
  for (const session of Object.values((generator.model as unknown as { sessions: Record<string, Session> }).sessions)) {
    const run = session.run.bind(session);
    session.run = async (...args: unknown[]) => {
      await nextTask();
      return run(...args);
    };
  }
  return generator;
}

/** Collects the tokens generated after the prompt (the first `put`) and reports the text so far after each. */
function generatedText(tokenizer: TextGenerationPipeline['tokenizer'], onText: (textSoFar: string) => void) {
  const generated: bigint[] = [];
  let prompt = true;
  let text = '';
  return {
    // transformers.js's streamer interface; its TextStreamer would decode every token a second time.
    streamer: {
      put(tokens: bigint[][]) {
        if (prompt) {
          prompt = false;
          return;
        }
        generated.push(...tokens[0]);
        text = tokenizer.decode(generated, { skip_special_tokens: true });
        onText(text);
      },
      end() {},
    },
    text: () => text,
  };
}

const renderChat = (generator: TextGenerationPipeline, messages: ChatMessage[]) =>
  generator.tokenizer.apply_chat_template(messages, { tokenize: false, add_generation_prompt: true }) as string;

export async function loadChatModel(request: LoadRequest): Promise<ChatModel> {
  let stopping: InterruptableStoppingCriteria | undefined;
  const generate = async (generator: TextGenerationPipeline, { prompt, maxNewTokens, onText }: GenerationRequest) => {
    const criteria = new InterruptableStoppingCriteria();
    stopping = criteria;
    const output = generatedText(generator.tokenizer, onText);
    try {
      await generator(prompt, { max_new_tokens: maxNewTokens, do_sample: false, add_special_tokens: false, streamer: output.streamer, stopping_criteria: criteria } as never);
    } finally {
      if (stopping === criteria) stopping = undefined;
    }
    return { text: output.text(), stopped: criteria.interrupted };
  };
  const placed = await PlacedModel.load(
    request,
    await detectGpu(),
    (plan) => openGenerator(request, plan),
    (generator) => generate(generator, { prompt: renderChat(generator, [{ role: 'user', content: 'Hello' }]), maxNewTokens: 1, onText: () => {} }),
  );
  return {
    get device() {
      return placed.device;
    },
    get fallback() {
      return placed.fallback;
    },
    render: (messages) => renderChat(placed.loaded, messages),
    countTokens: (rendered) => placed.loaded.tokenizer.encode(rendered, { add_special_tokens: false }).length,
    generate: (generation) => placed.run((generator) => generate(generator, generation)),
    stop: () => stopping?.interrupt(),
  };
}
