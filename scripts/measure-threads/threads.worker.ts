// Times Docent's embedding call (feature extraction, mean pooling, normalized; a batch of 16 passages, as the
// library worker embeds them) with a given ONNX Runtime thread count.
import { env, pipeline, type FeatureExtractionPipeline } from '@xenova/transformers';
import ortWasm from '@xenova/transformers/dist/ort-wasm.wasm?url';
import ortWasmSimd from '@xenova/transformers/dist/ort-wasm-simd.wasm?url';
import ortWasmSimdThreaded from '@xenova/transformers/dist/ort-wasm-simd-threaded.wasm?url';
import ortWasmThreaded from '@xenova/transformers/dist/ort-wasm-threaded.wasm?url';

export interface ThreadsRequest {
  model: string;
  quantized: boolean;
  threads: number;
  passages: string[];
  runs: number;
}

export interface ThreadsResult {
  threads: number;
  isolated: boolean;
  tokensPerPassage: number;
  /** The ONNX Runtime build the worker loaded (the threaded one when threads > 1). */
  wasm: string[];
  /** Milliseconds per batch, one per run, after a warm-up batch. */
  batchMs: number[];
}

self.onmessage = async (event: MessageEvent<ThreadsRequest>) => {
  const { model, quantized, threads, passages, runs } = event.data;
  try {
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    env.localModelPath = new URL('/models/', self.location.href).href;
    env.useBrowserCache = false;
    env.backends.onnx.wasm.wasmPaths = {
      'ort-wasm.wasm': ortWasm,
      'ort-wasm-simd.wasm': ortWasmSimd,
      'ort-wasm-threaded.wasm': ortWasmThreaded,
      'ort-wasm-simd-threaded.wasm': ortWasmSimdThreaded,
    };
    env.backends.onnx.wasm.numThreads = threads;
    const extractor = (await pipeline('feature-extraction', model, { quantized })) as FeatureExtractionPipeline;
    const tokens = passages.map((text) => extractor.tokenizer.encode(text).length);
    await extractor(passages, { pooling: 'mean', normalize: true });
    const batchMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      await extractor(passages, { pooling: 'mean', normalize: true });
      batchMs.push(performance.now() - start);
    }
    const wasm = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name.split('/').pop()!.replace(/[?#].*$/, ''))
      .filter((name) => name.includes('ort-wasm'));
    const result: ThreadsResult = { threads, isolated: self.crossOriginIsolated, tokensPerPassage: tokens.reduce((a, b) => a + b, 0) / tokens.length, wasm, batchMs };
    self.postMessage(result);
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
