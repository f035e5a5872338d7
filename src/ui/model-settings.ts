import { chooseModels, HUGGING_FACE_HUB, type ModelChoice, type ModelSources, type ModelSpec, type ModelTask } from '../core/models';
import type { DevicePreference } from '../core/runtime-plan';

const STORAGE_KEY = 'docent.models';
const DEVICE_KEY = 'docent.device';
const OWN_MODELS_KEY = 'docent.own-models';

/** The models a person brought from their computer (Settings), kept in the model cache; what they are, here. */
export function readOwnModels(): ModelSpec[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(OWN_MODELS_KEY) ?? '[]');
    return Array.isArray(saved) ? (saved as ModelSpec[]) : [];
  } catch {
    return [];
  }
}

export function saveOwnModel(model: ModelSpec): void {
  localStorage.setItem(OWN_MODELS_KEY, JSON.stringify([...readOwnModels().filter((other) => other.id !== model.id || other.task !== model.task), model]));
}

/**
 * The models to use: `?embedder=<id>&generator=<id>&reranker=<id>` in the address chooses and remembers them; otherwise the last
 * choice; otherwise the defaults, the chat model's following `hardwareGpu` (not remembered, so it keeps following).
 */
export function readModelChoice(hardwareGpu: boolean): ModelChoice {
  const params = new URLSearchParams(location.search);
  const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Record<ModelTask, string>>;
  const ids = { ...saved };
  for (const task of ['embedder', 'generator', 'reranker'] as const) {
    const fromAddress = params.get(task);
    if (fromAddress) ids[task] = fromAddress;
  }
  localStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
  return chooseModels(ids, hardwareGpu, readOwnModels());
}

/** Remembers a model chosen in the settings, and puts it in the address too (which would otherwise win on reload). */
export function saveModelChoice(task: ModelTask, id: string): void {
  const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Record<ModelTask, string>>;
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...saved, [task]: id }));
  const address = new URL(location.href);
  if (address.searchParams.has(task)) {
    address.searchParams.set(task, id);
    history.replaceState(history.state, '', address);
  }
}

export function modelSources(): ModelSources {
  return { localModelsUrl: new URL('models/', document.baseURI).href, remoteHost: HUGGING_FACE_HUB };
}

/**
 * Where models may run: 'auto' (the GPU where the browser offers WebGPU) unless the person chose the CPU in the
 * settings; `?device=cpu|auto` in the address chooses and remembers it too.
 */
export function readDevicePreference(): DevicePreference {
  const fromAddress = new URLSearchParams(location.search).get('device');
  if (fromAddress === 'cpu' || fromAddress === 'auto') localStorage.setItem(DEVICE_KEY, fromAddress);
  return localStorage.getItem(DEVICE_KEY) === 'cpu' ? 'cpu' : 'auto';
}

/** Remembers the choice; it applies from the next load of the page (the models load again where it says). */
export function saveDevicePreference(preference: DevicePreference): void {
  localStorage.setItem(DEVICE_KEY, preference);
  const address = new URL(location.href);
  if (address.searchParams.has('device')) {
    address.searchParams.set('device', preference);
    history.replaceState(history.state, '', address);
  }
}
