import { describeModelFailure } from '../core/model-errors';
import type { ModelSpec } from '../core/models';
import type { ModelStatus, ModelStatusEvent } from '../core/protocol';
import { activeModelCache } from './models/active-cache';
import { DownloadProgress, type LoadProgress } from './models/download-progress';
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

/**
 * Loads a model once, however many callers ask at the same time, reporting download bytes, warm-up and the outcome.
 * A load that fails on a damaged cached file forgets the model's cached files and tries once more (the files are
 * fetched again). A failed load is forgotten, so the next call tries again (the network may be back).
 */
export class ModelLoader<T> {
  #loading: Promise<T> | undefined;

  constructor(
    readonly model: ModelSpec,
    private readonly load: (onProgress: (progress: LoadProgress) => void) => Promise<T>,
    private readonly warmUp: (loaded: T) => Promise<void>,
    private readonly report: (event: ModelStatusEvent) => void,
    private readonly repair: (model: ModelSpec) => Promise<boolean> = forgetCachedFiles,
  ) {}

  get(): Promise<T> {
    this.#loading ??= this.#start().catch((error: unknown) => {
      this.#loading = undefined;
      const reason = describeModelFailure(this.model, error, navigator.onLine);
      this.#emit({ kind: 'failed', reason });
      throw new Error(reason);
    });
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
    this.#emit({ kind: 'warming-up' });
    await this.warmUp(loaded);
    this.#emit({ kind: 'ready' });
    return loaded;
  }

  #download(): Promise<T> {
    const progress = new DownloadProgress();
    return this.load((event) => {
      const status = progress.update(event);
      if (status) this.#emit(status);
    });
  }

  #emit(status: ModelStatus) {
    this.report({ type: 'model-status', model: this.model, status });
  }
}
