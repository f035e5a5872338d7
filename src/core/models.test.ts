import { describe, expect, it } from 'vitest';
import { describeModelFailure } from './model-errors';
import { chooseModels, DEFAULT_MODELS, MAX_ANSWER_TOKENS, MODEL_CATALOG, promptBudget, resolveModel, type ModelSpec } from './models';

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
    const spec = resolveModel('embedder', DEFAULT_MODELS.generator);
    expect(spec).toMatchObject({ task: 'embedder', label: DEFAULT_MODELS.generator, dtype: 'q8' });
    expect(spec.contextTokens).toBeUndefined();
  });
});

describe('chooseModels', () => {
  it('uses the defaults when nothing is chosen', () => {
    const choice = chooseModels({});
    expect(choice.embedder).toMatchObject({ id: 'Xenova/gte-small', task: 'embedder' });
    expect(choice.generator).toMatchObject({ id: 'Xenova/Qwen1.5-0.5B-Chat', task: 'generator' });
  });

  it('uses the chosen ids, falling back per task', () => {
    const choice = chooseModels({ generator: 'docent-test/tiny-chat' });
    expect(choice.generator?.label).toBe('Test chat model (generated)');
    expect(choice.embedder.id).toBe(DEFAULT_MODELS.embedder);
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
