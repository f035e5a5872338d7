import type { ModelSources } from '../../core/models';
import { CheckedModelCache } from './checked-cache';
import { broadcastNotice } from './notices';

let active: CheckedModelCache | undefined;

/** The checked model cache of this worker, for its model sources (one per worker: sources never change in a session). */
export function modelCacheFor(sources: ModelSources): CheckedModelCache {
  if (active?.sources.localModelsUrl !== sources.localModelsUrl || active.sources.remoteHost !== sources.remoteHost) {
    active = new CheckedModelCache(sources, broadcastNotice);
  }
  return active;
}

/** The cache transformers.js uses in this worker, once configured. */
export const activeModelCache = (): CheckedModelCache | undefined => active;
