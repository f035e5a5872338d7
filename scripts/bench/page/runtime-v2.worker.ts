// The runtime Docent used before transformers.js 4 (@xenova/transformers 2.17.2), configured as the app configured it,
// for the bench's before/after rows only: the same batches and prompts as the app's runtime, interleaved with it.
// Bench-only: it goes with the old runtime's devDependency once the figures are recorded (docs/PERFORMANCE.md).
import { env, pipeline, type FeatureExtractionPipeline, type TextGenerationPipeline } from '@xenova/transformers';
import ortWasm from '@xenova/transformers/dist/ort-wasm.wasm?url';
import ortWasmSimd from '@xenova/transformers/dist/ort-wasm-simd.wasm?url';
import ortWasmSimdThreaded from '@xenova/transformers/dist/ort-wasm-simd-threaded.wasm?url';
import ortWasmThreaded from '@xenova/transformers/dist/ort-wasm-threaded.wasm?url';
import { expose } from 'comlink';
import { promptBudget, type ModelSpec } from '../../../src/core/models';
import { buildPrompt, type ChatMessage, type PromptPassage } from '../../../src/core/prompt';
import { benchSources } from './stages/config';

let extractor: FeatureExtractionPipeline | undefined;
let generator: TextGenerationPipeline | undefined;

const api = {
  setup(siteUrl: string, threads: number) {
    const sources = benchSources(siteUrl);
    env.allowLocalModels = true;
    env.localModelPath = sources.localModelsUrl;
    env.allowRemoteModels = false;
    env.useBrowserCache = false;
    env.backends.onnx.wasm.wasmPaths = {
      'ort-wasm.wasm': ortWasm,
      'ort-wasm-simd.wasm': ortWasmSimd,
      'ort-wasm-threaded.wasm': ortWasmThreaded,
      'ort-wasm-simd-threaded.wasm': ortWasmSimdThreaded,
    };
    env.backends.onnx.wasm.numThreads = threads;
    return { version: env.version, threads };
  },
  async loadEmbedder(model: ModelSpec) {
    extractor = (await pipeline('feature-extraction', model.id, { quantized: model.dtype === 'q8' })) as FeatureExtractionPipeline;
  },
  /** One batch as the app's Embedder ran it under 2.17 (mean-pooled, normalized); the time inside the worker. */
  async embed(texts: string[]) {
    const start = performance.now();
    await extractor!(texts, { pooling: 'mean', normalize: true });
    return performance.now() - start;
  },
  async loadGenerator(model: ModelSpec) {
    generator = (await pipeline('text-generation', model.id, { quantized: model.dtype === 'q8' })) as TextGenerationPipeline;
  },
  /**
   * The app's prompt for `question` and `passages` (its prompt builder, this model's chat template), then greedy
   * generation of `tokens` tokens as the app's AnswerWriter ran it under 2.17: the first token's time, then per token.
   */
  async generate(model: ModelSpec, question: string, passages: PromptPassage[], tokens: number) {
    const { tokenizer } = generator!;
    // Timed from the prompt's building, as the app's first token is (AnswerWriter.answer builds it).
    const start = performance.now();
    const render = (messages: ChatMessage[]) => tokenizer.apply_chat_template(messages, { tokenize: false, add_generation_prompt: true }) as string;
    const countTokens = (messages: ChatMessage[]) => tokenizer.encode(render(messages), null, { add_special_tokens: false }).length;
    const built = buildPrompt({ question, passages, history: [], budgetTokens: promptBudget(model), countTokens });
    const prompt = render(built.messages);
    const promptTokens = countTokens(built.messages);
    const stamps: number[] = [];
    await generator!(prompt, { max_new_tokens: tokens, do_sample: false, callback_function: () => stamps.push(performance.now()) } as never);
    return { promptTokens, firstTokenMs: stamps[0] - start, afterFirstMs: stamps.at(-1)! - stamps[0], tokensAfterFirst: stamps.length - 1 };
  },
};

export type RuntimeV2Api = typeof api;

expose(api);
