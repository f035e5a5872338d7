import { wrap, type Remote } from 'comlink';
import type { ModelCacheApi } from '../core/protocol';
import { tracked } from './running-workers';

let worker: Remote<ModelCacheApi> | undefined;

/**
 * The models worker (cache management for the Settings), started on first use: it is small and needs no model
 * runtime, so opening the Settings never waits for the library's or the chat's work.
 */
export function modelCacheWorker(): Remote<ModelCacheApi> {
  worker ??= wrap<ModelCacheApi>(tracked(new Worker(new URL('../workers/models.worker.ts', import.meta.url), { type: 'module', name: 'docent-models' })));
  return worker;
}
