// Export and import of the whole library as one file (the format: core/backup, docs/BACKUP-FORMAT.md). The backup is
// gzip over the format's parts, written and read one document at a time: never the whole library in memory.
import { BackupError, BackupReader, backupWriter, FILE_PART_BYTES, type BackupDocument, type BackupItem, type BackupSummary } from '../../core/backup/backup-format';
import type { DocId } from '../../core/ids';
import type { BackupProgress } from '../../core/protocol';
import { getStoredDocument, loadConversations, type DocumentBundle, type LibraryDb, type StoredChunk } from './storage';

/** gzip's first two bytes: a file without them is not a backup (its parts are never written uncompressed). */
const GZIP_MAGIC = [0x1f, 0x8b];

/** A stored document as a backup holds it: vectors in the chunks' order, the file in parts. */
async function toBackup({ document, pages, chunks, embeddings, file }: DocumentBundle & { chunks: StoredChunk[] }): Promise<BackupDocument> {
  const ordered = [...chunks].sort((a, b) => a.ordinal - b.ordinal);
  let vectors: BackupDocument['vectors'];
  if (embeddings && embeddings.dims > 0) {
    const rowOf = new Map(embeddings.chunkIds.map((id, row) => [id, row]));
    // Vectors that do not cover every chunk are left out: the document is embedded again after an import.
    if (ordered.every((chunk) => rowOf.has(chunk.id))) {
      const data = new Float32Array(ordered.length * embeddings.dims);
      ordered.forEach((chunk, row) => {
        const from = rowOf.get(chunk.id)! * embeddings.dims;
        data.set(embeddings.vectors.subarray(from, from + embeddings.dims), row * embeddings.dims);
      });
      vectors = { modelId: embeddings.modelId, dims: embeddings.dims, data };
    }
  }
  const parts: Uint8Array[] = [];
  for (let start = 0; file && start < file.blob.size; start += FILE_PART_BYTES) {
    parts.push(new Uint8Array(await file.blob.slice(start, start + FILE_PART_BYTES).arrayBuffer()));
  }
  return {
    record: document,
    pages: pages.map(({ docId: _docId, ...page }) => page),
    chunks: ordered,
    vectors,
    file: file && { type: file.type, parts, ...(file.password !== undefined ? { password: file.password } : {}) },
  };
}

/** A backed-up document as storage keeps it. */
export function fromBackup({ record, pages, chunks, vectors, file }: BackupDocument): DocumentBundle {
  const docId = record.id;
  return {
    document: record,
    pages: pages.map((page) => ({ ...page, docId })),
    chunks,
    embeddings: vectors && { docId, modelId: vectors.modelId, dims: vectors.dims, chunkIds: chunks.map((chunk) => chunk.id), vectors: vectors.data },
    file: file && { docId, type: file.type, blob: new Blob(file.parts as Uint8Array<ArrayBuffer>[], { type: file.type }), ...(file.password !== undefined ? { password: file.password } : {}) },
  };
}

export interface ExportCounts {
  documents: number;
  conversations: number;
  bytes: number;
}

/**
 * Writes the library as a backup through `write`, a piece at a time; `write` resolving to false cancels (the export
 * stops at once, and resolves to undefined). Documents removed while it runs are left out; the backup's end part
 * counts what it holds.
 */
export async function exportLibrary(
  db: LibraryDb,
  ids: readonly DocId[],
  write: (bytes: Uint8Array) => Promise<boolean>,
  onProgress: (progress: BackupProgress) => void,
): Promise<ExportCounts | undefined> {
  let bytes = 0;
  const counts = { documents: 0, conversations: 0 };
  async function* parts(): AsyncGenerator<Uint8Array[]> {
    yield await backupWriter.start(Date.now());
    for (const [done, id] of ids.entries()) {
      const stored = await getStoredDocument(db, id);
      if (stored) {
        yield await backupWriter.document(await toBackup(stored));
        counts.documents++;
      }
      onProgress({ phase: 'exporting', done: done + 1, total: ids.length, bytes });
    }
    for (const conversation of await loadConversations(db)) {
      yield await backupWriter.conversation(conversation);
      counts.conversations++;
    }
    yield await backupWriter.end(counts);
  }
  // Pulled: the next document is read only when gzip and `write` have taken the last one.
  const source = parts();
  const backup = new ReadableStream<BufferSource>({
    async pull(controller) {
      const next = await source.next();
      if (next.done) controller.close();
      // Every part is a view of an ArrayBuffer of its own (never shared memory).
      else for (const part of next.value) controller.enqueue(part as Uint8Array<ArrayBuffer>);
    },
    async cancel() {
      await source.return(undefined);
    },
  });
  const output = backup.pipeThrough(new CompressionStream('gzip')).getReader();
  for (let next = await output.read(); !next.done; next = await output.read()) {
    bytes += next.value.length;
    if (!(await write(next.value))) {
      await output.cancel();
      return undefined;
    }
  }
  return { ...counts, bytes };
}

/**
 * Reads a backup file from start to end, checking all of it (core/backup), and hands each complete item to `onItem`
 * as it comes. Throws a BackupError that says what is wrong with a file that is not a whole, intact backup.
 */
export async function readBackup(
  file: Blob,
  onItem: (item: BackupItem) => Promise<void>,
  onBytes: (read: number) => void,
): Promise<BackupSummary> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  if (head.length < 2 || head.some((byte, i) => byte !== GZIP_MAGIC[i])) throw new BackupError('not-a-backup', 'This file is not a Docent library backup.');
  let read = 0;
  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, BufferSource>({
      transform(chunk, controller) {
        read += chunk.length;
        onBytes(read);
        controller.enqueue(chunk);
      },
    }),
  );
  const reader = new BackupReader();
  const input = counted.pipeThrough(new DecompressionStream('gzip')).getReader();
  const next = () =>
    input.read().catch(() => {
      // gzip's own check failed: bytes changed, or the file stops in the middle of its compressed data.
      throw new BackupError('damaged', 'This backup is damaged or incomplete: its compressed data cannot be read (a file changed or cut short while it was saved or copied).');
    });
  try {
    for (let chunk = await next(); !chunk.done; chunk = await next()) {
      for (const item of await reader.push(chunk.value)) await onItem(item);
    }
  } catch (error) {
    await input.cancel().catch(() => undefined);
    throw error;
  }
  return reader.finish();
}
