import type { ModelChoice, ModelSpec } from '../../core/models';
import { MODEL_CACHE_CHANNEL, type CachedModel, type ModelCacheNotice, type OfflineDownloadProgress, type OwnModelFile } from '../../core/protocol';
import { modelCacheWorker } from '../../rpc/model-cache';
import { callReporting } from '../../rpc/reporting-call';
import { withWeightsHere } from '../device';
import { modelSources } from '../model-settings';
import { Store } from '../store';

export interface StorageState {
  usage: number;
  quota: number;
  /** Whether the browser keeps this site's data under storage pressure; undefined where it cannot say. */
  persisted?: boolean;
  /** The answer to the last request for persistent storage. */
  asked?: boolean;
}

interface SettingsState {
  /** The chosen models as cached now; undefined until first looked at. */
  models?: CachedModel[];
  /** "Make available offline" is running; each file's progress, in the order they started. */
  downloading: boolean;
  progress: OfflineDownloadProgress[];
  error?: string;
  storage?: StorageState;
  /** Messages from the workers that keep model files (storage full, a damaged file replaced), newest last. */
  notices: ModelCacheNotice[];
}

/** The chosen models, each with the weights this browser loads: the files the cache is checked for. */
const cachedModels = (models: ModelChoice): ModelSpec[] =>
  [models.embedder, models.generator, models.reranker].filter((model) => model !== null).map(withWeightsHere);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The Settings' state: the chosen models in the cache, the storage this site uses, and what happened to them. */
export class SettingsStore extends Store<SettingsState> {
  #models: ModelSpec[];

  /** The models whose cache the settings show; they change when the person chooses others. */
  choose(models: ModelChoice): void {
    this.#models = cachedModels(models);
    void this.refresh();
  }

  constructor(models: ModelChoice) {
    super({ downloading: false, progress: [], notices: [] });
    this.#models = cachedModels(models);
  }

  /** Listens for the workers' notices; returns the function that stops listening. */
  listen(): () => void {
    if (typeof BroadcastChannel === 'undefined') return () => {};
    const channel = new BroadcastChannel(MODEL_CACHE_CHANNEL);
    channel.onmessage = (event: MessageEvent<ModelCacheNotice>) => {
      if (event.data?.type !== 'model-cache') return;
      this.update(({ notices }) => ({ notices: [...notices.filter((notice) => notice.message !== event.data.message), event.data] }));
      void this.refresh();
    };
    return () => channel.close();
  }

  readonly dismiss = (notice: ModelCacheNotice) => this.update(({ notices }) => ({ notices: notices.filter((other) => other !== notice) }));

  readonly refresh = async () => {
    try {
      const [models, storage] = await Promise.all([modelCacheWorker().inspect(this.#models, modelSources()), this.#estimate()]);
      this.update({ models, storage: storage && { ...storage, asked: this.state.storage?.asked } });
    } catch (error) {
      this.update({ error: `The model cache could not be read: ${messageOf(error)}` });
    }
  };

  /** One file's progress replaces its last, in the order files started. */
  readonly #onProgress = (event: OfflineDownloadProgress) =>
    this.update(({ progress }) => {
      const at = progress.findIndex((other) => other.modelId === event.modelId && other.file === event.file);
      return { progress: at < 0 ? [...progress, event] : progress.map((other, i) => (i === at ? event : other)) };
    });

  readonly makeAvailableOffline = async () => {
    if (this.state.downloading) return;
    this.update({ downloading: true, progress: [], error: undefined });
    try {
      const models = await callReporting((onProgress) => modelCacheWorker().makeAvailableOffline(this.#models, modelSources(), onProgress), this.#onProgress);
      this.update({ models });
    } catch (error) {
      this.update({ error: messageOf(error) });
    } finally {
      this.update({ downloading: false });
      await this.refresh();
    }
  };

  /** Keeps a checked own-model folder in the model cache, with progress; true once it is whole. */
  readonly keepOwnModel = async (model: ModelSpec, files: OwnModelFile[]): Promise<boolean> => {
    if (this.state.downloading) return false;
    this.update({ downloading: true, progress: [], error: undefined });
    try {
      await callReporting((onProgress) => modelCacheWorker().keepOwnModel(model, files, modelSources(), onProgress), this.#onProgress);
      return true;
    } catch (error) {
      this.update({ error: `${model.label} could not be kept: ${messageOf(error)}` });
      return false;
    } finally {
      this.update({ downloading: false });
    }
  };

  readonly remove = async (model: ModelSpec) => {
    try {
      await modelCacheWorker().remove(model, modelSources());
    } catch (error) {
      this.update({ error: `${model.label} could not be deleted: ${messageOf(error)}` });
    }
    await this.refresh();
  };

  readonly askPersistence = async () => {
    const granted = (await navigator.storage?.persist?.()) ?? false;
    this.update(({ storage }) => ({ storage: { usage: storage?.usage ?? 0, quota: storage?.quota ?? 0, persisted: granted, asked: true } }));
  };

  async #estimate(): Promise<Omit<StorageState, 'asked'> | undefined> {
    if (!navigator.storage?.estimate) return undefined;
    const [estimate, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted?.()]);
    return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
  }
}
