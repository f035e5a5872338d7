import type { ModelSources, ModelSpec } from '../../core/models';
import type { ModelStatusEvent } from '../../core/protocol';
import { withPlannedWeights, type DevicePreference } from '../../core/runtime-plan';
import { detectGpu } from '../../platform/webgpu';
import { ModelLoader } from '../model-loading';
import { loadRerankerModel, type RerankingModel } from '../model-runtime';
import { modelCacheFor } from '../models/active-cache';
import { fileUrls } from '../models/model-files';
import { isWebPage } from '../models/validate';

/** The search's best candidates the reranker reads: enough to hold the answer, few enough to stay fast. */
export const RERANK_CANDIDATES = 24;

const NOT_HERE = 'not in this browser: passages keep their search order (Settings → Make available offline downloads it).';

/** The name of the performance measure each reranking leaves (the bench times it). */
export const RERANK_MEASURE = 'docent:rerank';

/**
 * A cross-encoder that reorders the search's best candidates. It is used where its model is in this browser (the
 * model cache) or on this site (its models folder): a search never downloads it, and without it the passages keep
 * their search order and the status says so.
 */
export class Reranker {
  readonly #loader: ModelLoader<RerankingModel>;
  #available: Promise<boolean> | undefined;

  constructor(
    readonly model: ModelSpec,
    private readonly sources: ModelSources,
    private readonly report: (event: ModelStatusEvent) => void,
    private readonly preference: DevicePreference = 'auto',
  ) {
    this.#loader = new ModelLoader(model, (events) => loadRerankerModel({ model, preference, ...events }), report);
  }

  dispose(): void {
    this.#loader.dispose();
  }

  /** The candidates' relevance to the query as probabilities, in their order; undefined without the model. */
  async score(query: string, passages: string[]): Promise<number[] | undefined> {
    if (!(await this.#isAvailable())) return undefined;
    const loaded = await this.#loader.get().catch(() => undefined);
    if (!loaded) return undefined;
    const start = performance.now();
    const logits = await loaded.score(query, passages);
    performance.measure(RERANK_MEASURE, { start, detail: { count: passages.length } });
    return logits.map((logit) => 1 / (1 + Math.exp(-logit)));
  }

  /** Asked once: a model that is neither cached nor on the site stays unused until the page loads again. */
  #isAvailable(): Promise<boolean> {
    this.#available ??= this.#lookUp().then((here) => {
      if (!here) this.report({ type: 'model-status', model: this.model, status: { kind: 'skipped', reason: NOT_HERE } });
      return here;
    });
    return this.#available;
  }

  async #lookUp(): Promise<boolean> {
    if (await modelCacheFor(this.sources).holds(withPlannedWeights(this.model, await detectGpu(), this.preference))) return true;
    const onSite = await fetch(fileUrls(this.sources, this.model.id, 'config.json').local).catch(() => undefined);
    await onSite?.body?.cancel();
    return onSite?.ok === true && !isWebPage(onSite.headers);
  }
}

/**
 * The candidates in the reranker's order, the best `limit`, each with its probability as `scores.rerank`; in their
 * search order when the reranker cannot run (its model not here, or failing: the status says which).
 */
export async function reranked<T extends { id: string; scores: object }>(reranker: Reranker, query: string, candidates: readonly T[], textOf: (id: T['id']) => string, limit: number): Promise<T[]> {
  const probabilities = await reranker.score(query, candidates.map((hit) => textOf(hit.id))).catch(() => undefined);
  if (!probabilities) return candidates.slice(0, limit);
  return candidates
    .map((hit, i) => ({ ...hit, scores: { ...hit.scores, rerank: probabilities[i] } }))
    .sort((a, b) => b.scores.rerank - a.scores.rerank)
    .slice(0, limit);
}
