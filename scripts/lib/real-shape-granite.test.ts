// Granite 4.0-shaped bench models: parameter counts by hand, file sizes, and a 2-layer model of the 350m's shape
// loaded by transformers.js 4 as granitemoehybrid (q4 and int8) and checked with onnxruntime-node.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRANITE_CONFIGS, graniteConfig } from './real-shape-granite.mjs';
import { expectHonestCache, generateTokens, hasSkeletons, SKELETONS } from './real-shape-checks';
import { decoderShape, llamaParameterCount } from './real-shape-llama.mjs';
import { BENCH_OWNER, benchFileBytes, readSkeletonConfig, writeBenchModel } from './real-shape-models.mjs';
import { PROTOBUF_LIMIT } from './real-shape-writer.mjs';

const GRANITE = 'granite-350m-shaped';

describe('Granite 4.0 shapes', () => {
  it('count their parameters from config.json: 352,379,904 (350m) and 1,631,750,144 (1b)', () => {
    // By hand for the 350m: embeddings 100352 x 1024; a layer: q and o 1024 x 1024, k and v 1024 x 256 (4 heads of
    // 64), MLP 3 x 1024 x 2048, two norms; 28 layers; the final norm. Tied: no LM head of its own.
    const layer = 2 * 1024 * 1024 + 2 * 1024 * 256 + 3 * 1024 * 2048 + 2 * 1024;
    expect(llamaParameterCount(graniteConfig(GRANITE_CONFIGS['350m']))).toBe(100352 * 1024 + 28 * layer + 1024);
    expect(llamaParameterCount(graniteConfig(GRANITE_CONFIGS['350m']))).toBe(352_379_904);
    expect(llamaParameterCount(graniteConfig(GRANITE_CONFIGS['1b']))).toBe(1_631_750_144);
    // head_dim from config.json where given (Granite's is hidden / heads = 64 either way).
    expect(decoderShape({ ...GRANITE_CONFIGS['350m'], layer_types: new Array(28).fill('attention'), head_dim: 128 }).headDim).toBe(128);
    expect(() => decoderShape({ ...GRANITE_CONFIGS['350m'], layer_types: ['mamba', ...new Array(27).fill('attention')] })).toThrow(/all attention/);
  });

  it.skipIf(!hasSkeletons)('weigh 632 MB (350m q4), 354 MB (350m int8), 1.84 GB (1b q4) and 1.63 GB (1b int8, each in its .onnx_data)', () => {
    const size = (id: string, variant: string) => benchFileBytes(id, readSkeletonConfig(SKELETONS, id), variant);
    // fp32 table (4 bytes a parameter) + 4-bit layers and LM head (0.5 byte + a 4-byte scale per 32 weights).
    expect(size(GRANITE, 'q4')).toEqual({ bytes: 631_677_903, externalBytes: 0 });
    expect(size(GRANITE, 'int8').bytes / 352_379_904).toBeCloseTo(1, 2);
    const q4 = size('granite-1b-shaped', 'q4');
    expect(q4.bytes).toBeLessThan(1e6);
    expect(q4.externalBytes / 1e9).toBeCloseTo(1.84, 2);
    expect(q4.externalBytes).toBeLessThan(PROTOBUF_LIMIT);
    const int8 = size('granite-1b-shaped', 'int8');
    expect(int8.bytes).toBeLessThan(1e6);
    expect(int8.externalBytes / 1_631_750_144).toBeCloseTo(1, 2);
    expect(readSkeletonConfig(SKELETONS, 'granite-1b-shaped')['transformers.js_config']).toEqual({ use_external_data_format: { 'model_q4.onnx': 1, 'model_quantized.onnx': 1 } });
  });
});

describe.skipIf(!hasSkeletons)('Granite 350m shape with 2 of its 28 layers', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'docent-granite-'));
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${folder}/`;
    writeBenchModel(GRANITE, { skeletons: SKELETONS, out: folder, configOverrides: { num_hidden_layers: 2 } });
  }, 120_000);

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('has the files transformers.js loads for q4 and q8, and a tokenizer with Granite’s 100,352 ids', async () => {
    const modelFolder = join(folder, BENCH_OWNER, GRANITE);
    for (const file of ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_q4.onnx', 'onnx/model_quantized.onnx']) {
      expect(existsSync(join(modelFolder, file)), file).toBe(true);
    }
    const config = JSON.parse(readFileSync(join(modelFolder, 'config.json'), 'utf8'));
    expect(config).toMatchObject({ model_type: 'granitemoehybrid', num_hidden_layers: 2, layer_types: ['attention', 'attention'], vocab_size: 100352 });
    const tokenizer = await AutoTokenizer.from_pretrained(`${BENCH_OWNER}/${GRANITE}`);
    expect(tokenizer.decode([100351])).toBe('<|unused_100351|>');
    expect(tokenizer.encode('<|end_of_text|>', { add_special_tokens: false })).toEqual([config.eos_token_id]);
    // English text tokenizes as SmolLM's BPE does (ids below its 49,152).
    const ids = tokenizer.encode('The lighthouse was rebuilt in 1902 after the storm.', { add_special_tokens: false });
    expect(Math.max(...ids)).toBeLessThan(49152);
    expect(readFileSync(join(modelFolder, 'onnx/model_q4.onnx')).includes('MatMulNBits')).toBe(true);
  });

  it('generates 3 tokens as granitemoehybrid in q4 and q8, with Granite’s chat roles', async () => {
    for (const dtype of ['q4', 'q8']) {
      const { prompt, generated } = await generateTokens(`${BENCH_OWNER}/${GRANITE}`, { dtype }, 3);
      expect(prompt).toBe('<|start_of_role|>user<|end_of_role|>What colour is the sky?<|end_of_text|>\n<|start_of_role|>assistant<|end_of_role|>');
      expect(generated, dtype).toBe(3);
    }
  }, 120_000);

  it('keeps an honest key/value cache in q4 (4 key/value heads of 64)', async () => {
    const session = await ort.InferenceSession.create(join(folder, BENCH_OWNER, GRANITE, 'onnx/model_q4.onnx'));
    await expectHonestCache(session, { layers: 2, kvHeads: 4, headDim: 64, vocab: 100352 });
    await session.release();
  }, 60_000);
});
