import { configureRuntime as configureAppRuntime } from '../../../../src/workers/model-runtime';
import { benchSources } from './config';
import { ort } from './ort';

/**
 * The app's own ONNX Runtime setup (model-runtime.ts), then the thread count the row asks for. ORT reads
 * `numThreads` once, when its wasm starts (the first session of the worker), so each thread count needs its own worker.
 */
export function configureRuntime(siteUrl: string, threads: number | undefined): { threads: number; appDefaultThreads: number } {
  configureAppRuntime(benchSources(siteUrl));
  const wasm = ort.env.wasm;
  const appDefaultThreads = wasm.numThreads ?? 1;
  setThreads(threads);
  return { threads: wasm.numThreads ?? 1, appDefaultThreads };
}

/**
 * Overrides the thread count the app chose; call it again after anything that runs `configureRuntime`
 * (LibraryEngine.init, AnswerWriter.init) and before the first session is created.
 */
export function setThreads(threads: number | undefined): void {
  if (threads !== undefined) ort.env.wasm.numThreads = threads;
}
