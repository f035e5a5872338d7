import { externalDataFiles, weightsFile, type ModelSources, type ModelSpec } from '../../core/models';

/** One file transformers.js fetches for a model; an optional one may be missing from the host (its 404 is fine). */
export interface ModelFile {
  path: string;
  required: boolean;
}

/**
 * The files transformers.js 4 fetches to run a model in Docent's pipelines: its configuration, tokenizer and weights
 * (the spec's dtype) with their external data files, which its `config` (config.json, once fetched) names, and a
 * generator's generation settings.
 */
export function modelFiles(model: Pick<ModelSpec, 'task' | 'dtype' | 'fileName'>, config?: unknown): ModelFile[] {
  const weights = weightsFile(model);
  const files: ModelFile[] = [
    { path: 'config.json', required: true },
    { path: 'tokenizer.json', required: true },
    { path: 'tokenizer_config.json', required: true },
    { path: weights, required: true },
    ...externalDataFiles(weights, config).map((path) => ({ path, required: true })),
  ];
  if (model.task === 'generator') files.push({ path: 'generation_config.json', required: false });
  return files;
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

/** Where a model file is fetched from, and so the keys it is cached under: the site's folder first, then the hub. */
export function fileUrls(sources: ModelSources, modelId: string, path: string): { local: string; remote: string } {
  return {
    local: `${withSlash(sources.localModelsUrl)}${modelId}/${path}`,
    // transformers.js's remotePathTemplate '{model}/resolve/{revision}/' with revision 'main'.
    remote: `${withSlash(sources.remoteHost)}${modelId}/resolve/main/${path}`,
  };
}

/** The model id and file a cache key belongs to, or null for a key outside both sources. */
export function parseFileUrl(sources: ModelSources, url: string): { modelId: string; path: string } | null {
  const local = withSlash(sources.localModelsUrl);
  const remote = withSlash(sources.remoteHost);
  if (url.startsWith(local)) {
    // <id>/<file>, where a model's files are at its top level or in onnx/.
    const match = url.slice(local.length).match(/^(.+?)\/((?:onnx\/)?[^/]+)$/);
    return match ? { modelId: match[1], path: match[2] } : null;
  }
  if (url.startsWith(remote)) {
    const match = url.slice(remote.length).match(/^(.+?)\/resolve\/[^/]+\/(.+)$/);
    return match ? { modelId: match[1], path: match[2] } : null;
  }
  return null;
}
