import type { DocumentState, OcrPages } from '../core/library';
import { describePages } from '../core/reading-report';
import type { BackupProgress, DuplicateFile, ExportSummary, ImportSummary, ModelStatus } from '../core/protocol';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "3.0 MB of 12 MB", or "3.0 MB" while the total is unknown (0: the host sent no size). */
export function formatProgress(loadedBytes: number, totalBytes: number): string {
  return totalBytes > loadedBytes ? `${formatBytes(loadedBytes)} of ${formatBytes(totalBytes)}` : formatBytes(loadedBytes);
}

/** "Pages 1–3 read by OCR; low confidence on page 2." ("Read by OCR." for a one-page document, an image.) */
export function describeOcr(ocr: OcrPages, pageCount: number): string {
  const read = pageCount === 1 ? 'Read by OCR' : `${ocr.pages.length === pageCount ? 'All pages' : upperFirst(describePages(ocr.pages))} read by OCR`;
  const unsure = ocr.lowConfidence.length === 0 ? '' : `; low confidence on ${pageCount === 1 ? 'its text' : describePages(ocr.lowConfidence)}, so check what it cites`;
  return `${read}${unsure}.`;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * How a passage on pages `[pageStart, pageEnd]` was read, when OCR read any of them: "read by OCR", with a warning
 * where the engine was unsure of a page.
 */
export function ocrNote(ocr: OcrPages | undefined, pageStart: number, pageEnd: number): string | undefined {
  const within = (page: number) => page >= pageStart && page <= pageEnd;
  if (!ocr?.pages.some(within)) return undefined;
  return ocr.lowConfidence.some(within) ? 'read by OCR, with low confidence: check it against the page' : 'read by OCR';
}

export function describeDocumentState(state: DocumentState, pageCount: number, chunkCount: number, warning?: string, ocr?: OcrPages): string {
  switch (state.kind) {
    case 'indexing':
      if (state.stage === 'ocr') return `Indexing: reading page ${state.page} of ${pageCount || '…'} with OCR${state.total > 1 ? ` (${state.done + 1} of ${state.total} scanned pages)` : ''}`;
      return state.stage === 'reading'
        ? `Indexing: reading page ${state.done} of ${state.total || '…'}`
        : `Indexing: embedded ${state.done} of ${state.total} passages`;
    case 'ready': {
      const ready = `Ready: ${pageCount} ${pageCount === 1 ? 'page' : 'pages'}, ${chunkCount} ${chunkCount === 1 ? 'passage' : 'passages'}`;
      const notes = [warning, ocr && describeOcr(ocr, pageCount), state.keywordsOnly && 'Found by its words only until the search model is available.'].filter(Boolean);
      return notes.length ? `${ready}. ${notes.join(' ')}` : ready;
    }
    case 'needs-password':
      return state.wrong ? 'Needs its password: that one is not right. Try again.' : 'Needs its password: this PDF is encrypted.';
    case 'failed':
      return `Failed: ${state.reason}`;
  }
}

export function describeModelStatus(status: ModelStatus): string {
  switch (status.kind) {
    case 'idle':
      return 'loads when first needed';
    case 'downloading': {
      const current = status.files?.find((file) => file.file === status.file);
      const all = `downloading ${formatProgress(status.loadedBytes, status.totalBytes)}`;
      // The file being fetched, when the model has several: "(onnx/model_quantized.onnx: 12 MB of 33 MB)".
      return current && status.files!.length > 1 ? `${all} (${current.file}: ${formatProgress(current.loadedBytes, current.totalBytes)})` : all;
    }
    case 'warming-up':
      return 'warming up';
    case 'ready': {
      const ready = status.device === 'webgpu' ? 'ready, on GPU' : 'ready, on CPU';
      return status.fallback ? `${ready}. ${status.fallback}` : ready;
    }
    case 'failed':
      return status.retryAt === undefined ? status.reason : `${status.reason} Next try at ${formatClock(status.retryAt)}.`;
    case 'skipped':
      return status.reason;
  }
}

/** "14:02:05": a time today, as this browser's language writes it. */
export const formatClock = (epochMs: number) => new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** "copy.pdf is already in your library as report.pdf." */
export function describeDuplicate({ name, existingName, pending }: DuplicateFile): string {
  const as = existingName === name ? '' : ` as ${existingName}`;
  return pending ? `${name} is already being added${as}.` : `${name} is already in your library${as}.`;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "Exporting: 3 of 12 documents, 4.2 MB written", "Checking the backup: 12 MB of 45 MB". */
export function describeBackupProgress({ phase, done, total, bytes }: BackupProgress): string {
  if (phase === 'exporting') return `Exporting: ${done} of ${count(total, 'document')}, ${formatBytes(bytes)} written`;
  if (phase === 'checking') return `Checking the backup: ${formatProgress(bytes, total)}`;
  return `Importing: ${done} of ${count(total, 'document')}`;
}

export function describeExport({ documents, conversations, bytes }: ExportSummary, fileName: string): string {
  return `Exported ${count(documents, 'document')} and ${count(conversations, 'chat')} (${formatBytes(bytes)}) to ${fileName}.`;
}

/** What an import did: documents and chats added, documents the library held already, what will be embedded again. */
export function describeImport({ added, skipped, conversations, reembedding }: ImportSummary, fileName: string): string {
  const notes = [`Imported ${count(added.length, 'document')} and ${count(conversations, 'chat')} from ${fileName}.`];
  if (skipped.length > 0) notes.push(`Already in your library, so skipped: ${skipped.join(', ')}.`);
  if (reembedding > 0) notes.push(`${count(reembedding, 'document')} will be indexed by meaning again with the current search model; until then, they are found by their words.`);
  return notes.join(' ');
}
