import { chunkPages } from '../../../../src/core/chunking';
import { asDocId } from '../../../../src/core/ids';
import type { ModelSpec } from '../../../../src/core/models';
import { Embedder } from '../../../../src/workers/engine/embedder';
import { readDocument } from '../../../../src/workers/engine/read-document';

export interface ExtractionResult {
  pages: number;
  characters: number;
  chunks: number;
  runs: { readMs: number; chunkMs: number }[];
}

/**
 * Reading (pdf.js, text cleaning) and chunking alone, `repeats` times, with the calls prepare-document.ts makes:
 * chunks measured in the embedder's own tokens, titled with the file name. The embedder is loaded first, untimed
 * (its tokenizer counts the tokens); nothing is embedded.
 */
export async function extractAndChunk(file: File, embedderModel: ModelSpec, repeats: number): Promise<ExtractionResult> {
  const embedder = new Embedder(embedderModel, () => {});
  const countTokens = await embedder.tokenCounter();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const runs: ExtractionResult['runs'] = [];
  let pages = 0;
  let characters = 0;
  let chunks = 0;
  for (let run = 0; run < repeats; run++) {
    const start = performance.now();
    // pdf.js may detach the buffer it is given: each run reads a fresh copy, as each ingestion does.
    const read = await readDocument(file, bytes.slice(), () => {});
    const readEnd = performance.now();
    const drafts = chunkPages(asDocId('bench'), read.pages, { countTokens, title: file.name });
    runs.push({ readMs: readEnd - start, chunkMs: performance.now() - readEnd });
    pages = read.pages.length;
    characters = read.pages.reduce((total, page) => total + page.text.length, 0);
    chunks = drafts.length;
  }
  return { pages, characters, chunks, runs };
}
