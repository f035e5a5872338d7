import type { ModelSpec } from '../../../../src/core/models';
import type { PromptPassage } from '../../../../src/core/prompt';
import type { DevicePreference, Placement } from '../../../../src/core/runtime-plan';
import { AnswerWriter } from '../../../../src/workers/generator/answer-writer';
import { benchSources } from './config';
import { setThreads } from './environment';
import { bareSession, releaseSession, resetRunLog, runLog, shadowRuns, watchSessionRuns } from './ort';
import { sum } from './stats';
import { englishText } from './synthetic';

export interface GenerationRequest {
  siteUrl: string;
  /** ONNX Runtime threads; undefined: the app's own choice. */
  threads?: number;
  /** 'auto': WebGPU when the worker gets an adapter, as the app chooses; 'cpu' (the default here): WASM. */
  device?: DevicePreference;
  generator: ModelSpec;
  /**
   * A bare session of this file runs in lockstep with the generator, on its feeds (the baseline): the file the
   * generator loads (the pipeline's overhead), or another weight format of the same model (the two formats' speed).
   */
  bareModelUrl?: string;
  /** Passages of the RAG prompt; their text is English-like prose. */
  passages: number;
  passageCharacters: number;
  /** Tokens to generate after the first (then `stop`, as the UI's stop button does). */
  tokens: number;
}

export interface GenerationResult {
  /** Where the model ran (and why it moved to the CPU, if it did). */
  placement?: Placement;
  promptTokens: number;
  passagesInPrompt: number;
  /** From `answer()` to the first streamed text: prompt building and tokenizing, the prefill, decoding. */
  firstTokenMs: number;
  /** Tokens after the first, over the time after the first. */
  tokensPerSecond: number;
  generated: number;
  modelRuns: number;
  /** The model's own time for the prompt (the first run) inside the pipeline. */
  prefillMs: number;
  /** The baseline: a bare session of the same file run on the same feeds, step by step beside the pipeline. */
  bare?: {
    firstTokenMs: number;
    tokensPerSecond: number;
    /** The pipeline's own session over the same decode steps (model time only): to set beside another file's. */
    modelTokensPerSecond: number;
    steps: number;
  };
}

export function ragPassages(count: number, characters: number): PromptPassage[] {
  return Array.from({ length: count }, (_, i) => ({ label: `report-${i + 1}.pdf, p. ${3 * i + 2}`, text: englishText(characters, 100 + i) }));
}

/**
 * The app's AnswerWriter (what generator.worker.ts exposes): prompt building within the token budget, chat template,
 * tokenizing, greedy generation with the key/value cache, streaming, stop. With `bareModelUrl`, every model run is
 * paired with a run of a bare InferenceSession on the same feeds (the prompt, then one token with the growing cache),
 * alternating which goes first; the bare runs' time is taken out of the app's timestamps.
 */
export async function generateWithApp(request: GenerationRequest): Promise<GenerationResult> {
  watchSessionRuns();
  const writer = new AnswerWriter();
  let placement: Placement | undefined;
  await writer.init({ generator: request.generator, sources: benchSources(request.siteUrl), device: request.device ?? 'cpu' }, ({ status }) => {
    if (status.kind === 'ready') placement = { device: status.device, ...(status.fallback ? { fallback: status.fallback } : {}) };
  });
  setThreads(request.threads);
  const bare = request.bareModelUrl ? await bareSession(request.bareModelUrl) : undefined;
  // Load and warm the model (the loader's own warm-up runs inside), untimed; the bare session warms beside it.
  shadowRuns(bare);
  await writer.answer({ question: 'Hello?', passages: [], history: [] }, () => writer.stop());

  const passages = ragPassages(request.passages, request.passageCharacters);
  resetRunLog(false);
  const paired = shadowRuns(bare);
  const now = () => performance.now() - (paired?.injectedMs ?? 0);
  const times: number[] = [];
  const start = now();
  const result = await writer.answer(
    { question: 'When was the lighthouse rebuilt, and why?', passages, history: [] },
    () => {
      times.push(now());
      if (times.length >= request.tokens + 1) writer.stop();
    },
  );
  shadowRuns(undefined);
  if (bare) await releaseSession(bare);
  const log = runLog();
  const promptIds = log.firstFeeds?.input_ids;
  const generated = times.length;
  const decodeSteps = paired ? paired.steps.slice(1) : [];
  return {
    placement,
    promptTokens: promptIds ? promptIds.dims[1] : 0,
    passagesInPrompt: result.included.length,
    firstTokenMs: times[0] - start,
    tokensPerSecond: generated > 1 ? (generated - 1) / ((times[generated - 1] - times[0]) / 1000) : NaN,
    generated,
    modelRuns: log.runs,
    prefillMs: log.firstMs ?? NaN,
    bare: paired && {
      firstTokenMs: paired.steps[0]?.bareMs ?? NaN,
      tokensPerSecond: decodeSteps.length / (sum(decodeSteps.map((step) => step.bareMs)) / 1000),
      modelTokensPerSecond: decodeSteps.length / (sum(decodeSteps.map((step) => step.ms)) / 1000),
      steps: paired.steps.length,
    },
  };
}
