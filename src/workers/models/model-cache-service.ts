import type { ModelSources, ModelSpec } from '../../core/models';
import type { CachedModel, ModelCacheApi, OfflineDownloadProgress, OwnModelFile } from '../../core/protocol';
import { modelCacheFor } from './active-cache';
import { OfflineModels } from './offline-models';

/** The models worker: the Settings' view of the model cache, and its two actions. */
export class ModelCacheService implements ModelCacheApi {
  #offline = (sources: ModelSources) => new OfflineModels(modelCacheFor(sources));

  inspect(models: ModelSpec[], sources: ModelSources): Promise<CachedModel[]> {
    const offline = this.#offline(sources);
    return Promise.all(models.map((model) => offline.inspect(model)));
  }

  makeAvailableOffline(models: ModelSpec[], sources: ModelSources, onProgress: (progress: OfflineDownloadProgress) => void): Promise<CachedModel[]> {
    return this.#offline(sources).makeAvailableOffline(models, onProgress);
  }

  remove(model: ModelSpec, sources: ModelSources): Promise<void> {
    return this.#offline(sources).remove(model);
  }

  keepOwnModel(model: ModelSpec, files: OwnModelFile[], sources: ModelSources, onProgress: (progress: OfflineDownloadProgress) => void): Promise<CachedModel> {
    return this.#offline(sources).keepOwnModel(model, files, onProgress);
  }
}
