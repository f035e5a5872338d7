// Writes Docent's generated test models into a models folder laid out as the Hugging Face hub serves them
// (<folder>/<owner>/<name>/config.json, .../onnx/model.onnx). Deterministic and offline.
//   node scripts/make-test-models.mjs [folder]     (default: public/models)
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { FLOAT, GraphBuilder, INT64 } from './lib/onnx-graph.mjs';
import { tinyChatModel } from './lib/tiny-chat-model.mjs';

/** An answer that tries to run script, for the test that proves model output is never rendered as HTML. */
const HOSTILE_ANSWER = ['<img src=x onerror="document.title=\'pwned\'">', '<script>document.title=\'pwned\'</script>', ' **Bold**', ' [', '1', '].'];
import { tinyEmbedder } from './lib/tiny-embedder.mjs';
import { tinyReranker } from './lib/tiny-reranker.mjs';

/** A model no execution provider can run (an operator none implements): the GPU weights of a model the GPU fails. */
function unsupportedOperatorModel() {
  const g = new GraphBuilder();
  const ids = g.input('input_ids', INT64, ['batch_size', 'sequence_length']);
  g.output('logits', FLOAT, ['batch_size', 'sequence_length', 'vocab']);
  g.op('NoSuchOperator', [ids], {}, ['logits']);
  return g.encode('unsupported-operator');
}

export const TEST_MODELS = {
  'docent-test/tiny-embedder': tinyEmbedder,
  'docent-test/tiny-embedder-b': () => tinyEmbedder({ seed: 7 }),
  'docent-test/tiny-chat': tinyChatModel,
  'docent-test/tiny-reranker': tinyReranker,
  'docent-test/tiny-chat-endless': () => tinyChatModel({ endless: true, busySteps: 320 }),
  'docent-test/tiny-chat-hostile': () => tinyChatModel({ answer: HOSTILE_ANSWER }),
  // Its q4 weights are the catalog's WebGPU weights: loading them fails, and the CPU's fp32 weights answer instead.
  'docent-test/tiny-chat-gpu-fails': () => ({ ...tinyChatModel(), 'onnx/model_q4.onnx': unsupportedOperatorModel() }),
};

export async function writeTestModels(folder) {
  for (const [id, build] of Object.entries(TEST_MODELS)) {
    for (const [file, content] of Object.entries(build())) {
      const path = join(folder, id, file);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = resolve(process.argv[2] ?? 'public/models');
  await writeTestModels(folder);
  console.log(`Test models written to ${folder}: ${Object.keys(TEST_MODELS).join(', ')}`);
}
