import { describe, expect, it } from 'vitest';
import { describeModelFailure } from './model-errors';
import { chooseModels, DEFAULT_MODELS, MAX_ANSWER_TOKENS, MODEL_CATALOG, promptBudget, resolveModel, weightsBytes, type ModelSpec } from './models';

describe('resolveModel', () => {
  it('returns the catalog entry for a known id and task', () => {
    for (const spec of MODEL_CATALOG) expect(resolveModel(spec.task, spec.id)).toBe(spec);
  });

  it('gives an unknown id the hub defaults (int8 weights, dtype q8), labelled with the id', () => {
    expect(resolveModel('embedder', 'someone/custom-embedder')).toEqual({
      id: 'someone/custom-embedder',
      task: 'embedder',
      label: 'someone/custom-embedder',
      dtype: 'q8',
    });
  });

  it('does not use a catalog entry of another task', () => {
    const spec = resolveModel('embedder', DEFAULT_MODELS.generator.cpu);
    expect(spec).toMatchObject({ task: 'embedder', label: DEFAULT_MODELS.generator.cpu, dtype: 'q8' });
    expect(spec.contextTokens).toBeUndefined();
  });
});

describe('chooseModels', () => {
  it('uses the defaults when nothing is chosen, the chat model following the device', () => {
    const choice = chooseModels({});
    expect(choice.embedder).toMatchObject({ id: 'Xenova/gte-small', task: 'embedder' });
    expect(choice.generator).toMatchObject({ id: 'onnx-community/granite-4.0-350m-ONNX-web', task: 'generator', dtype: 'q8' });
    expect(chooseModels({}, true).generator).toMatchObject({ id: 'onnx-community/granite-4.0-1b-ONNX-web', webgpuDtype: 'q4f16' });
    // A chosen chat model stays chosen on any device.
    expect(chooseModels({ generator: 'Xenova/Qwen1.5-0.5B-Chat' }, true).generator?.id).toBe('Xenova/Qwen1.5-0.5B-Chat');
  });

  it('uses the chosen ids, falling back per task', () => {
    const choice = chooseModels({ generator: 'docent-test/tiny-chat' });
    expect(choice.generator?.label).toBe('Test chat model (generated)');
    expect(choice.embedder.id).toBe(DEFAULT_MODELS.embedder);
  });
});

describe('MODEL_CATALOG', () => {
  it('says why each real model is there, and has GPU weights for every default', () => {
    for (const spec of MODEL_CATALOG.filter((model) => !model.id.startsWith('docent-test/'))) expect(spec.why, spec.id).toBeTruthy();
    for (const id of [DEFAULT_MODELS.embedder, DEFAULT_MODELS.generator.cpu, DEFAULT_MODELS.generator.gpu]) {
      expect(MODEL_CATALOG.find((model) => model.id === id)?.webgpuDtype, id).toBeDefined();
    }
  });

  it('gives each model an id once per task', () => {
    const keys = MODEL_CATALOG.map((model) => `${model.task}:${model.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('weightsBytes', () => {
  it('knows the download per dtype where the catalog does', () => {
    const gte = resolveModel('embedder', 'Xenova/gte-small');
    expect(weightsBytes(gte)).toBe(34_014_427);
    expect(weightsBytes(gte, 'fp32')).toBe(133_093_491);
    expect(weightsBytes(gte, 'q4')).toBeUndefined();
  });
});

describe('promptBudget', () => {
  it('leaves room for the answer inside the context', () => {
    const generator = resolveModel('generator', 'Xenova/Qwen1.5-0.5B-Chat');
    expect(promptBudget(generator)).toBe(2048 - MAX_ANSWER_TOKENS);
    expect(promptBudget({ ...generator, contextTokens: 8192 })).toBe(8192 - MAX_ANSWER_TOKENS);
  });

  it('assumes a 2048-token context for models that do not say', () => {
    expect(promptBudget(resolveModel('generator', 'someone/unknown-chat'))).toBe(2048 - MAX_ANSWER_TOKENS);
  });
});

describe('describeModelFailure', () => {
  const gte = resolveModel('embedder', 'Xenova/gte-small');

  it('says the model could not be downloaded when offline, whatever the error', () => {
    const message = describeModelFailure(gte, new Error('anything'), false);
    expect(message).toMatch(/^GTE small \(Xenova\/gte-small\) could not be downloaded/);
  });

  it('recognises network errors while online', () => {
    expect(describeModelFailure(gte, new TypeError('Failed to fetch'), true)).toContain('could not be downloaded');
  });

  it('says a missing file could not be found, with the detail', () => {
    const detail = 'Could not locate file: "https://huggingface.co/Xenova/gte-small/resolve/main/onnx/model_quantized.onnx".';
    const message = describeModelFailure(gte, new Error(detail), true);
    expect(message).toContain('could not be found');
    expect(message).toContain(detail);
  });

  it('says a model that does not parse is damaged', () => {
    const message = describeModelFailure(gte, new Error('Failed to load model because protobuf parsing failed.'), true);
    expect(message).toMatch(/^GTE small \(Xenova\/gte-small\) is damaged/);
  });

  it('reports other errors as they are, including non-Error values', () => {
    expect(describeModelFailure(gte, 'out of memory', true)).toBe('GTE small (Xenova/gte-small) could not be loaded: out of memory');
  });

  it('names a model without its own label by its id, once', () => {
    const custom: ModelSpec = resolveModel('generator', 'someone/custom-chat');
    const message = describeModelFailure(custom, new Error('boom'), true);
    expect(message).toBe('someone/custom-chat could not be loaded: boom');
    expect(describeModelFailure(custom, new Error('x'), false).split('someone/custom-chat')).toHaveLength(2);
  });
});
