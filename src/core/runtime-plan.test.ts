import { describe, expect, it } from 'vitest';
import { cpuPlan, hasHardwareGpu, planRuntime, plannedDtypes, withPlannedWeights } from './runtime-plan';

const chat = { dtype: 'q4' as const, webgpuDtype: 'q4f16' as const };
const embedder = { dtype: 'q8' as const, webgpuDtype: 'fp16' as const };
const F16_GPU = { shaderF16: true, software: false };
const PLAIN_GPU = { shaderF16: false, software: false };
const SWIFTSHADER = { shaderF16: false, software: true };

describe('planRuntime', () => {
  it('runs on WebGPU in the GPU weights where an adapter has shader-f16', () => {
    expect(planRuntime(chat, F16_GPU, 'auto')).toEqual({ device: 'webgpu', dtype: 'q4f16' });
    expect(planRuntime(embedder, F16_GPU, 'auto')).toEqual({ device: 'webgpu', dtype: 'fp16' });
  });

  it('keeps f32 activations on an adapter without shader-f16 (SwiftShader, many integrated GPUs)', () => {
    expect(planRuntime(chat, PLAIN_GPU, 'auto')).toEqual({ device: 'webgpu', dtype: 'q4' });
    expect(planRuntime(embedder, PLAIN_GPU, 'auto')).toEqual({ device: 'webgpu', dtype: 'fp32' });
    expect(planRuntime({ dtype: 'q8', webgpuDtype: 'fp32' }, PLAIN_GPU, 'auto')).toEqual({ device: 'webgpu', dtype: 'fp32' });
  });

  it('runs on the CPU (WASM) with no adapter, when the person chose the CPU, or for a model without GPU weights', () => {
    expect(planRuntime(chat, null, 'auto')).toEqual({ device: 'wasm', dtype: 'q4' });
    expect(planRuntime(chat, F16_GPU, 'cpu')).toEqual({ device: 'wasm', dtype: 'q4' });
    expect(planRuntime({ dtype: 'q8' }, F16_GPU, 'auto')).toEqual({ device: 'wasm', dtype: 'q8' });
  });

  it('falls back to the CPU weights after a GPU failure', () => {
    expect(cpuPlan(chat)).toEqual({ device: 'wasm', dtype: 'q4' });
  });
});

describe('hasHardwareGpu', () => {
  it('is a hardware adapter the person lets Docent use', () => {
    expect(hasHardwareGpu(PLAIN_GPU, 'auto')).toBe(true);
    expect(hasHardwareGpu(PLAIN_GPU, 'cpu')).toBe(false);
    expect(hasHardwareGpu(SWIFTSHADER, 'auto')).toBe(false);
    expect(hasHardwareGpu(null, 'auto')).toBe(false);
  });
});

describe('withPlannedWeights', () => {
  it("names the weights the plan loads as the model's dtype", () => {
    expect(withPlannedWeights({ id: 'm', ...chat }, F16_GPU, 'auto')).toEqual({ id: 'm', dtype: 'q4f16', webgpuDtype: 'q4f16' });
    expect(withPlannedWeights({ id: 'm', ...chat }, PLAIN_GPU, 'auto')).toMatchObject({ dtype: 'q4' });
    expect(withPlannedWeights({ id: 'm', ...embedder }, F16_GPU, 'cpu')).toMatchObject({ dtype: 'q8' });
  });
});

describe('plannedDtypes', () => {
  it('lists the weights any browser may load, once each', () => {
    expect(plannedDtypes({ dtype: 'q4', webgpuDtype: 'q4f16' })).toEqual(['q4', 'q4f16']);
    expect(plannedDtypes({ dtype: 'q8', webgpuDtype: 'fp16' })).toEqual(['q8', 'fp16', 'fp32']);
    expect(plannedDtypes({ dtype: 'fp32', webgpuDtype: 'fp32' })).toEqual(['fp32']);
    expect(plannedDtypes({ dtype: 'q8' })).toEqual(['q8']);
  });
});
