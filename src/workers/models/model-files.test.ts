import { describe, expect, it } from 'vitest';
import { fileUrls, modelFiles, parseFileUrl } from './model-files';

const sources = { localModelsUrl: 'http://127.0.0.1:4173/app/models/', remoteHost: 'https://huggingface.co/' };

describe('modelFiles', () => {
  it('lists what transformers.js 4 fetches for an embedder and a generator, the weights named by dtype', () => {
    expect(modelFiles({ task: 'embedder', dtype: 'q8' }).map((file) => file.path)).toEqual([
      'config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'onnx/model_quantized.onnx',
    ]);
    expect(modelFiles({ task: 'generator', dtype: 'fp32' })).toContainEqual({ path: 'onnx/model.onnx', required: true });
    expect(modelFiles({ task: 'generator', dtype: 'q4f16' })).toContainEqual({ path: 'onnx/model_q4f16.onnx', required: true });
    // A v2-era decoder keeps its file name.
    expect(modelFiles({ task: 'generator', dtype: 'q8', fileName: 'decoder_model_merged' })).toContainEqual({ path: 'onnx/decoder_model_merged_quantized.onnx', required: true });
    expect(modelFiles({ task: 'generator', dtype: 'fp32' })).toContainEqual({ path: 'generation_config.json', required: false });
  });

  it("adds the weights' external data files that config.json names, as transformers.js reads them", () => {
    const weightsOf = (dtype: 'q4' | 'q4f16', config: unknown) => modelFiles({ task: 'generator', dtype }, config).map((file) => file.path).filter((path) => path.startsWith('onnx/'));
    const format = (value: unknown) => ({ 'transformers.js_config': { use_external_data_format: value } });
    expect(weightsOf('q4f16', format(true))).toEqual(['onnx/model_q4f16.onnx', 'onnx/model_q4f16.onnx_data']);
    expect(weightsOf('q4f16', format(3))).toEqual(['onnx/model_q4f16.onnx', 'onnx/model_q4f16.onnx_data', 'onnx/model_q4f16.onnx_data_1', 'onnx/model_q4f16.onnx_data_2']);
    expect(weightsOf('q4f16', format({ 'model_q4f16.onnx': 2 }))).toHaveLength(3);
    expect(weightsOf('q4', format({ 'model_q4f16.onnx': 2 }))).toEqual(['onnx/model_q4.onnx']);
    expect(weightsOf('q4', format({ model: 1 }))).toEqual(['onnx/model_q4.onnx', 'onnx/model_q4.onnx_data']);
    expect(weightsOf('q4', {})).toEqual(['onnx/model_q4.onnx']);
    expect(weightsOf('q4', undefined)).toEqual(['onnx/model_q4.onnx']);
  });
});

describe('fileUrls and parseFileUrl', () => {
  it('give the keys transformers.js caches a file under, and read them back', () => {
    const urls = fileUrls(sources, 'Xenova/gte-small', 'onnx/model_quantized.onnx');
    expect(urls).toEqual({
      local: 'http://127.0.0.1:4173/app/models/Xenova/gte-small/onnx/model_quantized.onnx',
      remote: 'https://huggingface.co/Xenova/gte-small/resolve/main/onnx/model_quantized.onnx',
    });
    expect(parseFileUrl(sources, urls.local)).toEqual({ modelId: 'Xenova/gte-small', path: 'onnx/model_quantized.onnx' });
    expect(parseFileUrl(sources, urls.remote)).toEqual({ modelId: 'Xenova/gte-small', path: 'onnx/model_quantized.onnx' });
    expect(parseFileUrl(sources, fileUrls(sources, 'gpt2', 'config.json').local)).toEqual({ modelId: 'gpt2', path: 'config.json' });
    expect(parseFileUrl(sources, 'https://example.com/x')).toBeNull();
  });

  it('accept a host given without its final slash', () => {
    expect(fileUrls({ ...sources, remoteHost: 'http://127.0.0.1:9000' }, 'a/b', 'config.json').remote).toBe('http://127.0.0.1:9000/a/b/resolve/main/config.json');
  });
});
