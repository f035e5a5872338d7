// The bench's worker: the app's own modules (LibraryEngine, AnswerWriter, readers, chunker, storage, VectorIndex) run
// here as they run in the app's workers, with ONNX Runtime instrumented and bare-session baselines beside them.
// One worker per measured configuration: ONNX Runtime fixes its thread count when its wasm starts.
import { expose } from 'comlink';
import type { ModelSpec } from '../../../src/core/models';
import { loadChatModel, loadEmbeddingModel } from '../../../src/workers/model-runtime';
import { UNWATCHED_LOAD } from './stages/config';
import { embedOnDevice, type EmbeddingOnDeviceRequest } from './stages/devices';
import { configureRuntime } from './stages/environment';
import { extractAndChunk } from './stages/extraction';
import { generateWithApp, type GenerationRequest } from './stages/generation';
import { ingest, type IngestionRequest } from './stages/ingestion';
import { growLibrary, openBreakdown, reloadExactScan, reloadVoySerialized, saveVoySerialized, type GrowRequest } from './stages/library';
import { readScannedPages } from './stages/ocr';
import { rerankWithApp, type RerankingRequest } from './stages/reranking';

const api = {
  /** Must be the first call: the app's transformers.js/ORT setup, then `threads` (undefined: the app's choice). */
  setup(siteUrl: string, threads?: number) {
    const runtime = configureRuntime(siteUrl, threads);
    return { ...runtime, crossOriginIsolated: self.crossOriginIsolated, hardwareConcurrency: navigator.hardwareConcurrency };
  },
  /** Loads a model once through the app's runtime, which keeps its files in Cache Storage as the app's first use does. */
  async cacheModel(model: ModelSpec) {
    await (model.task === 'embedder' ? loadEmbeddingModel : loadChatModel)({ model, preference: 'cpu', ...UNWATCHED_LOAD });
  },
  extractAndChunk,
  ingest: (request: IngestionRequest) => ingest(request),
  growLibrary: (request: GrowRequest) => growLibrary(request),
  saveVoySerialized,
  openBreakdown,
  reloadVoySerialized,
  reloadExactScan,
  generateWithApp: (request: GenerationRequest) => generateWithApp(request),
  readScannedPages,
  rerankWithApp: (request: RerankingRequest) => rerankWithApp(request),
  embedOnDevice: (request: EmbeddingOnDeviceRequest) => embedOnDevice(request),
};

export type BenchWorkerApi = typeof api;

expose(api);
