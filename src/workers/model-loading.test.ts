import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelSpec } from '../core/models';
import type { ModelStatus } from '../core/protocol';
import { looksDamaged, ModelLoader } from './model-loading';
import { DamagedModelFile } from './models/validate';

const model: ModelSpec = { id: 'hub/tiny', task: 'embedder', label: 'Tiny', quantized: false };

function loaderOf(failures: unknown[], repaired = true) {
  const statuses: ModelStatus[] = [];
  const repairs: string[] = [];
  let calls = 0;
  const loader = new ModelLoader(
    model,
    async (onProgress) => {
      calls++;
      onProgress({ status: 'progress', file: 'onnx/model.onnx', loaded: 10, total: 20 });
      const failure = failures.shift();
      if (failure) throw failure;
      return 'model';
    },
    async () => {},
    (event) => statuses.push(event.status),
    async (spec) => {
      repairs.push(spec.id);
      return repaired;
    },
  );
  return { loader, statuses, repairs, calls: () => calls };
}

beforeEach(() => vi.stubGlobal('navigator', { onLine: true }));
afterEach(() => vi.unstubAllGlobals());

describe('ModelLoader', () => {
  it('forgets a damaged cached model and loads it again, once', async () => {
    const { loader, statuses, repairs, calls } = loaderOf([new Error("Can't create a session. protobuf parsing failed.")]);
    await expect(loader.get()).resolves.toBe('model');
    expect(repairs).toEqual(['hub/tiny']);
    expect(calls()).toBe(2);
    expect(statuses.at(-1)).toEqual({ kind: 'ready' });
  });

  it('gives up after one repair, with a reason', async () => {
    const { loader, statuses, calls } = loaderOf([new DamagedModelFile('onnx/model.onnx', 'x'), new DamagedModelFile('onnx/model.onnx', 'x')]);
    await expect(loader.get()).rejects.toThrow(/damaged/);
    expect(calls()).toBe(2);
    expect(statuses.at(-1)).toMatchObject({ kind: 'failed' });
  });

  it('keeps the cache when the network fails: nothing is deleted, nothing retried', async () => {
    const { loader, repairs, calls } = loaderOf([new TypeError('Failed to fetch')]);
    await expect(loader.get()).rejects.toThrow(/network is unreachable/);
    expect(repairs).toEqual([]);
    expect(calls()).toBe(1);
  });

  it('does not retry when nothing was cached to blame', async () => {
    const { loader, calls } = loaderOf([new SyntaxError('Unexpected token < in JSON at position 0')], false);
    await expect(loader.get()).rejects.toThrow();
    expect(calls()).toBe(1);
  });

  it('reports download progress per file', async () => {
    const { loader, statuses } = loaderOf([]);
    await loader.get();
    expect(statuses[0]).toEqual({
      kind: 'downloading',
      loadedBytes: 10,
      totalBytes: 20,
      file: 'onnx/model.onnx',
      files: [{ file: 'onnx/model.onnx', loadedBytes: 10, totalBytes: 20 }],
    });
  });
});

describe('looksDamaged', () => {
  it('tells damage from network failures', () => {
    expect(looksDamaged(new SyntaxError('Unexpected end of JSON input'))).toBe(true);
    expect(looksDamaged(new Error("Can't create a session"))).toBe(true);
    expect(looksDamaged(new TypeError('Failed to fetch'))).toBe(false);
    expect(looksDamaged(new Error('Could not locate file: "https://huggingface.co/x/resolve/main/config.json".'))).toBe(false);
  });
});
