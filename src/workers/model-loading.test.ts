import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelSpec } from '../core/models';
import type { ModelStatus } from '../core/protocol';
import { looksDamaged, ModelLoader, retryDelayMs } from './model-loading';
import type { Placement } from '../core/runtime-plan';
import { DamagedModelFile } from './models/validate';

const model: ModelSpec = { id: 'hub/tiny', task: 'embedder', label: 'Tiny', dtype: 'fp32' };
const LOADED = { device: 'wasm' as const };

function loaderOf(failures: unknown[], repaired = true) {
  const statuses: ModelStatus[] = [];
  const repairs: string[] = [];
  let calls = 0;
  const loader = new ModelLoader(
    model,
    async ({ onProgress, onWarmingUp }) => {
      calls++;
      onProgress({ status: 'progress', file: 'onnx/model.onnx', loaded: 10, total: 20 });
      const failure = failures.shift();
      if (failure) throw failure;
      onWarmingUp();
      return LOADED;
    },
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
    await expect(loader.get()).resolves.toBe(LOADED);
    expect(repairs).toEqual(['hub/tiny']);
    expect(calls()).toBe(2);
    expect(statuses.at(-1)).toEqual({ kind: 'ready', device: 'wasm' });
    expect(statuses.slice(-2, -1)).toEqual([{ kind: 'warming-up' }]);
  });

  it('says where the model runs, and says it again with the reason when the model moves to the CPU', async () => {
    const statuses: ModelStatus[] = [];
    let moveToCpu: (placement: Placement) => void = () => {};
    const loader = new ModelLoader(
      model,
      async ({ onFallback }) => {
        moveToCpu = onFallback;
        return { device: 'webgpu' as const };
      },
      (event) => statuses.push(event.status),
    );
    await loader.get();
    expect(statuses.at(-1)).toEqual({ kind: 'ready', device: 'webgpu' });
    moveToCpu({ device: 'wasm', fallback: 'The GPU could not run it (device lost), so it runs on the CPU.' });
    expect(statuses.at(-1)).toEqual({ kind: 'ready', device: 'wasm', fallback: 'The GPU could not run it (device lost), so it runs on the CPU.' });
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

  it('after a failure, answers every caller at once with it (no request) until the next try, which starts on its own after a wait that doubles', async () => {
    vi.useFakeTimers();
    try {
      const offline = () => new TypeError('Failed to fetch');
      const { loader, statuses, calls } = loaderOf([offline(), offline(), offline()]);
      await expect(loader.get()).rejects.toThrow(/network is unreachable/);
      expect(statuses.at(-1)).toMatchObject({ kind: 'failed', retryAt: Date.now() + 5_000 });
      // A burst of actions (questions, files) while the host is unreachable: no new attempt.
      for (let i = 0; i < 50; i++) await expect(loader.get()).rejects.toThrow(/network is unreachable/);
      expect(calls()).toBe(1);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(calls()).toBe(2);
      expect(statuses.at(-1)).toMatchObject({ kind: 'failed', retryAt: Date.now() + 10_000 });
      await vi.advanceTimersByTimeAsync(9_999);
      expect(calls()).toBe(2);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls()).toBe(3);
      // The fourth attempt succeeds, and the model is ready for the next caller without another load.
      await vi.advanceTimersByTimeAsync(20_000);
      expect(calls()).toBe(4);
      expect(statuses.at(-1)).toEqual({ kind: 'ready', device: 'wasm' });
      await expect(loader.get()).resolves.toBe(LOADED);
      expect(calls()).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('tries again at once when the browser comes back online, and not at all once disposed', async () => {
    const online = new EventTarget();
    vi.stubGlobal('addEventListener', online.addEventListener.bind(online));
    vi.stubGlobal('removeEventListener', online.removeEventListener.bind(online));
    const { loader, calls } = loaderOf([new TypeError('Failed to fetch')]);
    await expect(loader.get()).rejects.toThrow();
    online.dispatchEvent(new Event('online'));
    await expect.poll(calls).toBe(2);
    await expect(loader.get()).resolves.toBe(LOADED);

    const disposed = loaderOf([new TypeError('Failed to fetch')]);
    await expect(disposed.loader.get()).rejects.toThrow();
    disposed.loader.dispose();
    online.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(disposed.calls()).toBe(1);
  });

  it('waits 5 s after the first failure, doubling up to 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
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
