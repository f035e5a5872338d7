// Writes Docent's generated test models into a models folder laid out as the Hugging Face hub serves them
// (<folder>/<owner>/<name>/config.json, .../onnx/model.onnx). Deterministic and offline.
//   node scripts/make-test-models.mjs [folder]     (default: public/models)
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { tinyChatModel } from './lib/tiny-chat-model.mjs';
import { tinyEmbedder } from './lib/tiny-embedder.mjs';

export const TEST_MODELS = {
  'docent-test/tiny-embedder': tinyEmbedder,
  'docent-test/tiny-chat': tinyChatModel,
  'docent-test/tiny-chat-endless': () => tinyChatModel({ endless: true }),
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
