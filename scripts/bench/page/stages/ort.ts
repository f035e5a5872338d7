// The ONNX Runtime Web module transformers.js itself uses (the same instance: one wasm runtime, one `env`), for the
// bare-session baselines and to time the model's own share of a pipeline call.
import * as ortModule from 'onnxruntime-web/webgpu';

type Ort = typeof ortModule;
export const ort: Ort = (ortModule as unknown as { default?: Ort }).default ?? ortModule;

export type Feeds = Record<string, ortModule.Tensor>;

/** A feed copied out of a run, to be replayed later through a bare session. */
export interface RecordedFeeds {
  [name: string]: { type: ortModule.Tensor.Type; data: ortModule.Tensor.DataType; dims: readonly number[] };
}

interface RunLog {
  /** The session of the latest run (transformers.js's own, while it runs the pipeline). */
  session?: ortModule.InferenceSession;
  runs: number;
  ms: number;
  /** The first run's time (for a generator: the prompt's prefill). */
  firstMs?: number;
  recorded: RecordedFeeds[];
  record: boolean;
  firstFeeds?: RecordedFeeds;
}

const log: RunLog = { runs: 0, ms: 0, recorded: [], record: false };

function copyFeeds(feeds: Feeds): RecordedFeeds {
  return Object.fromEntries(
    Object.entries(feeds).map(([name, tensor]) => {
      const data = tensor.data as ArrayLike<unknown> & { slice(): ortModule.Tensor.DataType };
      return [name, { type: tensor.type, data: data.slice(), dims: [...tensor.dims] }];
    }),
  );
}

let installed = false;

/** A bare session run in lockstep with another session: the same feeds, right before or after each of its runs. */
interface Shadow {
  session: ortModule.InferenceSession;
  /** Per run of the watched session: its time and the bare session's time on the same feeds. */
  steps: { ms: number; bareMs: number }[];
  /** Time spent in the bare runs, which delays everything after them: subtract it from the app's timestamps. */
  injectedMs: number;
}

let shadow: Shadow | undefined;

/**
 * While set, every run of another session is paired with a run of `session` on the same feeds, alternating which
 * goes first, so both see the same machine load. Returns the pairing's record; call with undefined to stop.
 */
export function shadowRuns(session: ortModule.InferenceSession | undefined): Shadow | undefined {
  shadow = session && { session, steps: [], injectedMs: 0 };
  return shadow;
}

/**
 * Wraps InferenceSession.prototype.run once: every run any session makes in this worker (transformers.js's included)
 * adds its wall time to the log; while recording, its feeds are copied for a later replay.
 */
export function watchSessionRuns(): void {
  if (installed) return;
  installed = true;
  const prototype = (ort.InferenceSession as unknown as { prototype: unknown }).prototype as { run: (feeds: Feeds, ...rest: unknown[]) => Promise<unknown> };
  const run = prototype.run;
  prototype.run = async function (this: unknown, feeds: Feeds, ...rest: unknown[]) {
    if (log.record) log.recorded.push(copyFeeds(feeds));
    log.firstFeeds ??= copyFeeds(feeds);
    log.session = this as ortModule.InferenceSession;
    const paired = shadow && this !== shadow.session ? shadow : undefined;
    let bareMs = 0;
    const runBare = async () => {
      const begin = performance.now();
      await run.call(paired!.session, feeds);
      bareMs = performance.now() - begin;
      paired!.injectedMs += bareMs;
    };
    // The first run of a pair also pays for growing the wasm memory both sessions share; the pipeline's goes first
    // on the first step (the prompt), so that cost counts against the app, never for it.
    const bareFirst = paired !== undefined && paired.steps.length % 2 === 1;
    if (bareFirst) await runBare();
    const start = performance.now();
    try {
      return await run.call(this, feeds, ...rest);
    } finally {
      const ms = performance.now() - start;
      log.firstMs ??= ms;
      log.ms += ms;
      log.runs++;
      if (paired && !bareFirst) await runBare();
      paired?.steps.push({ ms, bareMs });
    }
  };
}

/** Starts a fresh log; `record` keeps a copy of every feed. */
export function resetRunLog(record: boolean): void {
  Object.assign(log, { runs: 0, ms: 0, firstMs: undefined, recorded: [], record, firstFeeds: undefined, session: undefined });
}

export function runLog(): Readonly<RunLog> {
  return log;
}

export const toTensor = (feed: RecordedFeeds[string]) => new ort.Tensor(feed.type, feed.data, feed.dims);

/** Creates a session the way transformers.js does for device wasm (the wasm execution provider, default options). */
export async function bareSession(modelUrl: string): Promise<ortModule.InferenceSession> {
  const response = await fetch(modelUrl);
  if (!response.ok) throw new Error(`${modelUrl}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
}

/** Frees a session's wasm memory. */
export const releaseSession = (session: ortModule.InferenceSession): Promise<void> => session.release();
