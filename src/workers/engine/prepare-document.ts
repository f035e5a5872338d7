import { chunkPages, withPageStarts } from '../../core/chunking';
import { identityText } from '../../core/document-identity';
import type { DocId } from '../../core/ids';
import type { Chunk, DocumentState } from '../../core/library';
import { readingWarning } from '../../core/reading-report';
import type { Embedder } from './embedder';
import { UnreadableFileError } from './pdf-text';
import { readDocument } from './read-document';
import type { OcrReport } from './scanned-pages';
import { packRuns, type DocumentBundle } from './storage';

/** The pages OCR read, for the document's record; nothing when no page needed it. */
const ocrPages = (ocr: OcrReport | undefined) => (ocr && ocr.pages.length > 0 ? { ocr: { pages: ocr.pages, lowConfidence: ocr.lowConfidence } } : {});

/** Why OCR read nothing, when it failed on pages: " OCR could not read page 2: …". */
const ocrFailures = (ocr: OcrReport | undefined) => (ocr?.failed ?? []).map(({ page, reason }) => ` OCR could not read page ${page}: ${reason}`).join('');

/**
 * Turns a file into everything stored for it: read (cleaned pages with layout), chunked in the embedder's own
 * tokens, embedded with each chunk's title and heading as context. Reports progress through `onProgress`, which
 * may throw to cancel; `signal` cancels reading with OCR, which may be in the middle of a page.
 */
export async function prepareDocument(
  id: DocId,
  file: File,
  bytes: Uint8Array,
  embedder: Embedder,
  onProgress: (state: DocumentState, counts: { pageCount: number; chunkCount: number }) => void,
  password?: string,
  signal?: AbortSignal,
): Promise<DocumentBundle & { chunks: Chunk[] }> {
  let pageCount = 0;
  const { format, pages, unreadablePages, identity: read, ocr } = await readDocument(
    file,
    bytes,
    (done, total) => onProgress({ kind: 'indexing', stage: 'reading', done, total }, { pageCount: (pageCount = total), chunkCount: 0 }),
    password,
    { signal, onProgress: ({ page, done, total }) => onProgress({ kind: 'indexing', stage: 'ocr', page, done, total }, { pageCount: Math.max(pageCount, 1), chunkCount: 0 }) },
  );
  // Without the search model (offline before its first download) the chunker estimates tokens, and the document is
  // stored for keyword search; it is embedded once the model loads.
  const countTokens = await embedder.tokenCounter().catch(() => undefined);
  // Who the document is, for search: a keyword field of every chunk, and the first line of what is embedded.
  const identity = identityText({ fileName: file.name, ...read });
  const drafts = chunkPages(id, pages, { countTokens, title: identity });
  if (drafts.length === 0) {
    throw new UnreadableFileError(
      format === 'pdf' || format === 'image'
        ? `No text was found in this ${format === 'pdf' ? 'PDF' : 'image'}, even with OCR: it holds only pictures or drawings.${ocrFailures(ocr)}`
        : 'No text was found in this file.',
    );
  }
  const counts = { pageCount: pages.length, chunkCount: drafts.length };
  const embedded = countTokens
    ? await embedder.embedPassages(
        drafts.map((draft) => draft.contextText),
        (done) => onProgress({ kind: 'indexing', stage: 'embedding', done, total: drafts.length }, counts),
      )
    : undefined;
  const withoutText = format === 'pdf' || format === 'image' ? pages.filter((page) => !page.text.trim() && !unreadablePages.includes(page.page)).map((page) => page.page) : [];
  // Storing contextText would store every passage twice: its first line is kept, to embed the same text again later.
  const chunks: Chunk[] = drafts.map(({ contextText, ...chunk }) => {
    const context = contextText === chunk.text ? undefined : contextText.slice(0, contextText.length - chunk.text.length - 1);
    return { ...chunk, identity, ...(context ? { context } : {}) };
  });
  return {
    document: { id, name: file.name, format, bytes: file.size, addedAt: Date.now(), ...counts, warning: readingWarning(pages.length, unreadablePages, withoutText, ocr?.failed), ...ocrPages(ocr) },
    // The original is kept to draw its pages with the passage boxed: PDFs, and images (read by OCR).
    file: format === 'pdf' || format === 'image' ? { docId: id, type: file.type, blob: file, password } : undefined,
    pages: withPageStarts(pages).map(({ page, start, text, layout }) => ({ docId: id, page, start, text, layout: layout && { ...layout, runs: packRuns(layout.runs) } })),
    chunks,
    embeddings: embedded && { docId: id, modelId: embedder.model.id, chunkIds: chunks.map((chunk) => chunk.id), ...embedded },
  };
}
