import type { ModelSpec } from '../../core/models';
import type { ModelStatusEvent } from '../../core/protocol';
import type { DevicePreference } from '../../core/runtime-plan';
import { ModelLoader } from '../model-loading';
import { loadEmbeddingModel, type EmbeddingModel } from '../model-runtime';

/** Passages embedded per call: large enough to keep ONNX Runtime busy, small enough for smooth progress. */
const EMBEDDING_BATCH = 16;

/** Names of the performance measures each embedding call leaves; benchmarks and tests count and time them. */
export const EMBED_MEASURE = { passages: 'docent:embed-passages', query: 'docent:embed-query' } as const;

/** Sentence embeddings: mean-pooled, normalized (Voy's L2 distance then ranks as cosine similarity does). */
export class Embedder {
  readonly #loader: ModelLoader<EmbeddingModel>;

  constructor(model: ModelSpec, report: (event: ModelStatusEvent) => void, preference: DevicePreference = 'auto') {
    this.#loader = new ModelLoader(
      model,
      (events) => loadEmbeddingModel({ model, preference, ...events }),
      report,
    );
  }

  get model(): ModelSpec {
    return this.#loader.model;
  }

  /** This model is no longer the search model: it stops trying to load. */
  dispose(): void {
    this.#loader.dispose();
  }

  /** Loads the model if it is not loaded yet (its failure is reported through the status events). */
  async prepare(): Promise<void> {
    await this.#loader.get().catch(() => undefined);
  }

  /** Counts tokens as the embedder's own tokenizer does, so chunks are measured in what the model sees. */
  async tokenCounter(): Promise<(text: string) => number> {
    const loaded = await this.#loader.get();
    return (text) => loaded.countTokens(text);
  }

  /** Embeds many passages in batches, reporting progress; the vectors come back as rows of one Float32Array. */
  async embedPassages(texts: readonly string[], onProgress: (done: number) => void): Promise<{ vectors: Float32Array; dims: number }> {
    const rows: Float32Array[] = [];
    onProgress(0);
    for (let start = 0; start < texts.length; start += EMBEDDING_BATCH) {
      rows.push(...(await this.embed(texts.slice(start, start + EMBEDDING_BATCH), 'passages')));
      onProgress(rows.length);
    }
    const dims = rows[0]?.length ?? 0;
    const vectors = new Float32Array(rows.length * dims);
    rows.forEach((row, i) => vectors.set(row, i * dims));
    return { vectors, dims };
  }

  async embed(texts: string[], purpose: keyof typeof EMBED_MEASURE): Promise<Float32Array[]> {
    const loaded = await this.#loader.get();
    const start = performance.now();
    const { data, count, dims } = await loaded.embed(texts);
    performance.measure(EMBED_MEASURE[purpose], { start, detail: { count: texts.length } });
    return Array.from({ length: count }, (_, i) => data.slice(i * dims, (i + 1) * dims));
  }
}
