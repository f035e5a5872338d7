import type { ModelSources, ModelSpec } from '../../core/models';
import type { ModelCacheNotice } from '../../core/protocol';
import { modelFiles, parseFileUrl } from './model-files';
import { checkedBody, DamagedModelFile, isWebPage } from './validate';

/** The Cache Storage cache transformers.js has always used: files cached by earlier versions stay usable. */
export const MODEL_CACHE_NAME = 'transformers-cache';

/** Storage ran out while keeping a model; the model's other files were removed so none is kept half. */
export class ModelQuotaError extends Error {
  constructor(readonly modelId: string) {
    super(
      `There is not enough storage to keep ${modelId} for offline use, so none of its files were kept. ` +
        'Free some space (Settings → Models: delete a model you no longer use), then try again.',
    );
    this.name = 'ModelQuotaError';
  }
}

const isQuotaError = (error: unknown) =>
  error instanceof DOMException ? error.name === 'QuotaExceededError' || /quota/i.test(error.message) : /quota/i.test(String(error));

/**
 * The model cache as transformers.js sees it (its `env.customCache`: `match` and `put`), and as the Settings manage
 * it. Every file is checked on the way in and on the way out (validate.ts): a damaged entry is removed and reported
 * as missing, so transformers.js fetches the file again instead of failing on it forever. A full storage quota
 * removes the model's other files (no model is kept half) and is reported once, in words.
 */
export class CheckedModelCache {
  /** Models whose files stop being kept after storage ran out, for the rest of this session. */
  readonly #overQuota = new Set<string>();
  #cache: Promise<Cache | undefined> | undefined;

  constructor(
    readonly sources: ModelSources,
    private readonly notify: (notice: ModelCacheNotice) => void = () => {},
    private readonly storage: () => Promise<Cache> = () => caches.open(MODEL_CACHE_NAME),
  ) {}

  /** The cache, or undefined where the browser refuses one (some private modes): models then load every time. */
  open(): Promise<Cache | undefined> {
    this.#cache ??= this.storage().catch(() => undefined);
    return this.#cache;
  }

  /** A cached file, checked as it is read; undefined when absent or found damaged (the entry is then removed). */
  async match(key: string): Promise<Response | undefined> {
    const cache = await this.open();
    const cached = await cache?.match(key);
    if (!cache || !cached) return undefined;
    const path = parseFileUrl(this.sources, key)?.path ?? key;
    if (!cached.ok || !cached.body || isWebPage(cached.headers)) {
      await this.#discard(cache, key, path, 'it is not a model file');
      return undefined;
    }
    // The body is checked as transformers.js reads it (not before: a match only to test presence reads nothing); if
    // it fails, the entry goes and the load fails the way ModelLoader retries.
    const body = cached.body;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    const watched = new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          reader ??= checkedBody(path, cached.headers, body).getReader();
          try {
            const { done, value } = await reader.read();
            if (done) controller.close();
            else controller.enqueue(value);
          } catch (error) {
            if (error instanceof DamagedModelFile) await this.#discard(cache, key, path, error.message);
            controller.error(error);
          }
        },
        cancel: (reason) => (reader ? reader.cancel(reason) : body.cancel(reason)),
      },
      { highWaterMark: 0 }, // nothing is pulled until someone reads
    );
    return new Response(watched, { status: cached.status, statusText: cached.statusText, headers: cached.headers });
  }

  /**
   * Keeps a downloaded file, checked as it is written: a damaged or truncated file is not kept (DamagedModelFile), a
   * full quota removes the model's files (ModelQuotaError). transformers.js ignores put's outcome; Settings use it.
   */
  async put(key: string, response: Response, onBytes?: (loaded: number) => void): Promise<void> {
    const cache = await this.open();
    const file = parseFileUrl(this.sources, key);
    if (!cache || !response.body) return;
    if (file && this.#overQuota.has(file.modelId)) throw new ModelQuotaError(file.modelId);
    const path = file?.path ?? key;
    const headers = new Headers(response.headers);
    // Bodies are stored decoded: an encoded length would no longer describe them.
    if (headers.has('content-encoding')) {
      headers.delete('content-encoding');
      headers.delete('content-length');
    }
    try {
      await cache.put(key, new Response(checkedBody(path, response.headers, response.body, onBytes), { status: 200, headers }));
    } catch (error) {
      if (!isQuotaError(error) || !file) throw error;
      this.#overQuota.add(file.modelId);
      await this.removeModel(file.modelId).catch(() => {});
      const quota = new ModelQuotaError(file.modelId);
      this.notify({ type: 'model-cache', kind: 'quota', modelId: file.modelId, message: quota.message });
      throw quota;
    }
  }

  /** Every cached file of a model, from the site's folder or the host, with its key. */
  async entries(modelId: string): Promise<{ key: string; path: string }[]> {
    const cache = await this.open();
    if (!cache) return [];
    return (await cache.keys()).flatMap((request) => {
      const file = parseFileUrl(this.sources, request.url);
      return file?.modelId === modelId ? [{ key: request.url, path: file.path }] : [];
    });
  }

  /** Whether every file the model needs is cached: it loads with no network. */
  async holds(model: Pick<ModelSpec, 'id' | 'task' | 'dtype' | 'fileName'>): Promise<boolean> {
    const entries = await this.entries(model.id);
    const cached = new Set(entries.map((entry) => entry.path));
    const files = modelFiles(model, await this.cachedConfig(entries));
    return files.every((file) => !file.required || cached.has(file.path));
  }

  /** A model's cached config.json (it names the weights' external data files), or undefined. */
  async cachedConfig(entries: { key: string; path: string }[]): Promise<unknown> {
    const key = entries.find((entry) => entry.path === 'config.json')?.key;
    const response = key && (await (await this.open())?.match(key));
    return response ? response.json().catch(() => undefined) : undefined;
  }

  /** Removes every cached file of a model; returns how many there were. */
  async removeModel(modelId: string): Promise<number> {
    const cache = await this.open();
    const entries = await this.entries(modelId);
    await Promise.all(entries.map((entry) => cache?.delete(entry.key)));
    return entries.length;
  }

  /** Models may be kept again (after the person freed space). */
  forgetQuotaErrors(): void {
    this.#overQuota.clear();
  }

  async #discard(cache: Cache, key: string, path: string, reason: string) {
    await cache.delete(key);
    const file = parseFileUrl(this.sources, key);
    this.notify({ type: 'model-cache', kind: 'repaired', modelId: file?.modelId ?? '', message: `Removed a damaged cached copy of ${path} (${reason}); it will be downloaded again.` });
  }
}
