import { WORKER_STARTED } from '../core/protocol';

/** The app's workers, each with the moment its modules had all loaded. */
const running = new Map<Worker, Promise<void>>();

/** Remembers a worker the app started, so `stopAllWorkers` can end it. Returns it. */
export function tracked(worker: Worker): Worker {
  const started = new Promise<void>((resolve) => {
    worker.addEventListener('message', (event) => event.data === WORKER_STARTED && resolve());
    worker.addEventListener('error', () => resolve());
  });
  running.set(worker, started);
  return worker;
}

/**
 * Ends every worker of the app, with whatever it was doing (an interrupted ingestion stores nothing), once each has
 * loaded its modules. Used before the page reloads onto a new version: a worker ended while it loads its first module
 * leaves a request that reaches the old version's service worker later, and starts it again after the browser
 * stopped it to let the new version take over (see app-shell.ts).
 */
export async function stopAllWorkers(): Promise<void> {
  const workers = [...running];
  running.clear();
  await Promise.all(workers.map(([, started]) => started));
  for (const [worker] of workers) worker.terminate();
}
