import type { ModelSpec } from './models';

/**
 * Turns a model loading failure into a sentence that says which model failed and why, in words a person can act
 * on. transformers.js reports failures as plain messages, so the kind is read from them.
 */
export function describeModelFailure(model: ModelSpec, error: unknown, online: boolean): string {
  const detail = error instanceof Error ? error.message : String(error);
  const what = model.label === model.id ? model.id : `${model.label} (${model.id})`;
  if (!online || /failed to fetch|networkerror|load failed|network/i.test(detail)) {
    return `${what} could not be downloaded: the network is unreachable. It will load once you are online; everything else keeps working.`;
  }
  if (/could not locate file|not found|404|401|403/i.test(detail)) {
    return `${what} could not be found on the model host or in this site's models folder (${detail}).`;
  }
  if (/protobuf|can't create a session|unexpected token|invalid|corrupt|failed to load model/i.test(detail)) {
    return `${what} is damaged or not a model transformers.js can run (${detail}).`;
  }
  return `${what} could not be loaded: ${detail}`;
}
