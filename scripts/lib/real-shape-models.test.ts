// Random-weight models of real shapes (bench models, issue 7): exact parameter counts, sizes near the real files,
// and loading through transformers.js 4 (onnxruntime-node, the same CPU kernels as onnxruntime-web's wasm).
// Needs the real config/tokenizer files in ../shared/models/skeletons; skipped without them.
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env, pipeline } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dequantizeInt8, quantizeInt8 } from './quantize.mjs';
import { expectHonestCache, generateTokens, hasSkeletons, SKELETONS } from './real-shape-checks';
import {
  BENCH_MODELS,
  BENCH_OWNER,
  buildBenchModel,
  expectedParameterCount,
  readSkeletonConfig,
  writeBenchModel,
} from './real-shape-models.mjs';

const TIMEOUT = 60_000;
const SMOLLM = 'smollm-360m-shaped';
const MINILM = 'minilm-l6-shaped';
let folder = '';

describe('int8 quantization', () => {
  it('is symmetric per column with 7-bit range and round-trips within half a step', () => {
    const rows = 3;
    const cols = 2;
    const data = Float32Array.from([0.5, -2, -1, 1, 0.25, 0.1]);
    const q = quantizeInt8(data, rows, cols);
    expect(Array.from(q.scales)).toEqual([Math.fround(1 / 64), Math.fround(2 / 64)]);
    expect(Array.from(q.zeroPoints)).toEqual([0, 0]);
    expect(Array.from(q.quantized)).toEqual([32, -64, -64, 32, 16, 3]);
    const back = dequantizeInt8(q, cols);
    data.forEach((value, i) => expect(Math.abs(back[i] - value)).toBeLessThanOrEqual(q.scales[i % cols] / 2 + 1e-7));
    const perTensor = quantizeInt8(data, rows, cols, { perChannel: false, reduceRange: false });
    expect(perTensor.scales.length).toBe(1);
    expect(Math.max(...Array.from(perTensor.quantized, Math.abs))).toBe(127);
  });
});

describe.skipIf(!hasSkeletons)('real-shape bench models', () => {
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'docent-bench-models-'));
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${folder}/`;
  });

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('have exactly the parameters config.json gives, in fp32, int8 and q4 (no weight generated)', () => {
    // The real models' counts, pooler excluded: the feature-extraction exports output last_hidden_state only,
    // so BertModel's pooler (384 * 384 + 384 = 147,840) is not in their ONNX files.
    // Granite: config arithmetic (real-shape-granite.test.ts checks it by hand).
    const known: Record<string, number> = {
      'minilm-l6-shaped': 22_713_216 - 147_840,
      'gte-small-shaped': 33_212_160,
      // Cross-encoders: BertModel with its pooler, and a one-logit classifier (384 + 1, 128 + 1).
      'ms-marco-minilm-l6-shaped': 22_713_216 + 385,
      'tinybert-l2-reranker-shaped': 4_385_920 + 129,
      'smollm-360m-shaped': 361_821_120,
      'granite-350m-shaped': 352_379_904,
      'granite-1b-shaped': 1_631_750_144,
    };
    for (const id of Object.keys(BENCH_MODELS)) {
      const config = readSkeletonConfig(SKELETONS, id);
      expect(expectedParameterCount(id, config)).toBe(known[id]);
      const variants = BENCH_MODELS[id].architecture === 'bert' ? ['fp32', 'int8'] : ['fp32', 'int8', 'q4'];
      for (const variant of variants) {
        const { plan } = buildBenchModel(id, config, variant);
        expect(plan.parameterCount(), `${id} ${variant}`).toBe(known[id]);
      }
      // The full decoder's int8 weights come to ~362 MB: one byte per parameter plus fp32 norms and scales.
      if (id === SMOLLM) {
        const { plan } = buildBenchModel(id, config, 'int8');
        expect(plan.dataBytes() / known[id]).toBeGreaterThan(1);
        expect(plan.dataBytes() / known[id]).toBeLessThan(1.01);
      }
    }
  });

  it(
    'MiniLM shape: files within 2% of the real sizes, int8 at most 30% of fp32, 384-d unit vectors from both',
    async () => {
      const report = writeBenchModel(MINILM, { skeletons: SKELETONS, out: folder });
      const modelFolder = join(folder, BENCH_OWNER, MINILM);
      for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx', 'onnx/model_quantized.onnx']) {
        expect(existsSync(join(modelFolder, file)), file).toBe(true);
      }
      const fp32 = statSync(join(modelFolder, 'onnx/model.onnx')).size;
      const int8 = statSync(join(modelFolder, 'onnx/model_quantized.onnx')).size;
      for (const file of report.files) expect(Math.abs(file.bytes / file.real - 1), file.file).toBeLessThan(0.02);
      expect(int8 / fp32).toBeLessThanOrEqual(0.3);

      const text = 'The zeppelin took off from Friedrichshafen before dawn.';
      const vectors: Float32Array[] = [];
      for (const quantized of [false, true]) {
        const embed = await pipeline('feature-extraction', `${BENCH_OWNER}/${MINILM}`, { dtype: quantized ? 'q8' : 'fp32' });
        const output = await embed(text, { pooling: 'mean', normalize: true });
        expect(output.dims).toEqual([1, 384]);
        const vector = output.data as Float32Array;
        expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
        vectors.push(vector);
        await embed.dispose();
      }
      // Same underlying weights: the int8 model must stay close to the fp32 one (a wrong scale would not).
      const cosine = vectors[0].reduce((sum, x, i) => sum + x * vectors[1][i], 0);
      expect(cosine).toBeGreaterThan(0.99);
    },
    TIMEOUT,
  );

  it(
    'SmolLM shape with 2 of its 32 layers: generates 3 tokens in fp32 and int8, with an honest KV cache',
    async () => {
      writeBenchModel(SMOLLM, { skeletons: SKELETONS, out: folder, variants: ['fp32', 'int8'], configOverrides: { num_hidden_layers: 2 } });
      const modelFolder = join(folder, BENCH_OWNER, SMOLLM);
      for (const file of ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json']) {
        expect(existsSync(join(modelFolder, file)), file).toBe(true);
      }
      for (const dtype of ['fp32', 'q8']) {
        // The v2-era file name the bench's decoders keep (transformers.js 4 would look for onnx/model*.onnx).
        const { prompt, generated } = await generateTokens(`${BENCH_OWNER}/${SMOLLM}`, { dtype, model_file_name: 'decoder_model_merged' }, 3);
        expect(prompt).toMatch(/<\|im_start\|>assistant\n$/);
        expect(generated).toBe(3);
      }

      const config = readSkeletonConfig(SKELETONS, SMOLLM);
      const session = await ort.InferenceSession.create(join(modelFolder, 'onnx/decoder_model_merged.onnx'));
      await expectHonestCache(session, {
        layers: 2,
        kvHeads: config.num_key_value_heads,
        headDim: config.hidden_size / config.num_attention_heads,
        vocab: config.vocab_size,
      });
      await session.release();
    },
    TIMEOUT,
  );
});
