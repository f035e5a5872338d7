// Random-weight models of real shapes (bench models, issue 7): exact parameter counts, sizes near the real files,
// and loading through transformers.js 2.17 (onnxruntime-node, the same CPU kernels as onnxruntime-web's wasm).
// Needs the real config/tokenizer files in ../shared/models/skeletons; skipped without them.
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { env, pipeline, TextStreamer } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dequantizeInt8, quantizeInt8 } from './quantize.mjs';
import {
  BENCH_MODELS,
  BENCH_OWNER,
  buildBenchModel,
  expectedParameterCount,
  readSkeletonConfig,
  writeBenchModel,
} from './real-shape-models.mjs';

// ../shared/models/skeletons next to the repository (DOCENT_SKELETONS overrides).
const SKELETONS = resolve(
  process.env.DOCENT_SKELETONS ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/models/skeletons'),
);
const hasSkeletons = existsSync(SKELETONS);
if (!hasSkeletons) console.log(`Skipping real-shape model tests: no skeletons folder at ${SKELETONS}`);

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

  it('have exactly the parameters config.json gives, in fp32 and int8 (no weight generated)', () => {
    // The real models' counts, pooler excluded: the feature-extraction exports output last_hidden_state only,
    // so BertModel's pooler (384 * 384 + 384 = 147,840) is not in their ONNX files.
    const known: Record<string, number> = {
      'minilm-l6-shaped': 22_713_216 - 147_840,
      'gte-small-shaped': 33_212_160,
      'smollm-360m-shaped': 361_821_120,
    };
    for (const id of Object.keys(BENCH_MODELS)) {
      const config = readSkeletonConfig(SKELETONS, id);
      expect(expectedParameterCount(id, config)).toBe(known[id]);
      for (const quantized of [false, true]) {
        const { plan } = buildBenchModel(id, config, { quantized });
        expect(plan.parameterCount(), `${id} ${quantized ? 'int8' : 'fp32'}`).toBe(known[id]);
      }
      // The full decoder's int8 weights come to ~362 MB: one byte per parameter plus fp32 norms and scales.
      if (id === SMOLLM) {
        const { plan } = buildBenchModel(id, config, { quantized: true });
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
      writeBenchModel(SMOLLM, { skeletons: SKELETONS, out: folder, configOverrides: { num_hidden_layers: 2 } });
      const modelFolder = join(folder, BENCH_OWNER, SMOLLM);
      for (const file of ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json']) {
        expect(existsSync(join(modelFolder, file)), file).toBe(true);
      }
      for (const quantized of [false, true]) {
        // The v2-era file name the bench's decoders keep (transformers.js 4 would look for onnx/model*.onnx).
        const generator = await pipeline('text-generation', `${BENCH_OWNER}/${SMOLLM}`, { dtype: quantized ? 'q8' : 'fp32', model_file_name: 'decoder_model_merged' });
        const messages = [{ role: 'user', content: 'What colour is the sky?' }];
        const prompt = generator.tokenizer.apply_chat_template(messages, { tokenize: false, add_generation_prompt: true });
        expect(prompt).toMatch(/<\|im_start\|>assistant\n$/);
        let generated = 0;
        const output = await generator(prompt as string, {
          max_new_tokens: 3,
          do_sample: false,
          return_full_text: false,
          streamer: new TextStreamer(generator.tokenizer, { skip_prompt: true, callback_function: () => {}, token_callback_function: () => generated++ }),
        });
        expect(generated).toBe(3);
        expect(typeof (output as { generated_text: string }[])[0].generated_text).toBe('string');
        await generator.dispose();
      }

      // The cache: one cached step must give the logits of the full sequence run at once.
      const config = readSkeletonConfig(SKELETONS, SMOLLM);
      const kvHeads: number = config.num_key_value_heads;
      const headDim: number = config.hidden_size / config.num_attention_heads;
      const session = await ort.InferenceSession.create(join(modelFolder, 'onnx/decoder_model_merged.onnx'));
      const int64 = (values: number[]) => new ort.Tensor('int64', BigInt64Array.from(values.map(BigInt)), [1, values.length]);
      const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
      const past = (outputs?: ort.InferenceSession.OnnxValueMapType) => {
        const feeds: Record<string, ort.Tensor> = {};
        for (let layer = 0; layer < 2; layer++) {
          for (const kind of ['key', 'value']) {
            feeds[`past_key_values.${layer}.${kind}`] = outputs
              ? (outputs[`present.${layer}.${kind}`] as ort.Tensor)
              : new ort.Tensor('float32', new Float32Array(0), [1, kvHeads, 0, headDim]);
          }
        }
        return feeds;
      };
      const run = (ids: number[], pastLength: number, feeds: Record<string, ort.Tensor>) =>
        session.run({
          input_ids: int64(ids),
          attention_mask: int64(new Array(pastLength + ids.length).fill(1)),
          position_ids: int64(range(pastLength, pastLength + ids.length)),
          ...feeds,
        });
      const lastLogits = (outputs: ort.InferenceSession.OnnxValueMapType) => {
        const logits = outputs.logits as ort.Tensor;
        const [, length, vocab] = logits.dims;
        expect(vocab).toBe(config.vocab_size);
        return (logits.data as Float32Array).slice((length - 1) * vocab, length * vocab);
      };
      const maxDifference = (a: Float32Array, b: Float32Array) => a.reduce((max, x, i) => Math.max(max, Math.abs(x - b[i])), 0);
      const ids = [1, 4093, 198, 1780, 3153, 314, 260, 6749, 47, 2, 198, 1, 520, 9531, 198];
      const full = lastLogits(await run(ids, 0, past()));
      const prefix = await run(ids.slice(0, -1), 0, past());
      expect((prefix['present.0.key'] as ort.Tensor).dims).toEqual([1, kvHeads, ids.length - 1, headDim]);
      const cached = lastLogits(await run(ids.slice(-1), ids.length - 1, past(prefix)));
      expect(maxDifference(full, cached)).toBeLessThan(1e-4);
      const uncached = lastLogits(await run(ids.slice(-1), 0, past()));
      expect(maxDifference(full, uncached)).toBeGreaterThan(0.01);

      // Rotary embeddings read position_ids and are relative: shifting every position changes nothing, while
      // positions out of order do.
      const withPositions = async (positions: number[]) =>
        lastLogits(
          await session.run({
            input_ids: int64(ids),
            attention_mask: int64(new Array(ids.length).fill(1)),
            position_ids: int64(positions),
            ...past(),
          }),
        );
      const shifted = await withPositions(range(7, 7 + ids.length));
      expect(maxDifference(full, shifted)).toBeLessThan(1e-4);
      const scrambled = await withPositions(range(0, ids.length).reverse());
      expect(maxDifference(full, scrambled)).toBeGreaterThan(0.01);
    },
    TIMEOUT,
  );
});
