import { withPageStarts } from '../../core/chunking';
import type { Chunk } from '../../core/library';
import type { StoredPage, UpgradeTransaction } from './storage';

/**
 * Schema 3 stores a document's text once, in its pages: each page learns where it starts in the joined text, chunks
 * lose their copy of the text, files are kept for PDFs only (the only ones drawn), and the keyword index, now stored
 * gzipped, is dropped to be rebuilt from the chunks on the next open.
 */
export async function migrateToPageText(tx: UpgradeTransaction): Promise<void> {
  const pages = tx.objectStore('pages');
  const chunks = tx.objectStore('chunks');
  for (const document of await tx.objectStore('documents').getAll()) {
    const stored = await pages.index('by-doc').getAll(document.id);
    const documentChunks = (await chunks.index('by-doc').getAll(document.id)) as Chunk[];
    // Schema 1 had no pages: its chunks hold the only copy of the text, and the pages are made from them.
    const withStarts = stored.length > 0 ? withPageStarts(stored) : pagesFromChunks(documentChunks);
    await Promise.all(withStarts.map((page) => pages.put(page)));
    await Promise.all(documentChunks.map(({ text, ...chunk }) => chunks.put(chunk)));
    if (document.format !== 'pdf') await tx.objectStore('files').delete(document.id);
  }
  await tx.objectStore('keyword-index').clear();
}

/**
 * Pages that give back every chunk's text at its offsets (`sliceOfPages`): the chunks laid out at their offsets, the
 * gaps between them (whitespace in the original) as line breaks, cut where the first chunk of each page starts. A
 * page may so hold the end of a sentence of the next: schema 1 kept no page breaks.
 */
function pagesFromChunks(chunks: readonly Chunk[]): StoredPage[] {
  if (chunks.length === 0) return [];
  const length = Math.max(...chunks.map((chunk) => chunk.charEnd));
  const characters = new Array<string>(length).fill('\n');
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.text.length; i++) characters[chunk.charStart + i] = chunk.text[i];
  }
  const text = characters.join('');
  const starts = new Map<number, number>();
  for (const chunk of chunks) starts.set(chunk.pageStart, Math.min(starts.get(chunk.pageStart) ?? Infinity, chunk.charStart));
  const ordered = [...starts].sort(([a], [b]) => a - b);
  return ordered.map(([page, start], i) => ({
    docId: chunks[0].docId,
    page,
    start,
    text: text.slice(start, i + 1 < ordered.length ? ordered[i + 1][1] : length).trimEnd(),
  }));
}
