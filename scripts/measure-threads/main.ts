// Runs one measurement per fresh worker (ONNX Runtime fixes its thread count when its wasm starts) and exposes the
// results to the driver (scripts/measure-threads.mjs) as window.measure(...).
import type { ThreadsRequest, ThreadsResult } from './threads.worker';

function measureOnce(request: ThreadsRequest): Promise<ThreadsResult> {
  const worker = new Worker(new URL('./threads.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ThreadsResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ThreadsResult | { error: string }>) => {
      worker.terminate();
      if ('error' in event.data) reject(new Error(event.data.error));
      else resolve(event.data);
    };
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}

(window as unknown as { measure: typeof measureOnce; isolated: boolean }).measure = measureOnce;
(window as unknown as { isolated: boolean }).isolated = crossOriginIsolated;
