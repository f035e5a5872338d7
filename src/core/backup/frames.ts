// The framing of a Docent library backup (docs/BACKUP-FORMAT.md): a magic line, then parts, each a header line of
// JSON and its payload. Written and read a part at a time, so neither side ever holds the whole library.

/** The first line of every backup (after gzip is undone). */
export const MAGIC = 'DOCENT LIBRARY BACKUP\n';
/** A header line longer than this is not a backup's: reading stops rather than buffer garbage. */
export const MAX_HEADER_BYTES = 64 * 1024;

/** What every part's header says; each kind of part adds fields of its own. */
export interface PartHeader {
  part: string;
  /** Length of the payload in bytes. */
  bytes: number;
  /** SHA-256 of the payload, hex. */
  sha256: string;
}

export interface Frame {
  header: PartHeader & Record<string, unknown>;
  payload: Uint8Array;
}

const encoder = new TextEncoder();
const NEWLINE = 0x0a;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** One part as bytes: its header line (with the payload's length and checksum), the payload, a newline. */
export async function encodePart(part: string, fields: Record<string, unknown>, payload: Uint8Array): Promise<Uint8Array[]> {
  const header: PartHeader = { part, bytes: payload.length, sha256: await sha256Hex(payload), ...fields };
  return [encoder.encode(`${JSON.stringify(header)}\n`), payload, encoder.encode('\n')];
}

export const encodeMagic = () => encoder.encode(MAGIC);

export type FramingProblem = 'not-a-backup' | 'damaged';

export class FramingError extends Error {
  constructor(
    readonly problem: FramingProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Cuts a stream of bytes into parts, however the bytes arrive. `push` takes the next bytes and returns the parts
 * they complete; `finish` says whether the stream ended between parts.
 */
export class FrameReader {
  #chunks: Uint8Array[] = [];
  /** Bytes buffered in `#chunks`, from `#offset` in the first. */
  #buffered = 0;
  #offset = 0;
  #magicSeen = false;
  #header: Frame['header'] | undefined;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });

  push(bytes: Uint8Array): Frame[] {
    if (bytes.length > 0) {
      this.#chunks.push(bytes);
      this.#buffered += bytes.length;
    }
    const frames: Frame[] = [];
    for (let frame = this.#next(); frame; frame = this.#next()) frames.push(frame);
    return frames;
  }

  /** True when the bytes so far end exactly after a part (or the magic line). */
  get atBoundary(): boolean {
    return this.#buffered === 0 && this.#header === undefined;
  }

  #next(): Frame | undefined {
    if (!this.#magicSeen) {
      if (this.#buffered < MAGIC.length) {
        if (!MAGIC.startsWith(this.#decode(this.#peek(this.#buffered)))) throw new FramingError('not-a-backup', 'it does not start as a Docent backup does');
        return undefined;
      }
      if (this.#decode(this.#take(MAGIC.length)) !== MAGIC) throw new FramingError('not-a-backup', 'it does not start as a Docent backup does');
      this.#magicSeen = true;
    }
    if (!this.#header) {
      const end = this.#indexOfNewline(MAX_HEADER_BYTES);
      if (end < 0) return undefined;
      this.#header = parseHeader(this.#decode(this.#take(end + 1)).slice(0, -1));
    }
    const { bytes } = this.#header;
    if (this.#buffered < bytes + 1) return undefined;
    const payload = this.#take(bytes);
    if (this.#take(1)[0] !== NEWLINE) throw new FramingError('damaged', `the ${this.#header.part} part is longer than its header says`);
    const frame = { header: this.#header, payload };
    this.#header = undefined;
    return frame;
  }

  #decode(bytes: Uint8Array): string {
    try {
      return this.#decoder.decode(bytes);
    } catch {
      throw new FramingError(this.#magicSeen ? 'damaged' : 'not-a-backup', 'a part header is not text');
    }
  }

  /** Index (from the read position) of the first newline within `limit` bytes; -1 if none is buffered yet. */
  #indexOfNewline(limit: number): number {
    let seen = 0;
    let offset = this.#offset;
    for (const chunk of this.#chunks) {
      const at = chunk.indexOf(NEWLINE, offset);
      if (at >= 0 && seen + at - offset < limit) return seen + at - offset;
      seen += chunk.length - offset;
      offset = 0;
      if (seen >= limit) throw new FramingError('damaged', 'a part header is longer than any backup writes');
    }
    return -1;
  }

  #peek(length: number): Uint8Array {
    const copy = this.#copy(length, false);
    return copy;
  }

  #take(length: number): Uint8Array {
    return this.#copy(length, true);
  }

  #copy(length: number, consume: boolean): Uint8Array {
    const first = this.#chunks[0];
    // The common case for payloads: all of it inside the first chunk, returned without copying.
    if (first && first.length - this.#offset >= length) {
      const view = first.subarray(this.#offset, this.#offset + length);
      if (consume) this.#advance(length);
      return view;
    }
    const out = new Uint8Array(length);
    let written = 0;
    let offset = this.#offset;
    for (const chunk of this.#chunks) {
      if (written === length) break;
      const piece = chunk.subarray(offset, offset + Math.min(length - written, chunk.length - offset));
      out.set(piece, written);
      written += piece.length;
      offset = 0;
    }
    if (consume) this.#advance(length);
    return out;
  }

  #advance(length: number) {
    this.#buffered -= length;
    let left = length;
    while (left > 0) {
      const available = this.#chunks[0].length - this.#offset;
      if (left < available) {
        this.#offset += left;
        return;
      }
      left -= available;
      this.#chunks.shift();
      this.#offset = 0;
    }
    if (this.#chunks[0]?.length === this.#offset) {
      this.#chunks.shift();
      this.#offset = 0;
    }
  }
}

function parseHeader(line: string): Frame['header'] {
  let header: unknown;
  try {
    header = JSON.parse(line);
  } catch {
    throw new FramingError('damaged', 'a part header is not valid');
  }
  const { part, bytes, sha256 } = (header ?? {}) as Partial<PartHeader>;
  if (typeof part !== 'string' || !Number.isSafeInteger(bytes) || bytes! < 0 || typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) {
    throw new FramingError('damaged', 'a part header is not valid');
  }
  return header as Frame['header'];
}
