// A loaded model and the device it runs on, moved to the CPU when the GPU fails it. No model runtime here: the model
// is opened by the function it is given (model-runtime.ts passes transformers.js pipelines).
import { cpuPlan, planRuntime, type Device, type GpuSupport, type Placement, type RuntimePlan } from '../core/runtime-plan';
import type { LoadRequest } from './model-runtime';

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const gpuFailure = (error: unknown) => `The GPU could not run it (${reasonOf(error)}), so it runs on the CPU.`;

/**
 * A model loaded where its plan says and warmed up by a first run, that moves to the CPU when the GPU fails it: at load
 * or on that first run (an unsupported operator, no memory), or later while it runs (a lost device), when the failed
 * call runs again on the CPU.
 */
export class PlacedModel<T> implements Placement {
  device: Device = 'wasm';
  fallback?: string;
  #loaded!: T;

  private constructor(
    private readonly request: LoadRequest,
    private readonly open: (plan: RuntimePlan) => Promise<T>,
  ) {}

  /** `gpu`: the worker's WebGPU adapter, null without one. */
  static async load<T>(
    request: LoadRequest,
    gpu: GpuSupport | null,
    open: (plan: RuntimePlan) => Promise<T>,
    warmUp: (loaded: T) => Promise<unknown>,
  ): Promise<PlacedModel<T>> {
    const placed = new PlacedModel(request, open);
    const plan = planRuntime(request.model, gpu, request.preference);
    const openAndWarmUp = async (at: RuntimePlan) => {
      placed.#loaded = await open(at);
      request.onWarmingUp();
      await warmUp(placed.#loaded);
    };
    try {
      await openAndWarmUp(plan);
      placed.device = plan.device;
    } catch (error) {
      if (plan.device === 'wasm') throw error;
      await openAndWarmUp(cpuPlan(request.model));
      placed.fallback = gpuFailure(error);
    }
    return placed;
  }

  get loaded(): T {
    return this.#loaded;
  }

  async run<R>(call: (loaded: T) => Promise<R>): Promise<R> {
    try {
      return await call(this.#loaded);
    } catch (error) {
      if (this.device === 'wasm') throw error;
      this.#loaded = await this.open(cpuPlan(this.request.model));
      this.device = 'wasm';
      this.fallback = gpuFailure(error);
      this.request.onFallback({ device: this.device, fallback: this.fallback });
      return call(this.#loaded);
    }
  }
}
