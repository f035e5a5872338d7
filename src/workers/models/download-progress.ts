import type { FileProgress, ModelStatus } from '../../core/protocol';

/** transformers.js's progress_callback payload (untyped in its declarations). */
export interface LoadProgress {
  status: string;
  file?: string;
  loaded?: number;
  total?: number;
}

/**
 * Sums transformers.js's per-file progress into one model's download status. Given no Content-Length,
 * transformers.js reports a total that grows with the bytes read (total = loaded): such a file reads "12 MB" rather
 * than "12 MB of 12 MB" (the UI shows a total only when it is ahead of the bytes done).
 */
export class DownloadProgress {
  readonly #files = new Map<string, FileProgress>();

  update(event: LoadProgress): Extract<ModelStatus, { kind: 'downloading' }> | undefined {
    if (event.status !== 'progress' || !event.file) return undefined;
    const loadedBytes = event.loaded ?? 0;
    this.#files.set(event.file, { file: event.file, loadedBytes, totalBytes: Math.max(event.total ?? 0, loadedBytes) });
    const files = [...this.#files.values()];
    const sum = (key: 'loadedBytes' | 'totalBytes') => files.reduce((total, file) => total + file[key], 0);
    // A small file finishing while a large one is still coming would otherwise hide the one people wait for.
    const inProgress = (file: FileProgress) => file.loadedBytes < file.totalBytes;
    const shown = inProgress(this.#files.get(event.file)!) ? event.file : (files.find(inProgress)?.file ?? event.file);
    return { kind: 'downloading', loadedBytes: sum('loadedBytes'), totalBytes: sum('totalBytes'), file: shown, files };
  }
}
