import type { DocumentState } from '../core/library';
import type { ModelStatus } from '../core/protocol';

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

export function describeDocumentState(state: DocumentState, pageCount: number, chunkCount: number, warning?: string): string {
  switch (state.kind) {
    case 'indexing':
      return state.stage === 'reading'
        ? `Indexing: reading page ${state.done} of ${state.total || '…'}`
        : `Indexing: embedded ${state.done} of ${state.total} passages`;
    case 'ready': {
      const ready = `Ready: ${pageCount} ${pageCount === 1 ? 'page' : 'pages'}, ${chunkCount} ${chunkCount === 1 ? 'passage' : 'passages'}`;
      const notes = [warning, state.keywordsOnly && 'Found by its words only until the search model is available.'].filter(Boolean);
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
    case 'ready':
      return 'ready';
    case 'failed':
      return status.reason;
  }
}
