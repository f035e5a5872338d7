import { describeModelFailure } from '../core/model-errors';
import type { ModelSpec } from '../core/models';
import type { ModelStatus, ModelStatusEvent } from '../core/protocol';
import { activeModelCache } from './models/active-cache';
import { DownloadProgress } from './models/download-progress';
import type { Placement } from '../core/runtime-plan';
import type { LoadEvents } from './model-runtime';
import { DamagedModelFile } from './models/validate';

/**
 * A load failure that a damaged file explains: a model file that is a web page or cut short, a tokenizer or config
 * that is not JSON, ONNX Runtime refusing the weights. Network failures are not: the cache must survive them.
 */
export function looksDamaged(error: unknown): boolean {
  if (error instanceof DamagedModelFile) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /damaged|can't create a session|protobuf|unexpected token|unexpected end of json|not valid json|json\.parse|invalid model|failed to load model/i.test(
    message,
  );
}

/** Removes a model's cached files, so the next load fetches them again; false when nothing was cached. */
const forgetCachedFiles = async (model: ModelSpec) => ((await activeModelCache()?.removeModel(model.id)) ?? 0) > 0;

/** The wait before the next attempt after `failures` failed loads in a row: 5 s, doubling, at most 5 minutes. */
export function retryDelayMs(failures: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, failures - 1), 300_000);
}

/**
 * Loads a model once, however many callers ask at the same time, reporting download bytes, warm-up and the outcome.
 * A load that fails on a damaged cached file forgets the model's cached files and tries once more (the files are
 * fetched again). A model that cannot be loaded (the host unreachable, say) is tried again on its own, after a wait
 * that doubles with each failure, and at once when the browser comes back online; until then every caller gets the
 * last failure at once, so no action sends the host another request.
 */
export class ModelLoader<T extends Placement> {
  #loading: Promise<T> | undefined;
  #failures = 0;
  #lastFailure: { error: Error; retryAt: number } | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly model: ModelSpec,
    /** Loads the model and warms it up, telling how it goes. */
    private readonly load: (events: LoadEvents) => Promise<T>,
    private readonly report: (event: ModelStatusEvent) => void,
    private readonly repair: (model: ModelSpec) => Promise<boolean> = forgetCachedFiles,
  ) {
    globalThis.addEventListener?.('online', this.#retryNow);
  }

  /** The model is no longer wanted (another one replaced it): no more attempts. */
  dispose(): void {
    clearTimeout(this.#retryTimer);
    globalThis.removeEventListener?.('online', this.#retryNow);
    this.#lastFailure = undefined;
  }

  readonly #retryNow = () => {
    if (this.#lastFailure) void this.#attempt().catch(() => undefined);
  };

  get(): Promise<T> {
    if (this.#loading) return this.#loading;
    if (this.#lastFailure && Date.now() < this.#lastFailure.retryAt) return Promise.reject(this.#lastFailure.error);
    return this.#attempt();
  }

  #attempt(): Promise<T> {
    clearTimeout(this.#retryTimer);
    this.#loading ??= this.#start().then(
      (loaded) => {
        this.#failures = 0;
        this.#lastFailure = undefined;
        return loaded;
      },
      (cause: unknown) => {
        this.#loading = undefined;
        this.#failures++;
        const reason = describeModelFailure(this.model, cause, navigator.onLine);
        const retryAt = Date.now() + retryDelayMs(this.#failures);
        this.#lastFailure = { error: new Error(reason), retryAt };
        this.#retryTimer = setTimeout(() => void this.#attempt().catch(() => undefined), retryAt - Date.now());
        this.#emit({ kind: 'failed', reason, retryAt });
        throw this.#lastFailure.error;
      },
    );
    return this.#loading;
  }

  async #start(): Promise<T> {
    let loaded: T;
    try {
      loaded = await this.#download();
    } catch (error) {
      if (!looksDamaged(error) || !(await this.repair(this.model))) throw error;
      loaded = await this.#download();
    }
    this.#emitReady(loaded);
    return loaded;
  }

  #download(): Promise<T> {
    const progress = new DownloadProgress();
    return this.load({
      onProgress: (event) => {
        const status = progress.update(event);
        if (status) this.#emit(status);
      },
      onWarmingUp: () => this.#emit({ kind: 'warming-up' }),
      onFallback: (placement) => this.#emitReady(placement),
    });
  }

  #emitReady({ device, fallback }: Placement) {
    this.#emit(fallback ? { kind: 'ready', device, fallback } : { kind: 'ready', device });
  }

  #emit(status: ModelStatus) {
    this.report({ type: 'model-status', model: this.model, status });
  }
}
