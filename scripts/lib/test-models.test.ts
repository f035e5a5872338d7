// The generated test models, run in Node with the same runtime the app uses (transformers.js over onnxruntime).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoModelForSequenceClassification, AutoTokenizer, env, pipeline } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestModels } from '../make-test-models.mjs';
import { TINY_CHAT_ANSWER, tinyChatModel } from './tiny-chat-model.mjs';
import { tinyEmbedder } from './tiny-embedder.mjs';

const TIMEOUT = 30_000;
let folder = '';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'docent-test-models-'));
  await writeTestModels(folder);
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${folder}/`;
}, TIMEOUT);

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('generated test models', () => {
  it('are byte-identical from one build to the next', () => {
    expect(Buffer.from(tinyEmbedder()['onnx/model.onnx'])).toEqual(Buffer.from(tinyEmbedder()['onnx/model.onnx']));
    const chat = () => Buffer.from(tinyChatModel()['onnx/model.onnx']);
    expect(chat().equals(chat())).toBe(true);
  });

  it('are written where transformers.js looks for them', () => {
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']) {
      expect(existsSync(join(folder, 'docent-test/tiny-embedder', file))).toBe(true);
    }
    for (const file of ['config.json', 'generation_config.json', 'tokenizer.json', 'onnx/model.onnx']) {
      expect(existsSync(join(folder, 'docent-test/tiny-chat', file))).toBe(true);
    }
  });
});

describe('tiny embedder', () => {
  it(
    'gives 64-dimensional unit vectors that rank a text sharing words with the query first',
    async () => {
      const embed = await pipeline('feature-extraction', 'docent-test/tiny-embedder', { dtype: 'fp32' });
      const texts = [
        'zeppelin flights over friedrichshafen',
        'The zeppelin took off from Friedrichshafen before dawn.',
        'Bananas are a yellow fruit rich in potassium.',
      ];
      const vectors = [];
      for (const text of texts) {
        const output = await embed(text, { pooling: 'mean', normalize: true });
        expect(output.dims).toEqual([1, 64]);
        const vector = output.data as Float32Array;
        const length = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
        expect(length).toBeCloseTo(1, 5);
        vectors.push(vector);
      }
      const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i], 0);
      const related = cosine(vectors[0], vectors[1]);
      const unrelated = cosine(vectors[0], vectors[2]);
      expect(related).toBeGreaterThan(unrelated + 0.2);
    },
    TIMEOUT,
  );
});

describe('tiny chat model', () => {
  it(
    'answers a chat prompt with its fixed, cited answer under greedy decoding',
    async () => {
      const generator = await pipeline('text-generation', 'docent-test/tiny-chat', { dtype: 'fp32' });
      const messages = [
        { role: 'system', content: 'Answer from the passages.' },
        { role: 'user', content: 'Passages:\n\n[1] (a.pdf, p. 1)\nThe sky is blue.\n\nQuestion: What colour is the sky?' },
      ];
      const prompt = generator.tokenizer.apply_chat_template(messages, { tokenize: false, add_generation_prompt: true });
      expect(typeof prompt).toBe('string');
      expect(prompt).toMatch(/<\|im_start\|>assistant\n$/);
      const output = await generator(prompt as string, { max_new_tokens: 40, do_sample: false, return_full_text: false });
      expect(output).toEqual([{ generated_text: TINY_CHAT_ANSWER.join('') }]);
      expect(TINY_CHAT_ANSWER.join('')).toBe('Based on your documents, this is covered in [1].');
    },
    TIMEOUT,
  );

  it(
    'has an honest KV cache: a cached step gives the logits of a full run',
    async () => {
      expect(existsSync('node_modules/onnxruntime-node')).toBe(true);
      const modelFolder = join(folder, 'docent-test/tiny-chat');
      const config = JSON.parse(await readFile(join(modelFolder, 'config.json'), 'utf8'));
      const layers: number = config.num_hidden_layers;
      const heads: number = config.num_key_value_heads;
      const headDim: number = config.hidden_size / config.num_attention_heads;
      const vocabSize: number = config.vocab_size;
      const session = await ort.InferenceSession.create(join(modelFolder, 'onnx/model.onnx'));

      const int64 = (values: number[]) => new ort.Tensor('int64', BigInt64Array.from(values.map(BigInt)), [1, values.length]);
      const emptyPast = () => {
        const feeds: Record<string, ort.Tensor> = {};
        for (let layer = 0; layer < layers; layer++) {
          for (const kind of ['key', 'value']) {
            feeds[`past_key_values.${layer}.${kind}`] = new ort.Tensor('float32', new Float32Array(0), [1, heads, 0, headDim]);
          }
        }
        return feeds;
      };
      const pastFrom = (outputs: ort.InferenceSession.OnnxValueMapType) => {
        const feeds: Record<string, ort.Tensor> = {};
        for (let layer = 0; layer < layers; layer++) {
          for (const kind of ['key', 'value']) feeds[`past_key_values.${layer}.${kind}`] = outputs[`present.${layer}.${kind}`] as ort.Tensor;
        }
        return feeds;
      };
      const run = async (ids: number[], past: Record<string, ort.Tensor>, pastLength: number) => {
        const outputs = await session.run({
          input_ids: int64(ids),
          attention_mask: int64(new Array(pastLength + ids.length).fill(1)),
          ...past,
        });
        return outputs;
      };
      const lastLogits = (outputs: ort.InferenceSession.OnnxValueMapType) => {
        const logits = outputs.logits as ort.Tensor;
        const [, length, vocab] = logits.dims;
        expect(vocab).toBe(vocabSize);
        return (logits.data as Float32Array).slice((length - 1) * vocab, length * vocab);
      };
      const maxDifference = (a: Float32Array, b: Float32Array) => a.reduce((max, x, i) => Math.max(max, Math.abs(x - b[i])), 0);

      const ids = [5, 300, 17, 88, 1021, 42, 7, 260, 999, 13, 400, 77].map((id) => id % vocabSize);
      const full = lastLogits(await run(ids, emptyPast(), 0));

      const prefix = await run(ids.slice(0, -1), emptyPast(), 0);
      expect((prefix[`present.0.key`] as ort.Tensor).dims).toEqual([1, heads, ids.length - 1, headDim]);
      const cached = lastLogits(await run(ids.slice(-1), pastFrom(prefix), ids.length - 1));
      expect(maxDifference(full, cached)).toBeLessThan(1e-4);

      const uncached = lastLogits(await run(ids.slice(-1), emptyPast(), 0));
      expect(maxDifference(full, uncached)).toBeGreaterThan(0.01);
    },
    TIMEOUT,
  );
});

describe('tiny reranker', () => {
  it(
    'scores a question-passage pair by how much of the passage the question holds, one logit per pair',
    async () => {
      const tokenizer = await AutoTokenizer.from_pretrained('docent-test/tiny-reranker');
      const model = await AutoModelForSequenceClassification.from_pretrained('docent-test/tiny-reranker', { dtype: 'fp32' });
      const question = 'zeppelin flights over friedrichshafen';
      const passages = ['Bananas are a yellow fruit rich in potassium.', 'Zeppelin flights left Friedrichshafen.', 'The zeppelin took off before dawn.'];
      const inputs = tokenizer(passages.map(() => question), { text_pair: passages, padding: true });
      const { logits } = await model(inputs);
      expect(logits.dims).toEqual([3, 1]);
      const [banana, flights, dawn] = logits.data as Float32Array;
      expect(banana).toBeLessThan(-2);
      expect(flights).toBeGreaterThan(dawn);
      expect(dawn).toBeGreaterThan(banana);
    },
    TIMEOUT,
  );
});
