import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../core/models';
import type { Placement, RuntimePlan } from '../core/runtime-plan';
import { PlacedModel } from './placed-model';

const model: ModelSpec = { id: 'hub/chat', task: 'generator', label: 'Chat', dtype: 'q4', webgpuDtype: 'q4f16' };
const GPU = { shaderF16: true, software: false };

/** A model whose `run` on the GPU fails at its first run, at a later one, or never; every step recorded. */
function setUp({ failsOnGpu = 'never' }: { failsOnGpu?: 'never' | 'warm-up' | 'later' } = {}) {
  const events: string[] = [];
  const fallbacks: Placement[] = [];
  let gpuCalls = 0;
  const open = async (plan: RuntimePlan) => {
    events.push(`open ${plan.device} ${plan.dtype}`);
    return {
      run: async (what: string) => {
        if (plan.device === 'webgpu' && failsOnGpu !== 'never' && (failsOnGpu === 'warm-up' || ++gpuCalls > 1)) throw new Error('device lost');
        events.push(`${what} on ${plan.device}`);
        return `${what} done`;
      },
    };
  };
  const request = {
    model,
    preference: 'auto' as const,
    onProgress: () => {},
    onWarmingUp: () => events.push('warming up'),
    onFallback: (placement: Placement) => fallbacks.push(placement),
  };
  const load = (gpu = GPU) => PlacedModel.load(request, gpu, open, (loaded) => loaded.run('warm-up'));
  return { events, fallbacks, load };
}

describe('PlacedModel', () => {
  it('loads and warms up on the GPU in its GPU weights where there is an adapter', async () => {
    const { events, load } = setUp();
    const placed = await load();
    expect(placed).toMatchObject({ device: 'webgpu', fallback: undefined });
    expect(events).toEqual(['open webgpu q4f16', 'warming up', 'warm-up on webgpu']);
  });

  it('moves to the CPU, with the reason, when the GPU fails its first run', async () => {
    const { events, load } = setUp({ failsOnGpu: 'warm-up' });
    const placed = await load();
    expect(placed).toMatchObject({ device: 'wasm', fallback: 'The GPU could not run it (device lost), so it runs on the CPU.' });
    expect(events).toEqual(['open webgpu q4f16', 'warming up', 'open wasm q4', 'warming up', 'warm-up on wasm']);
  });

  it('runs a call again on the CPU when the GPU fails it later, and says so once', async () => {
    const { events, fallbacks, load } = setUp({ failsOnGpu: 'later' });
    const placed = await load();
    expect(await placed.run((loaded) => loaded.run('answer'))).toBe('answer done');
    expect(events.slice(-2)).toEqual(['open wasm q4', 'answer on wasm']);
    expect(fallbacks).toEqual([{ device: 'wasm', fallback: 'The GPU could not run it (device lost), so it runs on the CPU.' }]);
    await placed.run((loaded) => loaded.run('next'));
    expect(fallbacks).toHaveLength(1);
  });

  it('on the CPU from the start, a failure is the load’s own: nothing to fall back to', async () => {
    const failing = async () => ({ run: async () => Promise.reject(new Error('out of memory')) });
    const request = { model, preference: 'auto' as const, onProgress: () => {}, onWarmingUp: () => {}, onFallback: () => {} };
    await expect(PlacedModel.load(request, null, failing, (loaded) => loaded.run())).rejects.toThrow('out of memory');
  });
});
