import { chunkPages, withPageStarts } from '../../core/chunking';
import { identityText } from '../../core/document-identity';
import type { DocId } from '../../core/ids';
import type { Chunk, DocumentState } from '../../core/library';
import { readingWarning } from '../../core/reading-report';
import type { Embedder } from './embedder';
import { UnreadableFileError } from './pdf-text';
import { readDocument } from './read-document';
import { packRuns, type DocumentBundle } from './storage';

/**
 * Turns a file into everything stored for it: read (cleaned pages with layout), chunked in the embedder's own
 * tokens, embedded with each chunk's title and heading as context. Reports progress through `onProgress`, which
 * may throw to cancel.
 */
export async function prepareDocument(
  id: DocId,
  file: File,
  bytes: Uint8Array,
  embedder: Embedder,
  onProgress: (state: DocumentState, counts: { pageCount: number; chunkCount: number }) => void,
  password?: string,
): Promise<DocumentBundle & { chunks: Chunk[] }> {
  const { format, pages, unreadablePages, identity: read } = await readDocument(
    file,
    bytes,
    (done, total) => onProgress({ kind: 'indexing', stage: 'reading', done, total }, { pageCount: total, chunkCount: 0 }),
    password,
  );
  // Without the search model (offline before its first download) the chunker estimates tokens, and the document is
  // stored for keyword search; it is embedded once the model loads.
  const countTokens = await embedder.tokenCounter().catch(() => undefined);
  // Who the document is, for search: a keyword field of every chunk, and the first line of what is embedded.
  const identity = identityText({ fileName: file.name, ...read });
  const drafts = chunkPages(id, pages, { countTokens, title: identity });
  if (drafts.length === 0) {
    throw new UnreadableFileError(
      format === 'pdf' ? 'No text was found in this PDF: its pages hold only images or drawings (a scan?).' : 'No text was found in this file.',
    );
  }
  const counts = { pageCount: pages.length, chunkCount: drafts.length };
  const embedded = countTokens
    ? await embedder.embedPassages(
        drafts.map((draft) => draft.contextText),
        (done) => onProgress({ kind: 'indexing', stage: 'embedding', done, total: drafts.length }, counts),
      )
    : undefined;
  const withoutText = format === 'pdf' ? pages.filter((page) => !page.text.trim() && !unreadablePages.includes(page.page)).map((page) => page.page) : [];
  // Storing contextText would store every passage twice: its first line is kept, to embed the same text again later.
  const chunks: Chunk[] = drafts.map(({ contextText, ...chunk }) => {
    const context = contextText === chunk.text ? undefined : contextText.slice(0, contextText.length - chunk.text.length - 1);
    return { ...chunk, identity, ...(context ? { context } : {}) };
  });
  return {
    document: { id, name: file.name, format, bytes: file.size, addedAt: Date.now(), ...counts, warning: readingWarning(pages.length, unreadablePages, withoutText) },
    file: format === 'pdf' ? { docId: id, type: file.type, blob: file, password } : undefined,
    pages: withPageStarts(pages).map(({ page, start, text, layout }) => ({ docId: id, page, start, text, layout: layout && { ...layout, runs: packRuns(layout.runs) } })),
    chunks,
    embeddings: embedded && { docId: id, modelId: embedder.model.id, chunkIds: chunks.map((chunk) => chunk.id), ...embedded },
  };
}
