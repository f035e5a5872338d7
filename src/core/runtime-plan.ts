// Where a model runs and in which weights: WebGPU when the browser grants an adapter and the model has GPU weights,
// WASM on the CPU otherwise, or when the person chose the CPU, or after the GPU failed for that model.
import type { Dtype, ModelSpec } from './models';

export type Device = 'webgpu' | 'wasm';

/** 'auto': the GPU where there is one; 'cpu': always WASM (Settings → "Run models on the CPU only"). */
export type DevicePreference = 'auto' | 'cpu';

/** What the worker's WebGPU adapter offers; null when there is none. */
export interface GpuSupport {
  /** f16 arithmetic in shaders: fp16 and q4f16 weights need it. */
  shaderF16: boolean;
  /** A software adapter (SwiftShader, say): right for correctness, slower than WASM for large models. */
  software: boolean;
}

/** Where a loaded model runs; `fallback` says why the CPU runs a model the GPU was tried for. */
export interface Placement {
  device: Device;
  fallback?: string;
}

export interface RuntimePlan {
  device: Device;
  dtype: Dtype;
}

/** Without shader-f16, the same weights with f32 activations. */
const WITHOUT_F16: Partial<Record<Dtype, Dtype>> = { fp16: 'fp32', q4f16: 'q4' };

export function planRuntime(model: Pick<ModelSpec, 'dtype' | 'webgpuDtype'>, gpu: GpuSupport | null, preference: DevicePreference): RuntimePlan {
  if (preference === 'cpu' || !gpu || !model.webgpuDtype) return { device: 'wasm', dtype: model.dtype };
  return { device: 'webgpu', dtype: gpu.shaderF16 ? model.webgpuDtype : (WITHOUT_F16[model.webgpuDtype] ?? model.webgpuDtype) };
}

/** Every dtype some browser loads for the model: its CPU weights, its GPU weights, and those without shader-f16. */
export function plannedDtypes(model: Pick<ModelSpec, 'dtype' | 'webgpuDtype'>): Dtype[] {
  const gpu = model.webgpuDtype ? [model.webgpuDtype, WITHOUT_F16[model.webgpuDtype] ?? model.webgpuDtype] : [];
  return [...new Set([model.dtype, ...gpu])];
}

/** A hardware GPU will run the models: the stronger default chat model is worth its download. */
export const hasHardwareGpu = (gpu: GpuSupport | null, preference: DevicePreference) => preference === 'auto' && gpu !== null && !gpu.software;

/** The model with the weights the plan loads as its dtype: what a download and the offline copy hold. */
export const withPlannedWeights = <T extends Pick<ModelSpec, 'dtype' | 'webgpuDtype'>>(model: T, gpu: GpuSupport | null, preference: DevicePreference): T => ({
  ...model,
  dtype: planRuntime(model, gpu, preference).dtype,
});

/** The plan after the GPU failed for a model: its CPU weights on WASM. */
export const cpuPlan = (model: Pick<ModelSpec, 'dtype'>): RuntimePlan => ({ device: 'wasm', dtype: model.dtype });
