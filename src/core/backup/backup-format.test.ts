import { describe, expect, it } from 'vitest';
import type { Conversation } from '../conversation';
import { asDocId, chunkIdOf } from '../ids';
import { BackupError, BackupReader, backupWriter, FILE_PART_BYTES, type BackupDocument, type BackupItem } from './backup-format';
import { encodeMagic, encodePart } from './frames';

const docId = asDocId('a1b2c3');
const text = 'The lighthouse keeper is Ada Lindqvist.';

function sampleDocument(): BackupDocument {
  return {
    record: { id: docId, name: 'harbour.pdf', format: 'pdf', bytes: 1234, pageCount: 2, chunkCount: 2, addedAt: 1_700_000_000_000 },
    pages: [
      { page: 1, start: 0, text, layout: { width: 595, height: 842, viewBox: [0, 0, 595, 842], rotation: 0, runs: new Float32Array([0, 10, 56, 780, 100, 12]) } },
      { page: 2, start: text.length + 2, text: 'Her cat is Marmalade.' },
    ],
    chunks: [
      { id: chunkIdOf(docId, 0), docId, ordinal: 0, pageStart: 1, pageEnd: 1, charStart: 0, charEnd: text.length, context: 'harbour.pdf' },
      { id: chunkIdOf(docId, 1), docId, ordinal: 1, pageStart: 2, pageEnd: 2, charStart: text.length + 2, charEnd: text.length + 23 },
    ],
    vectors: { modelId: 'Xenova/gte-small', dims: 3, data: new Float32Array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) },
    file: { type: 'application/pdf', parts: [new Uint8Array([0x25, 0x50, 0x44, 0x46])] },
  };
}

const conversation: Conversation = { id: 'c1', title: 'Keeper', createdAt: 1, updatedAt: 2, turns: [] };

function concat(parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (bytes.set(part, at), at + part.length), 0);
  return bytes;
}

async function backupBytes(documents: BackupDocument[], conversations: Conversation[] = [conversation]): Promise<Uint8Array> {
  return concat([
    ...(await backupWriter.start(42)),
    ...(await Promise.all(documents.map((document) => backupWriter.document(document)))).flat(),
    ...(await Promise.all(conversations.map((c) => backupWriter.conversation(c)))).flat(),
    ...(await backupWriter.end({ documents: documents.length, conversations: conversations.length })),
  ]);
}

/** Reads a backup handed over in pieces of `piece` bytes, as a stream delivers it. */
async function read(bytes: Uint8Array, piece = 7): Promise<{ items: BackupItem[]; summary: ReturnType<BackupReader['finish']> }> {
  const reader = new BackupReader();
  const items: BackupItem[] = [];
  for (let at = 0; at < bytes.length; at += piece) items.push(...(await reader.push(bytes.slice(at, at + piece))));
  return { items, summary: reader.finish() };
}

async function problemOf(bytes: Uint8Array): Promise<string> {
  const error = await read(bytes).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BackupError);
  return `${(error as BackupError).problem}: ${(error as BackupError).message}`;
}

const edit = (bytes: Uint8Array, from: string, to: string) => new TextEncoder().encode(new TextDecoder('latin1').decode(bytes).replace(from, to));

describe('a library backup', () => {
  it('gives back every document part for part, and every conversation, however the bytes arrive', async () => {
    const document = sampleDocument();
    const bytes = await backupBytes([document]);
    for (const piece of [1, 7, 4096, bytes.length]) {
      const { items, summary } = await read(bytes, piece);
      expect(summary).toEqual({ createdAt: 42, documents: 1, conversations: 1 });
      expect(items).toEqual([
        { kind: 'document', document },
        { kind: 'conversation', conversation },
      ]);
    }
  });

  it('keeps a file larger than one part whole, in order', async () => {
    const big = new Uint8Array(FILE_PART_BYTES + 10).map((_, i) => i % 251);
    const parts = [big.subarray(0, FILE_PART_BYTES), big.subarray(FILE_PART_BYTES)];
    const { items } = await read(await backupBytes([{ ...sampleDocument(), file: { type: 'application/pdf', parts } }], []), 1 << 20);
    const [item] = items;
    expect(item.kind === 'document' && item.document.file?.parts.map((part) => part.length)).toEqual([FILE_PART_BYTES, 10]);
  });

  it('reads documents without vectors, layout or file (embedded later; text formats)', async () => {
    const { vectors: _vectors, file: _file, ...rest } = sampleDocument();
    const plain: BackupDocument = { ...rest, record: { ...rest.record, format: 'markdown' }, pages: rest.pages.map(({ layout: _layout, ...page }) => page) };
    const { items } = await read(await backupBytes([plain], []));
    expect(items).toEqual([{ kind: 'document', document: plain }]);
  });

  it('refuses a file cut short anywhere', async () => {
    const bytes = await backupBytes([sampleDocument()]);
    for (const length of [10, 200, Math.floor(bytes.length / 2), bytes.length - 1]) {
      expect(await problemOf(bytes.slice(0, length))).toMatch(/^(truncated|damaged): This backup is/);
    }
    // Cut exactly between two parts: every part checks out, and still the end is missing.
    const withoutEnd = bytes.slice(0, new TextDecoder('latin1').decode(bytes).lastIndexOf('{"part":"end"'));
    expect(await problemOf(withoutEnd)).toMatch(/^truncated: This backup is incomplete/);
  });

  it('refuses a changed byte in any part: it no longer matches its checksum', async () => {
    const bytes = await backupBytes([sampleDocument()]);
    expect(await problemOf(edit(bytes, 'Ada Lindqvist', 'Ada Lindkvist'))).toBe('damaged: This backup is damaged: its pages part does not match its checksum.');
    const vectors = new TextDecoder('latin1').decode(bytes).indexOf('"part":"vectors"');
    const tampered = bytes.slice();
    tampered[bytes.indexOf(0x0a, vectors) + 3] ^= 0x01;
    expect(await problemOf(tampered)).toBe('damaged: This backup is damaged: its vectors part does not match its checksum.');
  });

  it('refuses parts out of their order, a document twice, and totals that do not add up', async () => {
    const document = sampleDocument();
    const [start, first, end] = await Promise.all([backupWriter.start(1), backupWriter.document(document), backupWriter.end({ documents: 2, conversations: 0 })]);
    const join = (...lists: Uint8Array[][]) => concat(lists.flat());
    expect(await problemOf(join(start, first, first, end))).toBe('damaged: This backup is damaged: harbour.pdf is in it twice.');
    expect(await problemOf(join(start, first, end))).toMatch(/holds 1 documents and 0 conversations, not the 2 and 0 its end lists/);
    // The chunks part before the pages part.
    const [documentPart, pagesPart, layoutPart, chunksPart] = [first.slice(0, 3), first.slice(3, 6), first.slice(6, 9), first.slice(9, 12)];
    expect(await problemOf(join(start, documentPart, chunksPart, pagesPart, layoutPart))).toBe('damaged: This backup is damaged: harbour.pdf is missing parts.');
  });

  it('says when a file is not a backup at all, or is of a newer format', async () => {
    expect(await problemOf(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('not-a-backup: This file is not a Docent library backup.');
    expect(await problemOf(new TextEncoder().encode('DOC'))).toMatch(/^truncated/);
    // As a later Docent would write it: the first part says format 2.
    const info = new TextEncoder().encode(JSON.stringify({ format: 2, app: 'Docent', createdAt: 1 }));
    const newer = [encodeMagic(), ...(await encodePart('backup', {}, info))];
    expect(await problemOf(concat(newer))).toBe(
      'newer-format: This backup is in format 2, and this version of Docent reads format 1. Update Docent (reload it when online), then import it again.',
    );
  });

  it('refuses a chunk that belongs to another document, or a count that differs from the record', async () => {
    const document = sampleDocument();
    const stranger = { ...document, chunks: [document.chunks[0], { ...document.chunks[1], docId: asDocId('other') }] };
    expect(await problemOf(await backupBytes([stranger], []))).toBe('damaged: This backup is damaged: the passages of harbour.pdf are not valid.');
    const short = { ...document, chunks: [document.chunks[0]], vectors: { ...document.vectors!, data: document.vectors!.data.subarray(0, 3) } };
    expect(await problemOf(await backupBytes([short], []))).toBe('damaged: This backup is damaged: the passages of harbour.pdf are not the 2 its record lists.');
  });
});
