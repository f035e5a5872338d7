import type { ModelSpec } from '../../../../src/core/models';
import type { DevicePreference, GpuSupport, Placement } from '../../../../src/core/runtime-plan';
import { detectGpu } from '../../../../src/platform/webgpu';
import { loadEmbeddingModel } from '../../../../src/workers/model-runtime';
import { UNWATCHED_LOAD } from './config';
import { percentile } from './stats';
import { englishText } from './synthetic';

export interface EmbeddingOnDeviceRequest {
  embedder: ModelSpec;
  /** 'auto': the app's choice (WebGPU when the worker gets an adapter); 'cpu': WASM, as Settings can force. */
  device: DevicePreference;
  /** Passages per call (the app embeds 16 at a time) and their length in characters of English-like prose. */
  batchSize: number;
  passageCharacters: number;
  /** Timed calls, after one untimed call of the same shape. */
  batches: number;
}

export interface EmbeddingOnDeviceResult extends Placement {
  /** The adapter this worker got; null without WebGPU. `software`: a fallback adapter (SwiftShader on these machines). */
  adapter: GpuSupport | null;
  batchMs: { p50: number; p95: number; n: number };
}

/** The app's embedding model, loaded as the library worker loads it, on the device the preference leads to. */
export async function embedOnDevice(request: EmbeddingOnDeviceRequest): Promise<EmbeddingOnDeviceResult> {
  const model = await loadEmbeddingModel({ model: request.embedder, preference: request.device, ...UNWATCHED_LOAD });
  const batch = (seed: number) => Array.from({ length: request.batchSize }, (_, i) => englishText(request.passageCharacters, seed + i));
  // The first call of a shape compiles the GPU's kernels and sizes its buffers: untimed, as ingestion's first batch is
  // a small part of a long document.
  await model.embed(batch(0));
  const times: number[] = [];
  for (let i = 1; i <= request.batches; i++) {
    const passages = batch(i * request.batchSize);
    const start = performance.now();
    await model.embed(passages);
    times.push(performance.now() - start);
  }
  return {
    device: model.device,
    ...(model.fallback ? { fallback: model.fallback } : {}),
    adapter: await detectGpu(),
    batchMs: { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length },
  };
}
