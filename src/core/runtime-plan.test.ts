import { describe, expect, it } from 'vitest';
import { cpuPlan, planRuntime } from './runtime-plan';

const chat = { dtype: 'q4' as const, webgpuDtype: 'q4f16' as const };
const embedder = { dtype: 'q8' as const, webgpuDtype: 'fp16' as const };

describe('planRuntime', () => {
  it('runs on WebGPU in the GPU weights where an adapter has shader-f16', () => {
    expect(planRuntime(chat, { shaderF16: true }, 'auto')).toEqual({ device: 'webgpu', dtype: 'q4f16' });
    expect(planRuntime(embedder, { shaderF16: true }, 'auto')).toEqual({ device: 'webgpu', dtype: 'fp16' });
  });

  it('keeps f32 activations on an adapter without shader-f16 (SwiftShader, many integrated GPUs)', () => {
    expect(planRuntime(chat, { shaderF16: false }, 'auto')).toEqual({ device: 'webgpu', dtype: 'q4' });
    expect(planRuntime(embedder, { shaderF16: false }, 'auto')).toEqual({ device: 'webgpu', dtype: 'fp32' });
    expect(planRuntime({ dtype: 'q8', webgpuDtype: 'fp32' }, { shaderF16: false }, 'auto')).toEqual({ device: 'webgpu', dtype: 'fp32' });
  });

  it('runs on the CPU (WASM) with no adapter, when the person chose the CPU, or for a model without GPU weights', () => {
    expect(planRuntime(chat, null, 'auto')).toEqual({ device: 'wasm', dtype: 'q4' });
    expect(planRuntime(chat, { shaderF16: true }, 'cpu')).toEqual({ device: 'wasm', dtype: 'q4' });
    expect(planRuntime({ dtype: 'q8' }, { shaderF16: true }, 'auto')).toEqual({ device: 'wasm', dtype: 'q8' });
  });

  it('falls back to the CPU weights after a GPU failure', () => {
    expect(cpuPlan(chat)).toEqual({ device: 'wasm', dtype: 'q4' });
  });
});
