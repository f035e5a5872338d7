// The eval page's worker: the app's own modules (readers, chunker, Embedder, HybridIndex) run here as they run in the
// app's library worker. One worker per run.
import { expose } from 'comlink';
import { evaluateBeir } from './beir';
import { evaluateDocqa } from './docqa';

const api = { beir: evaluateBeir, docqa: evaluateDocqa };

export type EvalWorkerApi = typeof api;

expose(api);
