// transformers.js 4 queues every ONNX Runtime session creation, and every run, on one promise chain per worker
// (`webInitChain = webInitChain.then(load)`), and never clears a rejection: after one failure, every later creation or
// run in the worker fails with that same error (transformers.js #1767, open). A model the GPU cannot load would make
// its CPU fallback fail too, and a damaged model file, once replaced, would still not load.
//
// So a failure never reaches the chain: a failed creation or run resolves to a stand-in that throws the original
// error as soon as transformers.js touches it, outside the chain. Installed once, by model-runtime.ts.
import * as ort from 'onnxruntime-web/webgpu';
import { deferFailure } from './defer-failure';

let installed = false;

export function isolateRuntimeFailures(): void {
  if (installed) return;
  installed = true;
  const sessions = ort.InferenceSession as unknown as { create: (...args: unknown[]) => Promise<object>; prototype: { run: (...args: unknown[]) => Promise<object> } };
  const create = sessions.create.bind(sessions);
  sessions.create = (...args) => deferFailure(create(...args));
  const run = sessions.prototype.run;
  sessions.prototype.run = function (this: unknown, ...args: unknown[]) {
    return deferFailure(run.apply(this, args));
  };
}
