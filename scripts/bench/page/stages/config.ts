// Where the bench's site keeps things, as the app's UI tells its workers (no runtime imports: the page uses it too).
import type { ModelSources, ModelSpec } from '../../../../src/core/models';
import type { EngineConfig } from '../../../../src/core/protocol';
import type { LoadEvents } from '../../../../src/workers/model-runtime';

/** The bench serves models like the app's site does: its own models/ folder; the "hub" is a path that 404s. */
export function benchSources(siteUrl: string): ModelSources {
  return { localModelsUrl: new URL('models/', siteUrl).href, remoteHost: new URL('no-remote-models/', siteUrl).href };
}

/** The library engine's configuration as the app's UI gives it (ui/library-store.ts), for the bench's site, on WASM. */
export function engineConfig(siteUrl: string, embedder: ModelSpec): EngineConfig {
  return { embedder, reranker: null, sources: benchSources(siteUrl), device: 'cpu', pdfAssetsUrl: new URL('pdfjs/', siteUrl).href, ocrAssetsUrl: new URL('ocr/', siteUrl).href, ocrLanguages: [] };
}

/** A model load whose progress nobody shows: the bench times what follows the load. */
export const UNWATCHED_LOAD: LoadEvents = { onProgress() {}, onWarmingUp() {}, onFallback() {} };
