// The eval page: scripts/eval/run.mjs calls `window.docentEval` and reads progress from the console ("[eval] ...").
import { proxy, wrap } from 'comlink';
import type { EvalWorkerApi } from './eval.worker';
import type { BeirRequest, DocqaRequest, EvalSetup } from './types';

const siteUrl = new URL('./', document.baseURI).href;
const log = (message: string) => console.log(`[eval] ${message}`);

async function inWorker<T>(work: (worker: ReturnType<typeof wrap<EvalWorkerApi>>) => Promise<T>): Promise<T> {
  const raw = new Worker(new URL('./eval.worker.ts', import.meta.url), { type: 'module', name: 'docent-eval' });
  const failed = new Promise<never>((_, reject) => raw.addEventListener('error', (event) => reject(new Error(`The eval worker failed: ${event.message}`))));
  try {
    return await Promise.race([work(wrap<EvalWorkerApi>(raw)), failed]);
  } finally {
    raw.terminate();
  }
}

const docentEval = {
  isolated: () => crossOriginIsolated,
  beir: (setup: Omit<EvalSetup, 'siteUrl'>, request: BeirRequest) => inWorker((worker) => worker.beir({ ...setup, siteUrl }, request, proxy(log))),
  docqa: (setup: Omit<EvalSetup, 'siteUrl'>, request: Omit<DocqaRequest, 'files'> & { files: { path: string }[] }) =>
    inWorker((worker) =>
      worker.docqa({ ...setup, siteUrl }, { ...request, files: request.files.map(({ path }) => ({ path, url: new URL(`eval-data/${path.split('/').map(encodeURIComponent).join('/')}`, siteUrl).href })) }, proxy(log)),
    ),
};

declare global {
  interface Window {
    docentEval: typeof docentEval;
  }
}

window.docentEval = docentEval;
document.documentElement.dataset.evalReady = 'true';
