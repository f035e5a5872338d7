import { wrap, type Remote } from 'comlink';
import type { EngineApi, GeneratorApi } from '../core/protocol';
import { tracked } from './running-workers';

export interface Workers {
  engine: Remote<EngineApi>;
  generator: Remote<GeneratorApi>;
  /** Calls `listener` with a sentence for people when a worker dies; returns the unsubscribe function. */
  onCrash(listener: (message: string) => void): () => void;
}

/** Starts the two workers: the library engine (reading, embedding, index, storage) and the answer writer. */
export function startWorkers(): Workers {
  const engine = tracked(new Worker(new URL('../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'docent-engine' }));
  const generator = tracked(new Worker(new URL('../workers/generator.worker.ts', import.meta.url), { type: 'module', name: 'docent-generator' }));
  const crashes = new EventTarget();
  // A worker that fails to start never answers; say so rather than leave every request waiting.
  for (const [worker, role] of [[engine, 'library'], [generator, 'chat']] as const) {
    worker.addEventListener('error', (event) => {
      const message = `The ${role} worker stopped: ${event.message || 'it could not start'}.`;
      crashes.dispatchEvent(new CustomEvent('crash', { detail: message }));
    });
  }
  return {
    engine: wrap<EngineApi>(engine),
    generator: wrap<GeneratorApi>(generator),
    onCrash(listener) {
      const handler = (event: Event) => listener((event as CustomEvent<string>).detail);
      crashes.addEventListener('crash', handler);
      return () => crashes.removeEventListener('crash', handler);
    },
  };
}
