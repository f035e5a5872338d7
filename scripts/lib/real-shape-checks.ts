// Checks shared by the real-shape model tests (not a test file itself).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipeline, TextStreamer, type TextGenerationPipeline } from '@huggingface/transformers';
import type * as ort from 'onnxruntime-node';
import { expect } from 'vitest';
import * as ortNode from 'onnxruntime-node';

/** ../shared/models/skeletons next to the repository (DOCENT_SKELETONS overrides): real config/tokenizer files. */
export const SKELETONS = resolve(
  process.env.DOCENT_SKELETONS ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/models/skeletons'),
);
export const hasSkeletons = existsSync(SKELETONS);
if (!hasSkeletons) console.log(`Skipping real-shape model tests: no skeletons folder at ${SKELETONS}`);

export interface CacheShape {
  layers: number;
  kvHeads: number;
  headDim: number;
  vocab: number;
}

/**
 * A decoder's key/value cache is honest: one cached step gives the logits of the full sequence run at once, a step
 * without the cache does not, and rotary positions are relative (shifting every position changes nothing, positions
 * out of order do).
 */
export async function expectHonestCache(session: ort.InferenceSession, shape: CacheShape): Promise<void> {
  const int64 = (values: number[]) => new ortNode.Tensor('int64', BigInt64Array.from(values.map(BigInt)), [1, values.length]);
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  const past = (outputs?: ort.InferenceSession.OnnxValueMapType) => {
    const feeds: Record<string, ort.Tensor> = {};
    for (let layer = 0; layer < shape.layers; layer++) {
      for (const kind of ['key', 'value']) {
        feeds[`past_key_values.${layer}.${kind}`] = outputs
          ? (outputs[`present.${layer}.${kind}`] as ort.Tensor)
          : new ortNode.Tensor('float32', new Float32Array(0), [1, shape.kvHeads, 0, shape.headDim]);
      }
    }
    return feeds;
  };
  const run = (ids: number[], positions: number[], feeds: Record<string, ort.Tensor>) =>
    session.run({ input_ids: int64(ids), attention_mask: int64(new Array(positions.at(-1)! + 1).fill(1)), position_ids: int64(positions), ...feeds });
  const lastLogits = (outputs: ort.InferenceSession.OnnxValueMapType) => {
    const logits = outputs.logits as ort.Tensor;
    const [, length, vocab] = logits.dims;
    expect(vocab).toBe(shape.vocab);
    return (logits.data as Float32Array).slice((length - 1) * vocab, length * vocab);
  };
  const maxDifference = (a: Float32Array, b: Float32Array) => a.reduce((max, x, i) => Math.max(max, Math.abs(x - b[i])), 0);

  const ids = [1, 4093, 198, 1780, 3153, 314, 260, 6749, 47, 2, 198, 1, 520, 9531, 198];
  const n = ids.length;
  const full = lastLogits(await run(ids, range(0, n), past()));
  const prefix = await run(ids.slice(0, -1), range(0, n - 1), past());
  expect((prefix['present.0.key'] as ort.Tensor).dims).toEqual([1, shape.kvHeads, n - 1, shape.headDim]);
  const cached = lastLogits(await run(ids.slice(-1), [n - 1], past(prefix)));
  // Equal: within float rounding of the logits' size. Different: ten times that at least (Granite's soft attention,
  // scores times 1/64 where llama's are times 1/8, moves its logits less than SmolLM's).
  const equal = 1e-4 * Math.max(1, full.reduce((max, x) => Math.max(max, Math.abs(x)), 0));
  expect(maxDifference(full, cached)).toBeLessThan(equal);
  const uncached = lastLogits(await run(ids.slice(-1), [0], past()));
  expect(maxDifference(full, uncached)).toBeGreaterThan(10 * equal);

  const withPositions = async (positions: number[]) =>
    lastLogits(await session.run({ input_ids: int64(ids), attention_mask: int64(new Array(n).fill(1)), position_ids: int64(positions), ...past() }));
  expect(maxDifference(full, await withPositions(range(7, 7 + n)))).toBeLessThan(equal);
  expect(maxDifference(full, await withPositions(range(0, n).reverse()))).toBeGreaterThan(10 * equal);
}

/**
 * Loads `id` with transformers.js's text-generation pipeline, renders a one-question chat with the model's template
 * and generates `count` tokens greedily. Returns the rendered prompt and the number of tokens streamed.
 */
export async function generateTokens(id: string, options: Record<string, unknown>, count: number): Promise<{ prompt: string; generated: number }> {
  const generator = (await pipeline('text-generation', id, options)) as TextGenerationPipeline;
  try {
    const messages = [{ role: 'user', content: 'What colour is the sky?' }];
    const prompt = generator.tokenizer.apply_chat_template(messages, { tokenize: false, add_generation_prompt: true }) as string;
    let generated = 0;
    const output = await generator(prompt, {
      max_new_tokens: count,
      do_sample: false,
      return_full_text: false,
      streamer: new TextStreamer(generator.tokenizer, { skip_prompt: true, callback_function: () => {}, token_callback_function: () => generated++ }),
    });
    expect(typeof (output as { generated_text: string }[])[0].generated_text).toBe('string');
    return { prompt, generated };
  } finally {
    await generator.dispose();
  }
}
