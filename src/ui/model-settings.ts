import { chooseModels, HUGGING_FACE_HUB, type ModelChoice, type ModelSources, type ModelTask } from '../core/models';

const STORAGE_KEY = 'docent.models';

/**
 * The models to use: `?embedder=<id>&generator=<id>` in the address chooses and remembers them; otherwise the last
 * choice; otherwise the defaults.
 */
export function readModelChoice(): ModelChoice {
  const params = new URLSearchParams(location.search);
  const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Record<ModelTask, string>>;
  const ids = { ...saved };
  for (const task of ['embedder', 'generator'] as const) {
    const fromAddress = params.get(task);
    if (fromAddress) ids[task] = fromAddress;
  }
  localStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
  return chooseModels(ids);
}

export function modelSources(): ModelSources {
  return { localModelsUrl: new URL('models/', document.baseURI).href, remoteHost: HUGGING_FACE_HUB };
}
