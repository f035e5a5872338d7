// A Docent library backup, format 1 (docs/BACKUP-FORMAT.md): what its parts hold, in which order, and every check an
// import makes before anything is written. Pure: the library worker feeds it the bytes and stores what it yields.
import type { Conversation } from '../conversation';
import { docIdOf, type ChunkId, type DocId } from '../ids';
import type { Chunk, DocumentRecord } from '../library';
import { DOCUMENT_FORMATS } from '../text/formats';
import type { PageLayout } from '../text/layout';
import { encodeMagic, encodePart, FrameReader, FramingError, sha256Hex, type Frame } from './frames';

export const FORMAT_VERSION = 1;
/** A document's original file is written in parts of at most this many bytes, each with its checksum. */
export const FILE_PART_BYTES = 8 * 1024 * 1024;
/** The floats of one text run in a layout part: start, end, x, y, width, height. */
export const RUN_FLOATS = 6;

/** A page as a backup holds it; its layout's runs are packed as floats, RUN_FLOATS per run. */
export interface BackupPage {
  page: number;
  start: number;
  text: string;
  layout?: Omit<PageLayout, 'runs'> & { runs: Float32Array };
}

/** Everything stored for one document. */
export interface BackupDocument {
  record: DocumentRecord;
  pages: BackupPage[];
  /** In order; a chunk's text is the slice of its pages' text its offsets give. */
  chunks: Omit<Chunk, 'text'>[];
  /** One row of `dims` floats per chunk, in the chunks' order, made by `modelId`. */
  vectors?: { modelId: string; dims: number; data: Float32Array };
  /** The original file (PDFs keep theirs, to draw cited pages). */
  file?: { type: string; password?: string; parts: Uint8Array[] };
}

export type BackupItem = { kind: 'document'; document: BackupDocument } | { kind: 'conversation'; conversation: Conversation };

export interface BackupSummary {
  createdAt: number;
  documents: number;
  conversations: number;
}

export type BackupProblem = 'not-a-backup' | 'newer-format' | 'truncated' | 'damaged';

/** Why a file cannot be imported, in a sentence for the person importing it. */
export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    readonly problem: BackupProblem,
    message: string,
  ) {
    super(message);
  }
}

const damaged = (detail: string) => new BackupError('damaged', `This backup is damaged: ${detail}.`);

// Floats are written as the platform stores them; every browser Docent runs in is little-endian, as the format says.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const jsonBytes = (value: unknown) => encoder.encode(JSON.stringify(value));
const floatBytes = (floats: Float32Array) => new Uint8Array(floats.buffer, floats.byteOffset, floats.byteLength);

/** The parts of a backup, written one at a time: the caller streams each as it comes. */
export const backupWriter = {
  async start(createdAt: number): Promise<Uint8Array[]> {
    if (!LITTLE_ENDIAN) throw new Error('Docent backups are written on little-endian machines.');
    return [encodeMagic(), ...(await encodePart('backup', {}, jsonBytes({ format: FORMAT_VERSION, app: 'Docent', createdAt })))];
  },

  async document({ record, pages, chunks, vectors, file }: BackupDocument): Promise<Uint8Array[]> {
    const doc = record.id;
    const parts = [await encodePart('document', { doc }, jsonBytes(record))];
    const runs = pages.flatMap((page) => (page.layout ? [page.layout.runs] : []));
    const pageEntries = pages.map(({ layout, ...page }) => (layout ? { ...page, layout: { ...layout, runs: layout.runs.length / RUN_FLOATS } } : page));
    parts.push(await encodePart('pages', { doc }, jsonBytes(pageEntries)));
    if (runs.length > 0) {
      const packed = new Float32Array(runs.reduce((sum, run) => sum + run.length, 0));
      let at = 0;
      for (const run of runs) {
        packed.set(run, at);
        at += run.length;
      }
      parts.push(await encodePart('layout', { doc }, floatBytes(packed)));
    }
    parts.push(await encodePart('chunks', { doc }, jsonBytes(chunks)));
    if (vectors) parts.push(await encodePart('vectors', { doc, model: vectors.modelId, dims: vectors.dims }, floatBytes(vectors.data)));
    if (file) {
      for (const [index, piece] of file.parts.entries()) {
        const fields = { doc, type: file.type, index, count: file.parts.length, ...(file.password !== undefined ? { password: file.password } : {}) };
        parts.push(await encodePart('file', fields, piece));
      }
    }
    return parts.flat();
  },

  conversation: async (conversation: Conversation) => encodePart('conversation', { id: conversation.id }, jsonBytes(conversation)),

  end: (counts: { documents: number; conversations: number }) => encodePart('end', counts, new Uint8Array()),
};

function parseJson(frame: Frame, what: string): unknown {
  try {
    return JSON.parse(decoder.decode(frame.payload));
  } catch {
    throw damaged(`${what} cannot be read`);
  }
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function checkRecord(value: unknown, doc: unknown): DocumentRecord {
  const record = value as Partial<DocumentRecord> | null;
  const ok =
    record &&
    typeof record.id === 'string' &&
    record.id === doc &&
    typeof record.name === 'string' &&
    typeof record.format === 'string' &&
    record.format in DOCUMENT_FORMATS &&
    [record.bytes, record.pageCount, record.chunkCount, record.addedAt].every(isCount) &&
    (record.warning === undefined || typeof record.warning === 'string') &&
    (record.ocr === undefined || [record.ocr?.pages, record.ocr?.lowConfidence].every((pages) => Array.isArray(pages) && pages.every(isCount)));
  if (!ok) throw damaged('a document’s record is not valid');
  return record as DocumentRecord;
}

function checkChunks(value: unknown, record: DocumentRecord): Omit<Chunk, 'text'>[] {
  const chunks = value as Omit<Chunk, 'text'>[];
  const what = `the passages of ${record.name}`;
  if (!Array.isArray(chunks) || chunks.length !== record.chunkCount) throw damaged(`${what} are not the ${record.chunkCount} its record lists`);
  const ids = new Set<ChunkId>();
  for (const chunk of chunks) {
    const ok =
      chunk &&
      typeof chunk.id === 'string' &&
      chunk.docId === record.id &&
      docIdOf(chunk.id) === record.id &&
      [chunk.ordinal, chunk.pageStart, chunk.pageEnd, chunk.charStart, chunk.charEnd].every(isCount) &&
      chunk.charStart <= chunk.charEnd &&
      !ids.has(chunk.id);
    if (!ok) throw damaged(`${what} are not valid`);
    ids.add(chunk.id);
  }
  return chunks;
}

interface PageEntry extends Omit<BackupPage, 'layout'> {
  layout?: Omit<PageLayout, 'runs'> & { runs: number };
}

function checkPages(value: unknown, record: DocumentRecord): PageEntry[] {
  const pages = value as PageEntry[];
  const ok =
    Array.isArray(pages) &&
    pages.every((page) => page && isCount(page.page) && isCount(page.start) && typeof page.text === 'string' && (page.layout === undefined || isCount(page.layout.runs)));
  if (!ok) throw damaged(`the pages of ${record.name} are not valid`);
  return pages;
}

function floats(frame: Frame, count: number, what: string): Float32Array {
  if (frame.payload.length !== count * 4) throw damaged(`${what} do not have the length their header says`);
  // A copy: the payload may start at an offset floats cannot be read from.
  return new Float32Array(frame.payload.slice().buffer);
}

interface OpenDocument {
  document: BackupDocument;
  pages: PageEntry[];
  /** The next part this document may have. */
  expect: 'pages' | 'layout-or-chunks' | 'vectors-or-file' | 'file';
  fileCount?: number;
}

/**
 * Reads a backup from its bytes (gzip already undone), checking as it goes: the format version, every part's
 * checksum and length, the order of parts, each record's fields and counts, and the end part's totals. Items are
 * handed out as they are complete; an error says what is wrong, and `finish` says whether the backup ended whole.
 */
export class BackupReader {
  readonly #frames = new FrameReader();
  #info: { createdAt: number } | undefined;
  #open: OpenDocument | undefined;
  #conversationsStarted = false;
  #documents = 0;
  #conversations = 0;
  #ended: BackupSummary | undefined;
  #seen = new Set<DocId>();

  async push(bytes: Uint8Array): Promise<BackupItem[]> {
    let frames: Frame[];
    try {
      frames = this.#frames.push(bytes);
    } catch (error) {
      if (error instanceof FramingError) {
        throw error.problem === 'not-a-backup' ? new BackupError('not-a-backup', 'This file is not a Docent library backup.') : damaged(error.message);
      }
      throw error;
    }
    const items: BackupItem[] = [];
    for (const frame of frames) items.push(...(await this.#accept(frame)));
    return items;
  }

  /** The backup's totals, once all of it has been read; an error if it stopped before its end. */
  finish(): BackupSummary {
    if (!this.#ended || !this.#frames.atBoundary) {
      throw new BackupError('truncated', 'This backup is incomplete: it stops before its end, as a file cut short while it was saved or copied does.');
    }
    return this.#ended;
  }

  async #accept(frame: Frame): Promise<BackupItem[]> {
    const { header } = frame;
    if (this.#ended) throw damaged('there is data after its end');
    if ((await sha256Hex(frame.payload)) !== header.sha256) throw damaged(`its ${header.part} part does not match its checksum`);
    if (!this.#info) return this.#start(frame);

    const open = this.#open;
    if (open && header.doc === open.document.record.id && this.#continue(open, frame)) return [];
    const items: BackupItem[] = [];
    if (open) {
      const { file } = open.document;
      if (open.expect === 'pages' || open.expect === 'layout-or-chunks' || (file && file.parts.length < open.fileCount!)) {
        throw damaged(`${open.document.record.name} is missing parts`);
      }
      items.push({ kind: 'document', document: open.document });
      this.#open = undefined;
    }
    switch (header.part) {
      case 'document': {
        if (this.#conversationsStarted) throw damaged('a document comes after the conversations');
        const record = checkRecord(parseJson(frame, 'a document’s record'), header.doc);
        if (this.#seen.has(record.id)) throw damaged(`${record.name} is in it twice`);
        this.#seen.add(record.id);
        this.#documents++;
        this.#open = { document: { record, pages: [], chunks: [] }, pages: [], expect: 'pages' };
        break;
      }
      case 'conversation': {
        const conversation = parseJson(frame, 'a conversation') as Conversation;
        const ok = conversation && typeof conversation.id === 'string' && typeof conversation.title === 'string' && Array.isArray(conversation.turns) && isCount(conversation.updatedAt);
        if (!ok) throw damaged('a conversation is not valid');
        this.#conversationsStarted = true;
        this.#conversations++;
        items.push({ kind: 'conversation', conversation });
        break;
      }
      case 'end': {
        if (header.documents !== this.#documents || header.conversations !== this.#conversations) {
          throw damaged(`it holds ${this.#documents} documents and ${this.#conversations} conversations, not the ${header.documents} and ${header.conversations} its end lists`);
        }
        this.#ended = { createdAt: this.#info.createdAt, documents: this.#documents, conversations: this.#conversations };
        break;
      }
      default:
        throw damaged(`a ${header.part} part stands where none belongs`);
    }
    return items;
  }

  #start(frame: Frame): BackupItem[] {
    if (frame.header.part !== 'backup') throw new BackupError('not-a-backup', 'This file is not a Docent library backup.');
    const info = parseJson(frame, 'its first part') as { format?: unknown; app?: unknown; createdAt?: unknown };
    if (info?.app !== 'Docent' || !isCount(info.format)) throw new BackupError('not-a-backup', 'This file is not a Docent library backup.');
    if (info.format !== FORMAT_VERSION) {
      throw new BackupError(
        'newer-format',
        `This backup is in format ${info.format}, and this version of Docent reads format ${FORMAT_VERSION}. Update Docent (reload it when online), then import it again.`,
      );
    }
    this.#info = { createdAt: isCount(info.createdAt) ? info.createdAt : 0 };
    return [];
  }

  /** Takes the next part of the open document; false when the part is not one of its own (the document is over). */
  #continue(open: OpenDocument, frame: Frame): boolean {
    const { header } = frame;
    const { document } = open;
    const { record } = document;
    if (open.expect === 'pages') {
      if (header.part !== 'pages') return false;
      open.pages = checkPages(parseJson(frame, `the pages of ${record.name}`), record);
      document.pages = open.pages.map(({ layout: _layout, ...page }) => page);
      open.expect = 'layout-or-chunks';
      return true;
    }
    if (open.expect === 'layout-or-chunks' && header.part === 'layout') {
      const withLayout = open.pages.filter((page) => page.layout);
      if (withLayout.length === 0 || document.pages.some((page) => page.layout)) throw damaged(`the layout of ${record.name} is not where it belongs`);
      const all = floats(frame, withLayout.reduce((sum, page) => sum + page.layout!.runs * RUN_FLOATS, 0), `the layout of ${record.name}`);
      let at = 0;
      document.pages = open.pages.map(({ layout, ...page }) => {
        if (!layout) return page;
        const runs = all.subarray(at, at + layout.runs * RUN_FLOATS);
        at += runs.length;
        return { ...page, layout: { ...layout, runs } };
      });
      return true;
    }
    if (open.expect === 'layout-or-chunks') {
      if (header.part !== 'chunks') return false;
      if (open.pages.some((page) => page.layout) && !document.pages.some((page) => page.layout)) throw damaged(`the layout of ${record.name} is missing`);
      document.chunks = checkChunks(parseJson(frame, `the passages of ${record.name}`), record);
      open.expect = 'vectors-or-file';
      return true;
    }
    if (open.expect === 'vectors-or-file' && header.part === 'vectors') {
      const { model, dims } = header;
      if (typeof model !== 'string' || !Number.isSafeInteger(dims) || (dims as number) < 1 || (dims as number) > 8192) throw damaged(`the vectors of ${record.name} are not valid`);
      document.vectors = { modelId: model, dims: dims as number, data: floats(frame, document.chunks.length * (dims as number), `the vectors of ${record.name}`) };
      open.expect = 'file';
      return true;
    }
    if (header.part !== 'file') return false;
    const { type, index, count, password } = header;
    const first = !document.file;
    const ok =
      typeof type === 'string' &&
      isCount(count) &&
      index === (document.file?.parts.length ?? 0) &&
      (first || count === open.fileCount) &&
      (password === undefined || typeof password === 'string');
    if (!ok || (index as number) >= (count as number)) throw damaged(`the file of ${record.name} is not in order`);
    document.file ??= { type, parts: [], ...(password !== undefined ? { password: password as string } : {}) };
    document.file.parts.push(frame.payload.slice());
    open.fileCount = count as number;
    open.expect = 'file';
    return true;
  }
}
