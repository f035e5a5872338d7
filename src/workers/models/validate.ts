// Checks that a model file is what its name says before it is used or kept: an ONNX model, a JSON document.
// A host that answers a missing file with its index page (status 200, text/html), a download cut short, or a damaged
// cache entry would otherwise break the model until the cache is cleared by hand (transformers.js #1187).

/** A model file that is not what its name says; it is never kept, and a cached copy is removed. */
export class DamagedModelFile extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path} is damaged: ${reason}`);
    this.name = 'DamagedModelFile';
  }
}

/** Smaller than any real ONNX model (a graph with one node and its opset is already ~100 bytes). */
export const MIN_ONNX_BYTES = 64;
const HEAD_BYTES = 16;

type FileKind = 'onnx' | 'json' | 'other';
const kindOf = (path: string): FileKind => (path.endsWith('.onnx') ? 'onnx' : path.endsWith('.json') ? 'json' : 'other');

/** ModelProto's field numbers and wire types (onnx.proto): 1 ir_version (varint), the others length-delimited. */
const MODEL_PROTO_FIELDS = new Map([
  [1, 0], [2, 2], [3, 2], [4, 2], [5, 0], [6, 2], [7, 2], [8, 2], [14, 2], [20, 2], [25, 2],
]);

/** Whether the bytes start as a serialized onnx.ModelProto does: a protobuf tag of one of its fields. */
export function startsLikeOnnx(head: Uint8Array): boolean {
  let tag = 0;
  for (let i = 0, shift = 0; i < Math.min(head.length, 5); i++, shift += 7) {
    tag |= (head[i] & 0x7f) << shift;
    if (!(head[i] & 0x80)) return MODEL_PROTO_FIELDS.get(tag >>> 3) === (tag & 7);
  }
  return false;
}

const firstVisible = (head: Uint8Array) => head.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09 && byte !== 0xef && byte !== 0xbb && byte !== 0xbf);

/** Whether a response says it is a web page (a host's index or error page answering for a missing file). */
export const isWebPage = (headers: Headers) => /text\/html/i.test(headers.get('content-type') ?? '');

/** Why the start of a file (and its content type) show it is not the named file, or null when it may be. */
export function checkHead(path: string, contentType: string | null, head: Uint8Array): string | null {
  const kind = kindOf(path);
  // Raw weights (external data) may start with any byte; only a named page type tells a page there.
  const startsAsPage = kind !== 'other' && firstVisible(head) === 0x3c; /* < */
  if (/text\/html/i.test(contentType ?? '') || startsAsPage) return 'it is a web page, not a model file';
  if (kind === 'onnx' && !startsLikeOnnx(head)) return 'it does not start as an ONNX model does';
  if (kind === 'json' && head.length > 0) {
    const first = firstVisible(head);
    if (first !== 0x7b && first !== 0x5b) return 'it is not JSON';
  }
  return null;
}

/** Why a whole file is not the named file (size, completeness, syntax), or null. */
export function checkWhole(path: string, bytes: number, expectedBytes: number | null, text?: string): string | null {
  if (expectedBytes !== null && bytes !== expectedBytes) return `it holds ${bytes} of its ${expectedBytes} bytes`;
  const kind = kindOf(path);
  if (kind === 'onnx' && bytes < MIN_ONNX_BYTES) return `${bytes} bytes is too small for an ONNX model`;
  if (kind === 'json') {
    try {
      JSON.parse(text ?? '');
    } catch {
      return 'it is not valid JSON';
    }
  }
  return null;
}

/**
 * The bytes a model file's body is expected to have: its Content-Length, when the body is not content-encoded
 * (fetch decodes the body but keeps the encoded length).
 */
export function expectedLength(headers: Headers): number | null {
  const encoding = headers.get('content-encoding');
  const length = headers.get('content-length');
  if ((encoding && encoding !== 'identity') || length === null || !/^\d+$/.test(length)) return null;
  return Number(length);
}

/**
 * Passes a model file's body through, counting its bytes (`onBytes`, for progress) and checking it on the way: its
 * start, its length and, for JSON, that it parses. A file that fails makes the stream fail with DamagedModelFile,
 * so whoever reads it (transformers.js, Cache.put) fails rather than uses or keeps it.
 */
export function checkedBody(
  path: string,
  headers: Headers,
  body: ReadableStream<Uint8Array>,
  onBytes?: (loaded: number) => void,
): ReadableStream<Uint8Array> {
  const contentType = headers.get('content-type');
  const expected = expectedLength(headers);
  const json = kindOf(path) === 'json';
  const decoder = new TextDecoder();
  let head = new Uint8Array(0);
  let headChecked = false;
  let loaded = 0;
  let text = '';
  const inspectHead = () => {
    headChecked = true;
    const reason = checkHead(path, contentType, head);
    if (reason) throw new DamagedModelFile(path, reason);
  };
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (!headChecked) {
          const joined = new Uint8Array(head.length + Math.min(chunk.length, HEAD_BYTES));
          joined.set(head);
          joined.set(chunk.subarray(0, HEAD_BYTES), head.length);
          head = joined.subarray(0, HEAD_BYTES);
          if (head.length >= HEAD_BYTES) inspectHead();
        }
        loaded += chunk.length;
        if (expected !== null && loaded > expected) throw new DamagedModelFile(path, `it holds more than its ${expected} bytes`);
        if (json) text += decoder.decode(chunk, { stream: true });
        onBytes?.(loaded);
        controller.enqueue(chunk);
      },
      flush() {
        if (!headChecked) inspectHead();
        if (json) text += decoder.decode();
        const reason = checkWhole(path, loaded, expected, json ? text : undefined);
        if (reason) throw new DamagedModelFile(path, reason);
      },
    }),
  );
}
