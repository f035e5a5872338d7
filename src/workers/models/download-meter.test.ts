import { describe, expect, it } from 'vitest';
import type { LoadProgress } from './download-progress';
import { DownloadMeter } from './download-meter';

const body = (chunks: number[], headers: Record<string, string> = {}) =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const size of chunks) controller.enqueue(new Uint8Array(size));
        controller.close();
      },
    }),
    { headers },
  );

function meterServing(response: () => Response) {
  const requested: string[] = [];
  const meter = new DownloadMeter(async (input) => {
    requested.push(String(input));
    return response();
  });
  return { meter, requested };
}

describe('DownloadMeter', () => {
  it('reports each chunk of a watched model file from the hub, with the size the server gave', async () => {
    const { meter } = meterServing(() => body([3, 4], { 'Content-Length': '7' }));
    const events: LoadProgress[] = [];
    meter.watch('Xenova/gte-small', (event) => events.push(event));
    const response = await meter.fetch('https://huggingface.co/Xenova/gte-small/resolve/main/onnx/model_quantized.onnx');
    expect((await response.arrayBuffer()).byteLength).toBe(7);
    expect(events).toEqual([
      { status: 'progress', file: 'onnx/model_quantized.onnx', loaded: 3, total: 7 },
      { status: 'progress', file: 'onnx/model_quantized.onnx', loaded: 7, total: 7 },
    ]);
  });

  it('names files from the site folder and leaves the total unknown without Content-Length', async () => {
    const { meter } = meterServing(() => body([5]));
    const events: LoadProgress[] = [];
    meter.watch('docent-test/tiny-chat', (event) => events.push(event));
    await (await meter.fetch(new URL('http://localhost/models/docent-test/tiny-chat/tokenizer.json'))).text();
    expect(events).toEqual([{ status: 'progress', file: 'tokenizer.json', loaded: 5, total: undefined }]);
  });

  it('passes other models, range requests and failures through untouched, and stops when unwatched', async () => {
    const { meter } = meterServing(() => body([2], { 'Content-Length': '2' }));
    const events: LoadProgress[] = [];
    const unwatch = meter.watch('a/model', (event) => events.push(event));
    await (await meter.fetch('http://host/models/b/model/config.json')).text();
    await (await meter.fetch('http://host/models/a/model/config.json', { headers: { Range: 'bytes=0-0' } })).text();
    unwatch();
    await (await meter.fetch('http://host/models/a/model/config.json')).text();
    const missing = new DownloadMeter(async () => new Response('no', { status: 404 }));
    missing.watch('a/model', (event) => events.push(event));
    expect((await missing.fetch('http://host/models/a/model/x.json')).status).toBe(404);
    expect(events).toEqual([]);
  });
});
