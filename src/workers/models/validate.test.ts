import { describe, expect, it } from 'vitest';
import { checkedBody, checkHead, DamagedModelFile, expectedLength, startsLikeOnnx } from './validate';
import { tinyChatModel, tinyEmbedder } from './test-models.test-support';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Streams bytes in chunks of `size`, as a network or cache read does. */
function streamOf(data: Uint8Array, size = 7): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= data.length) return controller.close();
      controller.enqueue(data.slice(offset, (offset += size)));
    },
  });
}

async function readChecked(path: string, data: Uint8Array, headers: HeadersInit = {}) {
  const seen: number[] = [];
  // Small files in odd-sized chunks (a head split across chunks), models in network-sized ones.
  const body = checkedBody(path, new Headers(headers), streamOf(data, data.length > 4096 ? 65536 : 7), (loaded) => seen.push(loaded));
  const out = new Uint8Array(await new Response(body).arrayBuffer());
  return { out, seen };
}

const HTML = bytes('<!doctype html><html><head><title>Docent</title></head><body><div id="root"></div></body></html>');

describe('startsLikeOnnx', () => {
  it('accepts the generated models, whose first field is ir_version', () => {
    expect(startsLikeOnnx(tinyEmbedder()['onnx/model.onnx'].subarray(0, 16))).toBe(true);
    expect(startsLikeOnnx(tinyChatModel()['onnx/model.onnx'].subarray(0, 16))).toBe(true);
  });

  it('accepts any ModelProto field with its wire type, including two-byte tags', () => {
    expect(startsLikeOnnx(Uint8Array.of(0x12, 0x07))).toBe(true); // producer_name
    expect(startsLikeOnnx(Uint8Array.of(0x3a, 0x80))).toBe(true); // graph
    expect(startsLikeOnnx(Uint8Array.of(0xa2, 0x01))).toBe(true); // training_info (field 20)
  });

  it('rejects web pages, JSON, empty files and wrong wire types', () => {
    expect(startsLikeOnnx(HTML)).toBe(false);
    expect(startsLikeOnnx(bytes('{"a":1}'))).toBe(false);
    expect(startsLikeOnnx(new Uint8Array(0))).toBe(false);
    expect(startsLikeOnnx(Uint8Array.of(0x0a))).toBe(false); // field 1 as length-delimited
    expect(startsLikeOnnx(Uint8Array.of(0x48))).toBe(false); // field 9 does not exist
  });
});

describe('checkHead', () => {
  it('names a web page served as a model file, by content type or by content', () => {
    expect(checkHead('onnx/model.onnx', 'text/html; charset=utf-8', Uint8Array.of(0x08))).toMatch(/web page/);
    expect(checkHead('config.json', 'application/octet-stream', bytes('\n  <!DOCTYPE html>'))).toMatch(/web page/);
  });

  it('accepts a model and JSON, and rejects a JSON file that is not JSON', () => {
    expect(checkHead('onnx/model.onnx', 'application/octet-stream', tinyEmbedder()['onnx/model.onnx'].subarray(0, 16))).toBeNull();
    expect(checkHead('tokenizer.json', 'application/json', bytes(' {"version"'))).toBeNull();
    expect(checkHead('tokenizer.json', null, bytes('version 1'))).toMatch(/not JSON/);
  });

  it("takes raw external weights as they come (any first byte, '<' too), unless the host calls them a page", () => {
    expect(checkHead('onnx/model_q4f16.onnx_data', 'application/octet-stream', Uint8Array.of(0x3c, 0x00, 0x12))).toBeNull();
    expect(checkHead('onnx/model_q4f16.onnx_data', 'text/html', Uint8Array.of(0x3c))).toMatch(/web page/);
  });
});

describe('expectedLength', () => {
  it('is the Content-Length of a body that is not content-encoded', () => {
    expect(expectedLength(new Headers({ 'content-length': '1234' }))).toBe(1234);
    expect(expectedLength(new Headers({ 'content-length': '1234', 'content-encoding': 'gzip' }))).toBeNull();
    expect(expectedLength(new Headers())).toBeNull();
  });
});

describe('checkedBody', () => {
  it('passes a good model file through unchanged, counting its bytes', async () => {
    const model = tinyEmbedder()['onnx/model.onnx'];
    const { out, seen } = await readChecked('onnx/model.onnx', model, { 'content-length': String(model.length) });
    // Buffer.equals: toEqual walks a megabyte element by element, slowly.
    expect(Buffer.from(out).equals(Buffer.from(model))).toBe(true);
    expect(seen.at(-1)).toBe(model.length);
  });

  it('fails on a web page, a truncated file, a file too small, or JSON that does not parse', async () => {
    const model = tinyEmbedder()['onnx/model.onnx'];
    await expect(readChecked('onnx/model.onnx', HTML)).rejects.toThrow(/web page/);
    await expect(readChecked('onnx/model.onnx', model.subarray(0, 1000), { 'content-length': String(model.length) })).rejects.toThrow(
      /holds 1000 of its \d+ bytes/,
    );
    await expect(readChecked('onnx/model.onnx', model.subarray(0, 20))).rejects.toThrow(/too small/);
    await expect(readChecked('tokenizer.json', bytes('{"model": {"vocab": '))).rejects.toThrow(DamagedModelFile);
  });

  it('accepts JSON split across chunks, multi-byte characters included', async () => {
    const json = bytes(JSON.stringify({ vocab: { 'é': 1, '日本': 2 } }));
    const { out } = await readChecked('tokenizer.json', json, {});
    expect(JSON.parse(new TextDecoder().decode(out))).toEqual({ vocab: { 'é': 1, '日本': 2 } });
  });
});
