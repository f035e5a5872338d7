// The browser's WebGPU adapter, asked once per page or worker: where models may run, and whether Docent's default
// chat model can be the stronger one.
import type { GpuSupport } from '../core/runtime-plan';

type Adapter = { features: { has(name: string): boolean }; info?: { isFallbackAdapter?: boolean } };

let gpuSupport: Promise<GpuSupport | null> | undefined;

/** The adapter this context gets, what it offers; null without one (no WebGPU, or the browser refused). */
export function detectGpu(): Promise<GpuSupport | null> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<Adapter | null> } }).gpu;
  gpuSupport ??= gpu
    ? gpu.requestAdapter().then(
        (adapter) => adapter && { shaderF16: adapter.features.has('shader-f16'), software: adapter.info?.isFallbackAdapter === true },
        () => null,
      )
    : Promise.resolve(null);
  return gpuSupport;
}
