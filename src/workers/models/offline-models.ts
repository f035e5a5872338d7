import type { ModelSpec } from '../../core/models';
import type { CachedModel, CachedModelFile, OfflineDownloadProgress, OwnModelFile } from '../../core/protocol';
import type { CheckedModelCache } from './checked-cache';
import { fileUrls, modelFiles } from './model-files';
import { expectedLength, isWebPage } from './validate';

/** Progress is reported at most this often per file (and always at a file's end). */
const PROGRESS_INTERVAL_MS = 100;

async function entrySize(response: Response): Promise<number> {
  return expectedLength(response.headers) ?? (await response.blob()).size;
}

/**
 * What the Settings show and do about models: which are cached for offline use and their size, fetching every
 * file of some models in one go (as transformers.js would: the site's folder first, then the host), and deleting.
 */
export class OfflineModels {
  constructor(
    private readonly cache: CheckedModelCache,
    private readonly fetchFile: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async inspect(model: ModelSpec): Promise<CachedModel> {
    const cache = await this.cache.open();
    const { localModelsUrl } = this.cache.sources;
    const files: CachedModelFile[] = [];
    for (const { key, path } of await this.cache.entries(model.id)) {
      const response = await cache?.match(key);
      if (response) files.push({ path, bytes: await entrySize(response), from: key.startsWith(localModelsUrl) ? 'site' : 'host' });
    }
    return { model, offline: await this.cache.holds(model), bytes: files.reduce((sum, file) => sum + file.bytes, 0), files };
  }

  async remove(model: ModelSpec): Promise<void> {
    await this.cache.removeModel(model.id);
    this.cache.forgetQuotaErrors();
  }

  /** Fetches the models' missing files; see ModelCacheApi.makeAvailableOffline. */
  async makeAvailableOffline(models: ModelSpec[], onProgress: (progress: OfflineDownloadProgress) => void): Promise<CachedModel[]> {
    this.cache.forgetQuotaErrors();
    for (const model of models) {
      let entries = await this.cache.entries(model.id);
      // config.json first: it names the weights' external data files, if any.
      if (!entries.some((entry) => entry.path === 'config.json')) {
        await this.#fetchFile(model, 'config.json', true, onProgress);
        entries = await this.cache.entries(model.id);
      }
      const cached = new Set(entries.map((entry) => entry.path));
      for (const file of modelFiles(model, await this.cache.cachedConfig(entries))) {
        if (cached.has(file.path)) continue;
        await this.#fetchFile(model, file.path, file.required, onProgress);
      }
    }
    return Promise.all(models.map((model) => this.inspect(model)));
  }

  /** See ModelCacheApi.keepOwnModel. */
  async keepOwnModel(model: ModelSpec, files: OwnModelFile[], onProgress: (progress: OfflineDownloadProgress) => void): Promise<CachedModel> {
    this.cache.forgetQuotaErrors();
    await this.cache.removeModel(model.id);
    const kept = [...files];
    // Without it transformers.js would ask the hub for one (a request for a model the hub does not have).
    if (model.task === 'generator' && !files.some((file) => file.path === 'generation_config.json')) {
      const config = JSON.parse(await files.find((file) => file.path === 'config.json')!.file.text()) as Record<string, unknown>;
      const { bos_token_id, eos_token_id, pad_token_id } = config;
      kept.push({ path: 'generation_config.json', file: new Blob([JSON.stringify({ bos_token_id, eos_token_id, pad_token_id })]) });
    }
    try {
      for (const { path, file } of kept) {
        const report = (loadedBytes: number, done: boolean) => onProgress({ modelId: model.id, file: path, loadedBytes, totalBytes: file.size, done });
        const response = new Response(file, { headers: { 'content-length': String(file.size) } });
        await this.cache.put(fileUrls(this.cache.sources, model.id, path).local, response, (bytes) => report(bytes, false));
        report(file.size, true);
      }
    } catch (error) {
      await this.cache.removeModel(model.id);
      throw error;
    }
    return this.inspect(model);
  }

  async #fetchFile(model: ModelSpec, path: string, required: boolean, onProgress: (progress: OfflineDownloadProgress) => void) {
    const urls = fileUrls(this.cache.sources, model.id, path);
    let key = urls.local;
    // As transformers.js does: the site's own folder first (self-hosting), the host when the site has no such file.
    let response = await this.fetchFile(urls.local).catch(() => undefined);
    if (!response?.ok || isWebPage(response.headers)) {
      await response?.body?.cancel();
      key = urls.remote;
      response = await this.fetchFile(urls.remote).catch((error: unknown) => {
        throw new Error(`${model.id} could not be downloaded (${path}): the network is unreachable (${String(error)}).`);
      });
      if (response.status === 404 && !required) return;
      if (!response.ok) throw new Error(`${model.id} could not be downloaded: the model host answered ${response.status} for ${path}.`);
    }
    const totalBytes = expectedLength(response.headers) ?? 0;
    let reported = 0;
    const report = (loadedBytes: number, done: boolean) => {
      const now = performance.now();
      if (!done && now - reported < PROGRESS_INTERVAL_MS) return;
      reported = now;
      onProgress({ modelId: model.id, file: path, loadedBytes, totalBytes, done });
    };
    let loaded = 0;
    report(0, false);
    await this.cache.put(key, response, (bytes) => report((loaded = bytes), false));
    report(loaded, true);
  }
}
