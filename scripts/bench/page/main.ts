// The bench page. scripts/bench/run.mjs drives it through `window.bench`: every measurement runs in a fresh worker,
// either the bench's own (the app's modules, instrumented) or, for reloads, the app's real engine worker.
import { proxy, wrap, type Remote } from 'comlink';
import type { ModelSpec } from '../../../src/core/models';
import type { EngineApi } from '../../../src/core/protocol';
import type { BenchWorkerApi } from './bench.worker';
import { engineConfig } from './stages/config';
import type { EmbeddingOnDeviceRequest } from './stages/devices';
import type { GenerationRequest } from './stages/generation';
import type { IngestionRequest } from './stages/ingestion';
import type { GrowRequest } from './stages/library';
import type { RerankingRequest } from './stages/reranking';
import { median, percentile } from './stages/stats';
import { seeded } from './stages/synthetic';

const siteUrl = new URL('./', document.baseURI).href;

async function withWorker<T>(threads: number | undefined, work: (worker: Remote<BenchWorkerApi>, setup: Awaited<ReturnType<BenchWorkerApi['setup']>>) => Promise<T>) {
  const raw = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module', name: 'docent-bench' });
  const failed = new Promise<never>((_, reject) => raw.addEventListener('error', (event) => reject(new Error(`The bench worker failed: ${event.message}`))));
  const worker = wrap<BenchWorkerApi>(raw);
  try {
    const setup = await Promise.race([worker.setup(siteUrl, threads), failed]);
    return { setup, result: await Promise.race([work(worker, setup), failed]) };
  } finally {
    raw.terminate();
  }
}

async function fileFrom(url: string, name: string): Promise<File> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new File([await response.blob()], name, { type: response.headers.get('Content-Type') ?? '' });
}

/** A unit query vector, the same for every baseline and size. */
function queryVector(dims: number): Float32Array {
  const random = seeded(99);
  const vector = Float32Array.from({ length: dims }, () => random() - 0.5);
  const length = Math.hypot(...vector);
  return vector.map((x) => x / length);
}

export interface ReloadRequest {
  embedder: ModelSpec;
  question: string;
  queries: number;
  dims: number;
}

/** After a reload: the app's engine worker opens the stored library (index rebuilt from vectors) and answers. */
async function reloadEngine(request: ReloadRequest) {
  const worker = new Worker(new URL('../../../src/workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'docent-engine' });
  const engine = wrap<EngineApi>(worker);
  const startedAt = performance.now();
  const documents = await engine.init(engineConfig(siteUrl, request.embedder), proxy(() => {}));
  const readyAt = performance.now();
  const first = await engine.search(request.question, 10);
  const firstResultAt = performance.now();
  const searches: number[] = [];
  for (let i = 0; i < request.queries; i++) {
    const start = performance.now();
    await engine.search(`${request.question} ${i}`, 10);
    searches.push(performance.now() - start);
  }
  // The worker stays: run.mjs reads its `docent:embed-query` measures before leaving the page.
  return {
    chunks: documents.reduce((total, doc) => total + doc.chunkCount, 0),
    ready: documents.filter((doc) => doc.state.kind === 'ready').length,
    documents: documents.length,
    startedAt,
    readyAt,
    firstResultAt,
    firstHits: first.length,
    searchMs: { p50: median(searches), p95: percentile(searches, 95), n: searches.length },
  };
}

/**
 * The stored library exported by the app's engine worker to one backup (kept in memory here, as the bench has no
 * disk), the database deleted, and the backup imported by a fresh engine worker: both timed, as the app runs them.
 */
async function backupRoundTrip(embedder: ModelSpec) {
  const start = () => {
    const worker = new Worker(new URL('../../../src/workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'docent-engine' });
    return { worker, engine: wrap<EngineApi>(worker) };
  };
  const exporting = start();
  const documents = await exporting.engine.init(engineConfig(siteUrl, embedder), proxy(() => {}));
  const pieces: Uint8Array[] = [];
  const exportStart = performance.now();
  const exported = await exporting.engine.exportLibrary(
    proxy(async (bytes: Uint8Array) => (pieces.push(bytes), true)),
    proxy(() => {}),
  );
  const exportMs = performance.now() - exportStart;
  exporting.worker.terminate();
  const backup = new Blob(pieces as Uint8Array<ArrayBuffer>[]);
  await new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('docent');
    request.onsuccess = resolve;
    request.onerror = () => reject(request.error);
  });
  const importing = start();
  await importing.engine.init(engineConfig(siteUrl, embedder), proxy(() => {}));
  const importStart = performance.now();
  const imported = await importing.engine.importLibrary(backup, proxy(() => {}));
  const importMs = performance.now() - importStart;
  importing.worker.terminate();
  return {
    documents: documents.length,
    chunks: documents.reduce((total, doc) => total + doc.chunkCount, 0),
    bytes: backup.size,
    exportMs,
    importMs,
    exported,
    added: imported.added.length,
    reembedding: imported.reembedding,
  };
}

const bench = {
  environment: () => withWorker(undefined, async () => ({ userAgent: navigator.userAgent, pageIsolated: crossOriginIsolated })),
  ocr: (pages: number) => withWorker(undefined, (worker) => worker.readScannedPages(siteUrl, pages)),
  extraction: (url: string, name: string, embedder: ModelSpec, repeats: number) =>
    withWorker(undefined, async (worker) => worker.extractAndChunk(await fileFrom(url, name), embedder, repeats)),
  ingest: (request: Omit<IngestionRequest, 'siteUrl' | 'warmUp' | 'file'> & { threads: number; warmUpUrl: string; fileUrl: string; fileName: string }) =>
    withWorker(request.threads, async (worker) => {
      const [warmUp, file] = await Promise.all([fileFrom(request.warmUpUrl, 'warm-up.pdf'), fileFrom(request.fileUrl, request.fileName)]);
      return worker.ingest({ siteUrl, threads: request.threads, embedder: request.embedder, modelUrl: request.modelUrl, queries: request.queries, replayEvery: request.replayEvery, warmUp, file });
    }),
  growLibrary: (request: GrowRequest, embedder: ModelSpec) =>
    withWorker(undefined, async (worker) => {
      // The embedder's files in Cache Storage, as after the app's first use: a reload then reads them from there.
      await worker.cacheModel(embedder);
      return worker.growLibrary(request);
    }),
  saveVoySerialized: () => withWorker(undefined, (worker) => worker.saveVoySerialized()),
  openBreakdown: (modelId: string) => withWorker(undefined, (worker) => worker.openBreakdown(modelId)),
  backupRoundTrip,
  rerank: (request: Omit<RerankingRequest, 'siteUrl'>) => withWorker(request.threads, (worker) => worker.rerankWithApp({ ...request, siteUrl })),
  generate: (request: Omit<GenerationRequest, 'siteUrl'> & { threads: number }) =>
    withWorker(request.threads, (worker) => worker.generateWithApp({ ...request, siteUrl })),
  embedOnDevice: (request: EmbeddingOnDeviceRequest & { threads: number }) => withWorker(request.threads, (worker) => worker.embedOnDevice(request)),
};

declare global {
  interface Window {
    bench: typeof bench;
    /** Set when the page was opened with ?reload=engine|voy|scan: the reload measurement, started at load. */
    reload?: Promise<unknown>;
  }
}

window.bench = bench;

const params = new URL(location.href).searchParams;
const mode = params.get('reload');
if (mode === 'engine') {
  window.reload = reloadEngine(JSON.parse(params.get('request') ?? '{}') as ReloadRequest);
} else if (mode === 'voy' || mode === 'scan') {
  const dims = Number(params.get('dims'));
  window.reload = withWorker(undefined, (worker) =>
    mode === 'voy' ? worker.reloadVoySerialized(performance.timeOrigin, queryVector(dims)) : worker.reloadExactScan(performance.timeOrigin, queryVector(dims)),
  );
}
// Playwright waits for this before calling `window.bench`.
document.documentElement.dataset.benchReady = 'true';
