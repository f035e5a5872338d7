import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BackupError, type BackupItem } from '../../core/backup/backup-format';
import { chunkPages, withPageStarts } from '../../core/chunking';
import type { Conversation } from '../../core/conversation';
import { asDocId } from '../../core/ids';
import { exportLibrary, fromBackup, readBackup } from './library-backup';
import { getChunksOf, getStoredDocument, openLibraryDb, saveConversation, saveDocument, type DocumentBundle } from './storage';

let databases = 0;
const freshDb = () => openLibraryDb(`docent-backup-test-${databases++}`);

function bundleOf(id: string, texts: string[], withFile: boolean): DocumentBundle {
  const docId = asDocId(id);
  const pages = withPageStarts(texts.map((text, i) => ({ docId, page: i + 1, text })));
  const chunks = chunkPages(docId, pages, { maxChars: 60, overlapChars: 0 }).map(({ contextText: _context, ...chunk }) => chunk);
  const layout = { width: 595, height: 842, viewBox: [0, 0, 595, 842] as [number, number, number, number], rotation: 0, runs: new Float32Array([0, 5, 56, 780, 40, 12]) };
  return {
    document: { id: docId, name: `${id}.${withFile ? 'pdf' : 'md'}`, format: withFile ? 'pdf' : 'markdown', bytes: 10, pageCount: texts.length, chunkCount: chunks.length, addedAt: 1 },
    file: withFile ? { docId, type: 'application/pdf', blob: new Blob([new Uint8Array(3000).fill(7)]) } : undefined,
    pages: withFile ? pages.map((page) => ({ ...page, layout })) : pages,
    chunks,
    embeddings: { docId, modelId: 'm', dims: 2, chunkIds: chunks.map((c) => c.id).reverse(), vectors: new Float32Array(chunks.flatMap((_, i) => [i, -i])) },
  };
}

const conversation: Conversation = { id: 'c1', title: 'Treaty', createdAt: 1, updatedAt: 5, turns: [] };

/** The library written as a backup, the pieces `write` received joined into one file. */
async function exported(bundles: DocumentBundle[]): Promise<Blob> {
  const db = await freshDb();
  for (const bundle of bundles) await saveDocument(db, bundle);
  await saveConversation(db, conversation);
  const pieces: Uint8Array[] = [];
  const counts = await exportLibrary(db, bundles.map((bundle) => bundle.document.id), async (bytes) => (pieces.push(bytes), true), () => undefined);
  expect(counts).toMatchObject({ documents: bundles.length, conversations: 1 });
  return new Blob(pieces as Uint8Array<ArrayBuffer>[]);
}

async function itemsOf(file: Blob): Promise<BackupItem[]> {
  const items: BackupItem[] = [];
  await readBackup(file, async (item) => void items.push(item), () => undefined);
  return items;
}

describe('library backup', () => {
  const pdf = bundleOf('treaty', ['The treaty was signed in the spring of', '1648 at Münster. Peace followed.'], true);
  const notes = bundleOf('notes', ['# Notes\n\nHer cat is named Marmalade.'], false);

  it('exports documents and conversations that import as they were stored, vectors re-ordered with their chunks', async () => {
    const backup = await exported([pdf, notes]);
    const items = await itemsOf(backup);
    expect(items.map((item) => item.kind)).toEqual(['document', 'document', 'conversation']);

    const target = await freshDb();
    for (const item of items) if (item.kind === 'document') await saveDocument(target, fromBackup(item.document));
    for (const original of [pdf, notes]) {
      const id = original.document.id;
      const stored = (await getStoredDocument(target, id))!;
      expect(stored.document).toEqual(original.document);
      expect(stored.pages).toEqual(original.pages);
      expect(await getChunksOf(target, id)).toEqual(original.chunks);
      // Row i of the imported vectors belongs to chunkIds[i], as in the original (stored in another order).
      const rowOf = (e: typeof stored.embeddings) => new Map(e!.chunkIds.map((chunkId, row) => [chunkId, [...e!.vectors.subarray(row * 2, row * 2 + 2)]]));
      expect(rowOf(stored.embeddings)).toEqual(rowOf(original.embeddings));
    }
    const file = (await getStoredDocument(target, pdf.document.id))!.file!;
    expect(new Uint8Array(await file.blob.arrayBuffer())).toEqual(new Uint8Array(3000).fill(7));
  });

  it('stops when the page cancels, writing nothing more', async () => {
    const db = await freshDb();
    await saveDocument(db, pdf);
    let writes = 0;
    const counts = await exportLibrary(db, [pdf.document.id], async () => ++writes < 1, () => undefined);
    expect(counts).toBeUndefined();
    expect(writes).toBe(1);
  });

  it('refuses a file cut short, one changed, and one that is not a backup, with what is wrong', async () => {
    const backup = new Uint8Array(await (await exported([pdf, notes])).arrayBuffer());
    const problem = (bytes: Uint8Array) =>
      itemsOf(new Blob([bytes as Uint8Array<ArrayBuffer>])).then(
        () => 'read',
        (error: unknown) => (error instanceof BackupError ? error.problem : String(error)),
      );
    expect(await problem(backup.slice(0, backup.length - 20))).toBe('damaged');
    const changed = backup.slice();
    changed[Math.floor(changed.length / 2)] ^= 0xff;
    expect(await problem(changed)).toBe('damaged');
    expect(await problem(new TextEncoder().encode('%PDF-1.7'))).toBe('not-a-backup');
  });
});
