import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../core/models';
import type { ModelCacheNotice, OfflineDownloadProgress } from '../../core/protocol';
import { CheckedModelCache, ModelQuotaError } from './checked-cache';
import { MemoryCache } from './memory-cache.test-support';
import { fileUrls } from './model-files';
import { OfflineModels } from './offline-models';
import { tinyChatModel, tinyEmbedder } from './test-models.test-support';

const sources = { localModelsUrl: 'http://app.test/models/', remoteHost: 'https://hub.test/' };
const embedder: ModelSpec = { id: 'hub/tiny-embedder', task: 'embedder', label: 'Tiny', dtype: 'fp32' };
const generator: ModelSpec = { id: 'hub/tiny-chat', task: 'generator', label: 'Chat', dtype: 'fp32' };
/** A model whose weights keep their tensors in an external data file, as config.json says (models over 2 GB). */
const splitModel: ModelSpec = { id: 'hub/split-weights', task: 'embedder', label: 'Split', dtype: 'fp32' };
const splitFiles = () => {
  const files = tinyEmbedder();
  const config = { ...JSON.parse(new TextDecoder().decode(files['config.json'])), 'transformers.js_config': { use_external_data_format: true } };
  return { ...files, 'config.json': new TextEncoder().encode(JSON.stringify(config)), 'onnx/model.onnx_data': Uint8Array.of(0x3c, 1, 2, 3) };
};
const FILES: Record<string, Record<string, Uint8Array>> = { [embedder.id]: tinyEmbedder(), [generator.id]: tinyChatModel(), [splitModel.id]: splitFiles() };
const HTML = '<!doctype html><title>Docent</title><div id="root"></div>';

/** A hub stand-in: the generated models at their hub URLs; the site's models folder is empty (404). */
function hub(options: { sendLength?: boolean; requests?: string[] } = {}): typeof fetch {
  return async (input) => {
    const url = String(input);
    options.requests?.push(url);
    const match = url.match(/^https:\/\/hub\.test\/(.+?)\/resolve\/main\/(.+)$/);
    const body = match && FILES[match[1]]?.[match[2]];
    if (!body) return new Response('Not found', { status: 404 });
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
    if (options.sendLength !== false) headers['content-length'] = String(body.length);
    return new Response(body.slice(), { headers });
  };
}

function setUp(quotaBytes = Infinity) {
  const memory = new MemoryCache(quotaBytes);
  const notices: ModelCacheNotice[] = [];
  const cache = new CheckedModelCache(sources, (notice) => notices.push(notice), async () => memory.asCache());
  return { memory, notices, cache };
}

const keyOf = (model: ModelSpec, path: string) => fileUrls(sources, model.id, path).remote;

describe('CheckedModelCache', () => {
  it('keeps a good file and gives it back unchanged', async () => {
    const { cache } = setUp();
    const config = FILES[embedder.id]['config.json'];
    await cache.put(keyOf(embedder, 'config.json'), new Response(config.slice(), { headers: { 'content-length': String(config.length) } }));
    const cached = await cache.match(keyOf(embedder, 'config.json'));
    expect(new Uint8Array(await cached!.arrayBuffer())).toEqual(new Uint8Array(config));
  });

  it('never keeps a web page or a truncated download as a model file', async () => {
    const { cache, memory } = setUp();
    const model = FILES[embedder.id]['onnx/model.onnx'];
    const key = keyOf(embedder, 'onnx/model.onnx');
    await expect(cache.put(key, new Response(HTML, { headers: { 'content-type': 'text/html' } }))).rejects.toThrow(/web page/);
    await expect(cache.put(key, new Response(model.slice(0, 5000), { headers: { 'content-length': String(model.length) } }))).rejects.toThrow(
      /holds 5000 of its/,
    );
    expect(memory.entries.size).toBe(0);
  });

  it('removes a cached web page on sight, so the file is fetched again (transformers.js #1187)', async () => {
    const { cache, memory, notices } = setUp();
    const key = keyOf(embedder, 'onnx/model.onnx');
    await memory.put(key, new Response(HTML, { headers: { 'content-type': 'text/html' } }));
    expect(await cache.match(key)).toBeUndefined();
    expect(memory.entries.has(key)).toBe(false);
    expect(notices).toEqual([expect.objectContaining({ kind: 'repaired', modelId: embedder.id })]);
  });

  it('removes a damaged entry when reading it fails, and fails the read', async () => {
    const { cache, memory } = setUp();
    const key = keyOf(embedder, 'tokenizer.json');
    await memory.put(key, new Response('{"model": {"vocab": {', { headers: { 'content-type': 'application/json' } }));
    const cached = await cache.match(key);
    await expect(cached!.arrayBuffer()).rejects.toThrow(/not valid JSON/);
    expect(memory.entries.has(key)).toBe(false);
  });

  it('keeps no file of a model whose next file does not fit, and says so', async () => {
    const model = FILES[embedder.id];
    const { cache, memory, notices } = setUp(model['tokenizer.json'].length + model['config.json'].length + 1000);
    await cache.put(keyOf(embedder, 'config.json'), new Response(model['config.json'].slice()));
    await cache.put(keyOf(embedder, 'tokenizer.json'), new Response(model['tokenizer.json'].slice()));
    await expect(cache.put(keyOf(embedder, 'onnx/model.onnx'), new Response(model['onnx/model.onnx'].slice()))).rejects.toThrow(ModelQuotaError);
    expect(memory.entries.size).toBe(0);
    expect(notices).toEqual([expect.objectContaining({ kind: 'quota', modelId: embedder.id, message: expect.stringMatching(/not enough storage to keep hub\/tiny-embedder/) })]);
    // Later files of that model are not kept either in this session: no half model comes back.
    await expect(cache.put(keyOf(embedder, 'config.json'), new Response(model['config.json'].slice()))).rejects.toThrow(ModelQuotaError);
    expect(memory.entries.size).toBe(0);
  });
});

describe('OfflineModels', () => {
  it('fetches every file of both models in one go, with progress per file, then lists them as offline with their size', async () => {
    const { cache } = setUp();
    const requests: string[] = [];
    const offline = new OfflineModels(cache, hub({ requests }));
    expect(await offline.inspect(embedder)).toMatchObject({ offline: false, bytes: 0, files: [] });
    const progress: OfflineDownloadProgress[] = [];
    const models = await offline.makeAvailableOffline([embedder, generator], (event) => progress.push(event));
    const size = (id: string) => Object.values(FILES[id]).reduce((sum, file) => sum + file.length, 0);
    expect(models.map((model) => [model.model.id, model.offline, model.bytes])).toEqual([
      [embedder.id, true, size(embedder.id)],
      [generator.id, true, size(generator.id)],
    ]);
    const weights = progress.filter((event) => event.modelId === embedder.id && event.file === 'onnx/model.onnx');
    expect(weights.at(-1)).toMatchObject({ modelId: embedder.id, done: true, loadedBytes: FILES[embedder.id]['onnx/model.onnx'].length });
    expect(weights.every((event) => event.totalBytes === FILES[embedder.id]['onnx/model.onnx'].length)).toBe(true);
    // The site's folder is asked first for each file (self-hosting), then the host.
    expect(requests[0]).toBe('http://app.test/models/hub/tiny-embedder/config.json');
    expect(requests[1]).toBe('https://hub.test/hub/tiny-embedder/resolve/main/config.json');

    // A second run finds everything cached and fetches nothing.
    requests.length = 0;
    await offline.makeAvailableOffline([embedder, generator], () => {});
    expect(requests).toEqual([]);
  });

  it('fetches the external data files config.json names, and holds the model only with them', async () => {
    const { cache, memory } = setUp();
    const [model] = await new OfflineModels(cache, hub()).makeAvailableOffline([splitModel], () => {});
    expect(model.files.map((file) => file.path)).toContain('onnx/model.onnx_data');
    expect(model.offline).toBe(true);
    await memory.asCache().delete(keyOf(splitModel, 'onnx/model.onnx_data'));
    expect(await cache.holds(splitModel)).toBe(false);
  });

  it("keeps a person's own model folder whole under the site's folder, with generation settings written when it has none", async () => {
    const { cache, memory } = setUp();
    const own: ModelSpec = { id: 'local/my-chat', task: 'generator', label: 'Mine', dtype: 'fp32' };
    const folder = Object.entries(tinyChatModel())
      .filter(([path]) => path !== 'generation_config.json')
      .map(([path, bytes]) => ({ path, file: new Blob([bytes.slice()]) }));
    const kept = await new OfflineModels(cache, hub()).keepOwnModel(own, folder, () => {});
    expect(kept).toMatchObject({ offline: true });
    expect(kept.files.every((file) => file.from === 'site')).toBe(true);
    const settings = await (await memory.asCache().match(fileUrls(sources, own.id, 'generation_config.json').local))!.json();
    expect(Object.keys(settings)).toContain('eos_token_id');

    const damaged = folder.map((file) => (file.path === 'onnx/model.onnx' ? { ...file, file: new Blob([HTML]) } : file));
    await expect(new OfflineModels(cache, hub()).keepOwnModel(own, damaged, () => {})).rejects.toThrow(/onnx\/model\.onnx is damaged: it is a web page/);
    expect(await cache.entries(own.id)).toEqual([]);
  });

  it('reports an unknown total as 0 when the host sends no Content-Length', async () => {
    const { cache } = setUp();
    const progress: OfflineDownloadProgress[] = [];
    await new OfflineModels(cache, hub({ sendLength: false })).makeAvailableOffline([embedder], (event) => progress.push(event));
    expect(progress.every((event) => event.totalBytes === 0)).toBe(true);
    expect(progress.filter((event) => event.done).length).toBe(4);
  });

  it('deletes a model: nothing of it stays, and it is no longer offline', async () => {
    const { cache, memory } = setUp();
    const offline = new OfflineModels(cache, hub());
    await offline.makeAvailableOffline([embedder, generator], () => {});
    await offline.remove(embedder);
    expect(await offline.inspect(embedder)).toMatchObject({ offline: false, bytes: 0 });
    expect([...memory.entries.keys()].every((key) => key.includes(generator.id))).toBe(true);
  });

  it('fails with a clear message when storage is full, keeping nothing of that model', async () => {
    const { cache, memory } = setUp(600_000);
    const offline = new OfflineModels(cache, hub());
    await expect(offline.makeAvailableOffline([embedder], () => {})).rejects.toThrow(/not enough storage to keep hub\/tiny-embedder/);
    expect(memory.entries.size).toBe(0);
  });

  it('says which file the host does not have', async () => {
    const { cache } = setUp();
    const missing: ModelSpec = { ...embedder, id: 'hub/nothing-here' };
    await expect(new OfflineModels(cache, hub()).makeAvailableOffline([missing], () => {})).rejects.toThrow(/answered 404 for config.json/);
  });
});
