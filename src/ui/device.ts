import { hasHardwareGpu, withPlannedWeights, type GpuSupport } from '../core/runtime-plan';
import type { ModelSpec } from '../core/models';
import { detectGpu } from '../platform/webgpu';
import { readDevicePreference } from './model-settings';

let gpu: GpuSupport | null = null;

/** Asks for the page's WebGPU adapter once, before the models are chosen (the default chat model follows it). */
export async function detectDevice(): Promise<void> {
  gpu = await detectGpu();
}

/** Whether a hardware GPU runs the models here (see hasHardwareGpu). */
export const runsOnHardwareGpu = () => hasHardwareGpu(gpu, readDevicePreference());

/** The model with the weights this browser loads as its dtype: what its download and offline copy are. */
export const withWeightsHere = (model: ModelSpec): ModelSpec => withPlannedWeights(model, gpu, readDevicePreference());
