import { describe, expect, it } from 'vitest';
import { checkModelFolder, isCausalLm, isOwnModel, ownModelId, type FolderFile } from './model-folder';

const CHAT_CONFIG = JSON.stringify({ model_type: 'granite', architectures: ['GraniteForCausalLM'], max_position_embeddings: 131072 });
const CHAT_TOKENIZER = JSON.stringify({ chat_template: '{% for m in messages %}{{ m.content }}{% endfor %}' });
const files = (...paths: string[]): FolderFile[] => paths.map((path) => ({ path, bytes: 100 }));
const TEXT_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

describe('checkModelFolder', () => {
  it('accepts a chat model export, choosing 4-bit weights for the CPU and q4f16 for the GPU', () => {
    const check = checkModelFolder('my-tuned granite', files(...TEXT_FILES, 'generation_config.json', 'onnx/model_q4.onnx', 'onnx/model_q4f16.onnx', 'onnx/model.onnx', 'README.md'), {
      config: CHAT_CONFIG,
      tokenizerConfig: CHAT_TOKENIZER,
    });
    expect(check).toEqual({
      ok: true,
      model: { id: 'local/my-tuned-granite', task: 'generator', label: 'my-tuned granite (from this computer)', dtype: 'q4', webgpuDtype: 'q4f16', contextTokens: 4096 },
      files: ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'generation_config.json', 'onnx/model_q4.onnx', 'onnx/model_q4f16.onnx'],
    });
  });

  it("prefers a chat model's int8 weights to its 4-bit ones on the CPU, and keeps only the files it will load", () => {
    const check = checkModelFolder('both', files(...TEXT_FILES, 'onnx/model_q4.onnx', 'onnx/model_quantized.onnx', 'onnx/model_q4f16.onnx'), { config: CHAT_CONFIG, tokenizerConfig: CHAT_TOKENIZER });
    expect(check).toMatchObject({ ok: true, model: { dtype: 'q8', webgpuDtype: 'q4f16' }, files: [...TEXT_FILES, 'onnx/model_quantized.onnx', 'onnx/model_q4f16.onnx'] });
  });

  it('accepts an embedder (no causal LM) with int8 weights, and a v2-era decoder by its file name', () => {
    const embedder = checkModelFolder('e5', files(...TEXT_FILES, 'onnx/model_quantized.onnx'), { config: JSON.stringify({ model_type: 'bert' }) });
    expect(embedder).toMatchObject({ ok: true, model: { task: 'embedder', dtype: 'q8' } });
    expect(embedder.ok && embedder.model.webgpuDtype).toBeFalsy();
    const v2 = checkModelFolder('old', files(...TEXT_FILES, 'onnx/decoder_model_merged_quantized.onnx'), { config: CHAT_CONFIG, tokenizerConfig: CHAT_TOKENIZER });
    expect(v2).toMatchObject({ ok: true, model: { dtype: 'q8', fileName: 'decoder_model_merged' }, files: expect.arrayContaining(['onnx/decoder_model_merged_quantized.onnx']) });
  });

  it('keeps the external data files config.json names, and names one that is missing', () => {
    const config = JSON.stringify({ model_type: 'qwen3', 'transformers.js_config': { use_external_data_format: { 'model_q4f16.onnx': 1 } } });
    const complete = checkModelFolder('q', files(...TEXT_FILES, 'onnx/model_q4f16.onnx', 'onnx/model_q4f16.onnx_data'), { config, tokenizerConfig: CHAT_TOKENIZER });
    expect(complete).toMatchObject({ ok: true, files: expect.arrayContaining(['onnx/model_q4f16.onnx_data']) });
    const missing = checkModelFolder('q', files(...TEXT_FILES, 'onnx/model_q4f16.onnx'), { config, tokenizerConfig: CHAT_TOKENIZER });
    expect(missing).toEqual({ ok: false, problems: [expect.stringMatching(/^onnx\/model_q4f16\.onnx_data is missing/)] });
  });

  it('names every missing file at once', () => {
    expect(checkModelFolder('x', files('onnx/model.onnx'), {})).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^config\.json is missing/), 'tokenizer.json is missing.', 'tokenizer_config.json is missing.'],
    });
  });

  it('says what a folder of PyTorch or GGUF weights holds instead of ONNX', () => {
    const pytorch = checkModelFolder('x', files(...TEXT_FILES, 'model.safetensors'), { config: CHAT_CONFIG });
    expect(pytorch.ok ? [] : pytorch.problems).toEqual([expect.stringMatching(/PyTorch weights .*not ONNX/)]);
    const gguf = checkModelFolder('x', files('model-Q4_K_M.gguf'), {});
    expect(gguf.ok ? [] : gguf.problems.at(-1)).toMatch(/GGUF/);
  });

  it('refuses a config that does not parse or name its type, an empty weights file, and a chat model without a chat template', () => {
    expect(checkModelFolder('x', files(...TEXT_FILES, 'onnx/model.onnx'), { config: '{oops' })).toEqual({ ok: false, problems: ['config.json is not valid JSON.'] });
    expect(checkModelFolder('x', files(...TEXT_FILES, 'onnx/model.onnx'), { config: '{}' })).toEqual({ ok: false, problems: ['config.json does not say its model_type.'] });
    const empty = checkModelFolder('x', [...files(...TEXT_FILES), { path: 'onnx/model.onnx', bytes: 0 }], { config: CHAT_CONFIG });
    expect(empty.ok ? [] : empty.problems).toEqual([expect.stringMatching(/^No ONNX weights/)]);
    const noTemplate = checkModelFolder('x', files(...TEXT_FILES, 'onnx/model.onnx'), { config: CHAT_CONFIG, tokenizerConfig: '{}' });
    expect(noTemplate).toEqual({ ok: false, problems: [expect.stringMatching(/no chat_template/)] });
  });
});

describe('own model ids', () => {
  it('are path-safe names under the local owner', () => {
    expect(ownModelId('My Model (v2)')).toBe('local/My-Model-v2');
    expect(ownModelId('../..')).toBe('local/model');
    expect(isOwnModel('local/x')).toBe(true);
    expect(isOwnModel('Xenova/gte-small')).toBe(false);
  });

  it('tell chat models by architecture or type', () => {
    expect(isCausalLm({ architectures: ['FooForCausalLM'] })).toBe(true);
    expect(isCausalLm({ model_type: 'qwen3' })).toBe(true);
    expect(isCausalLm({ model_type: 'bert', architectures: ['BertModel'] })).toBe(false);
  });
});
