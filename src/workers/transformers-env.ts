import { env } from '@xenova/transformers';
import ortWasm from '@xenova/transformers/dist/ort-wasm.wasm?url';
import ortWasmSimd from '@xenova/transformers/dist/ort-wasm-simd.wasm?url';
import ortWasmSimdThreaded from '@xenova/transformers/dist/ort-wasm-simd-threaded.wasm?url';
import ortWasmThreaded from '@xenova/transformers/dist/ort-wasm-threaded.wasm?url';
import type { ModelSources } from '../core/models';
import { modelCacheFor } from './models/active-cache';

/**
 * Points transformers.js at Docent's model sources and at the ONNX Runtime wasm this site serves itself (its default
 * is a CDN, which would break offline use and leak requests). Must run before the first pipeline is created.
 */
export function configureTransformers(sources: ModelSources): void {
  env.allowLocalModels = true;
  env.localModelPath = sources.localModelsUrl;
  env.allowRemoteModels = true;
  env.remoteHost = sources.remoteHost;
  // The same Cache Storage cache transformers.js uses by itself ('transformers-cache'), behind checks: damaged files
  // are removed and fetched again, a full quota keeps no half model and is reported (models/checked-cache.ts).
  env.useBrowserCache = false;
  env.useCustomCache = true;
  env.customCache = modelCacheFor(sources);
  const wasm = env.backends.onnx.wasm;
  wasm.wasmPaths = {
    'ort-wasm.wasm': ortWasm,
    'ort-wasm-simd.wasm': ortWasmSimd,
    'ort-wasm-threaded.wasm': ortWasmThreaded,
    'ort-wasm-simd-threaded.wasm': ortWasmSimdThreaded,
  };
  // Threads need SharedArrayBuffer, which only cross-origin isolated pages have; ORT's own default is one thread.
  wasm.numThreads = self.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency) : 1;
}
