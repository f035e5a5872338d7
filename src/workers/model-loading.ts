import { describeModelFailure } from '../core/model-errors';
import type { ModelSpec } from '../core/models';
import type { ModelStatus, ModelStatusEvent } from '../core/protocol';

/** transformers.js's progress_callback payload (untyped in its declarations). */
interface LoadProgress {
  status: string;
  file?: string;
  loaded?: number;
  total?: number;
}

/**
 * Loads a model once, however many callers ask at the same time, reporting download bytes, warm-up and the outcome.
 * A failed load is forgotten, so the next call tries again (the network may be back).
 */
export class ModelLoader<T> {
  #loading: Promise<T> | undefined;

  constructor(
    readonly model: ModelSpec,
    private readonly load: (onProgress: (progress: LoadProgress) => void) => Promise<T>,
    private readonly warmUp: (loaded: T) => Promise<void>,
    private readonly report: (event: ModelStatusEvent) => void,
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
    const files = new Map<string, { loaded: number; total: number }>();
    const loaded = await this.load((progress) => {
      if (progress.status !== 'progress' || !progress.file) return;
      files.set(progress.file, { loaded: progress.loaded ?? 0, total: progress.total ?? 0 });
      const sum = (key: 'loaded' | 'total') => [...files.values()].reduce((total, file) => total + file[key], 0);
      this.#emit({ kind: 'downloading', loadedBytes: sum('loaded'), totalBytes: sum('total'), file: progress.file });
    });
    this.#emit({ kind: 'warming-up' });
    await this.warmUp(loaded);
    this.#emit({ kind: 'ready' });
    return loaded;
  }

  #emit(status: ModelStatus) {
    this.report({ type: 'model-status', model: this.model, status });
  }
}
