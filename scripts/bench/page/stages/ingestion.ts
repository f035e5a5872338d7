import type { ModelSpec } from '../../../../src/core/models';
import type { EngineEvent } from '../../../../src/core/protocol';
import { EMBED_MEASURE } from '../../../../src/workers/engine/embedder';
import { LibraryEngine } from '../../../../src/workers/engine/library-engine';
import { engineConfig } from './config';
import { setThreads } from './environment';
import { bareSession, releaseSession, resetRunLog, runLog, toTensor, watchSessionRuns, type RecordedFeeds } from './ort';
import { median, percentile, sum } from './stats';

export interface IngestionRequest {
  siteUrl: string;
  /** ONNX Runtime threads; undefined: the app's own choice. */
  threads?: number;
  embedder: ModelSpec;
  /** The model file the embedder loads, for the bare-session baseline. */
  modelUrl: string;
  /** A small file ingested first, untimed, so the model is loaded and warm before the timed file. */
  warmUp: File;
  file: File;
  /** Searches run after ingestion, for query-embedding time. */
  queries: string[];
  /**
   * Replay every `replayEvery`-th batch through a bare session and, alternately, through the pipeline's own session
   * (the baseline); 0 skips it.
   */
  replayEvery: number;
}

export interface IngestionResult {
  pages: number;
  chunks: number;
  state: string;
  totalMs: number;
  /** From addFiles to the engine's first "embedding" progress: hashing, reading and chunking inside the engine. */
  readAndChunkMs: number;
  /** Sum of the engine's own `docent:embed-passages` measures (tokenizing, model, pooling). */
  embedMs: number;
  /** Wall time inside InferenceSession.run during the timed ingestion. */
  modelRunMs: number;
  batches: number;
  batchShapes: string;
  /**
   * The baseline: the replayed batches through a bare session and through the pipeline's own session, alternating
   * batch by batch (so a change in the machine's load hits both alike), summed apart.
   */
  replay?: { batches: number; bareMs: number; pipelineMs: number };
  /**
   * The baseline's time for all batches: the model's time during ingestion × (bare / pipeline) from the replay.
   * totalMs / bareMs = (totalMs / modelRunMs) × (pipeline / bare): each factor is measured within one stretch of
   * time, so a machine whose load changes between ingestion and replay skews it less than a replay timed alone.
   */
  bareMs: number;
  queryEmbedMs: { p50: number; p95: number; n: number };
  searchMs: { p50: number; p95: number; n: number };
  /** navigator.storage.estimate() usage after minus before the timed file (its pages, chunks, vectors, the file). */
  storedBytes: number;
}

/**
 * End to end through the app's own LibraryEngine (the class engine.worker.ts exposes): hash, read, chunk (in the
 * embedder's tokens), embed, persist (IndexedDB), index (Voy, MiniSearch). Every ONNX Runtime run is timed and its
 * feeds recorded, then replayed through a bare InferenceSession in the same worker: the ratio is the cost of
 * everything that is not the model.
 */
export async function ingest(request: IngestionRequest): Promise<IngestionResult> {
  watchSessionRuns();
  const engine = new LibraryEngine();
  let embeddingStartedAt: number | undefined;
  let last: EngineEvent | undefined;
  const onEvent = (event: EngineEvent) => {
    last = event;
    if (event.type !== 'library' || embeddingStartedAt !== undefined) return;
    const doc = event.documents.find((d) => d.name === request.file.name);
    if (doc?.state.kind === 'indexing' && doc.state.stage === 'embedding') embeddingStartedAt = performance.now();
  };
  await engine.init(engineConfig(request.siteUrl, request.embedder), onEvent);
  setThreads(request.threads);
  // Everything the model runs before the timed file (the loader's warm-up, the small warm-up file) is replayed
  // through the bare session first, untimed, so both sessions have seen the same inputs before timing starts.
  resetRunLog(true);
  await engine.addFiles([request.warmUp]);
  const warmUpFeeds = runLog().recorded;

  performance.clearMeasures(EMBED_MEASURE.passages);
  resetRunLog(true);
  const usageBefore = (await navigator.storage.estimate()).usage ?? 0;
  const start = performance.now();
  await engine.addFiles([request.file]);
  const totalMs = performance.now() - start;
  const storedBytes = ((await navigator.storage.estimate()).usage ?? 0) - usageBefore;
  const log = runLog();
  const recorded = log.recorded;
  const modelRunMs = log.ms;
  const pipelineSession = log.session;
  const embedMs = sum(performance.getEntriesByName(EMBED_MEASURE.passages).map((entry) => entry.duration));
  resetRunLog(false);

  const documents = last?.type === 'library' ? last.documents : [];
  const doc = documents.find((d) => d.name === request.file.name);
  if (!doc || doc.state.kind !== 'ready') {
    throw new Error(`Ingestion of ${request.file.name} did not finish: ${JSON.stringify(doc?.state ?? 'no document')}`);
  }

  // Query embedding and search through the same engine, on the library it just built.
  performance.clearMeasures(EMBED_MEASURE.query);
  const searchTimes: number[] = [];
  for (const query of request.queries) {
    const begin = performance.now();
    await engine.search(query, 10);
    searchTimes.push(performance.now() - begin);
  }
  const queryTimes = performance.getEntriesByName(EMBED_MEASURE.query).map((entry) => entry.duration);

  // The baseline: the recorded batches again, each through a bare session of the same model file and through the
  // pipeline's own session, alternating which goes first. Both first see the warm-up's inputs, untimed.
  let replay: IngestionResult['replay'];
  if (request.replayEvery > 0 && pipelineSession && recorded.length > 0) {
    const tensors = (batches: readonly RecordedFeeds[]) => batches.map((batch) => Object.fromEntries(Object.entries(batch).map(([name, feed]) => [name, toTensor(feed)])));
    const session = await bareSession(request.modelUrl);
    for (const batch of tensors(warmUpFeeds)) await session.run(batch);
    replay = { batches: 0, bareMs: 0, pipelineMs: 0 };
    const sample = tensors(recorded.filter((_, i) => i % request.replayEvery === 0));
    for (const [i, batch] of sample.entries()) {
      const order = i % 2 === 0 ? (['bare', 'pipeline'] as const) : (['pipeline', 'bare'] as const);
      for (const which of order) {
        const begin = performance.now();
        await (which === 'bare' ? session : pipelineSession).run(batch);
        replay[which === 'bare' ? 'bareMs' : 'pipelineMs'] += performance.now() - begin;
      }
      replay.batches++;
    }
    await releaseSession(session);
  }
  const bareMs = replay ? modelRunMs * (replay.bareMs / replay.pipelineMs) : NaN;

  const shapes = new Map<string, number>();
  for (const batch of recorded) {
    const key = (batch.input_ids?.dims ?? []).join('x');
    shapes.set(key, (shapes.get(key) ?? 0) + 1);
  }
  return {
    pages: doc.pageCount,
    chunks: doc.chunkCount,
    state: doc.state.kind,
    totalMs,
    readAndChunkMs: (embeddingStartedAt ?? start) - start,
    embedMs,
    modelRunMs,
    batches: recorded.length,
    batchShapes: [...shapes].map(([shape, count]) => `${count}×[${shape}]`).join(' '),
    replay,
    bareMs,
    queryEmbedMs: { p50: median(queryTimes), p95: percentile(queryTimes, 95), n: queryTimes.length },
    searchMs: { p50: median(searchTimes), p95: percentile(searchTimes, 95), n: searchTimes.length },
    storedBytes,
  };
}
