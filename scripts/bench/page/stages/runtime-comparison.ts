// The app's runtime's side of the before/after rows (runtime-v2.worker.ts is the other): the texts the app embeds for
// a file, and one batch through the app's Embedder, timed inside the worker.
import { chunkPages } from '../../../../src/core/chunking';
import { asDocId } from '../../../../src/core/ids';
import type { ModelSpec } from '../../../../src/core/models';
import { Embedder } from '../../../../src/workers/engine/embedder';
import { readDocument } from '../../../../src/workers/engine/read-document';

let embedder: Embedder | undefined;

const embedderFor = (model: ModelSpec) => (embedder?.model.id === model.id ? embedder : (embedder = new Embedder(model, () => {}, 'cpu')));

/** What prepare-document.ts embeds for a file (each chunk's contextText), and how long reading and chunking took. */
export async function passagesOf(file: File, model: ModelSpec): Promise<{ pages: number; texts: string[]; readChunkMs: number }> {
  const countTokens = await embedderFor(model).tokenCounter();
  const start = performance.now();
  const read = await readDocument(file, new Uint8Array(await file.arrayBuffer()), () => {});
  const drafts = chunkPages(asDocId('bench'), read.pages, { countTokens, title: file.name });
  return { pages: read.pages.length, texts: drafts.map((draft) => draft.contextText), readChunkMs: performance.now() - start };
}

/** One batch through the app's Embedder (the model loaded on the first call). */
export async function embedTimed(model: ModelSpec, texts: string[]): Promise<number> {
  const loaded = embedderFor(model);
  const start = performance.now();
  await loaded.embed(texts, 'passages');
  return performance.now() - start;
}
