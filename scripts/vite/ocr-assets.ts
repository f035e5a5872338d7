import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

export const OCR_ASSETS_PATH = 'ocr';

const require = createRequire(import.meta.url);
const packageFolder = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * What the OCR engine loads at run time, by the name the site serves it under: tesseract.js's worker script, its
 * wasm core (the SIMD, LSTM-only build: Docent needs wasm SIMD already for ONNX Runtime, and reads with the LSTM
 * engine only, whose language data is a quarter of the size), and English ("best_int" data, for the LSTM engine).
 * Everything under `ocr/` is precached by the service worker, so scans are read offline after the first visit.
 */
const FILES: Record<string, () => string> = {
  'worker.min.js': () => join(packageFolder('tesseract.js'), 'dist/worker.min.js'),
  'tesseract-core-simd-lstm.wasm.js': () => join(packageFolder('tesseract.js-core'), 'tesseract-core-simd-lstm.wasm.js'),
  'lang/eng.traineddata.gz': () => join(packageFolder('@tesseract.js-data/eng'), '4.0.0_best_int/eng.traineddata.gz'),
};

/** Serves the OCR engine's files from the site itself, at `ocr/` (in dev, and as build assets): never from a CDN. */
export function ocrAssets(): Plugin {
  return {
    name: 'docent-ocr-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const name = request.url?.split('?')[0].match(new RegExp(`/${OCR_ASSETS_PATH}/(.+)$`))?.[1];
        const file = name && FILES[name];
        if (!file) return next();
        response.end(readFileSync(file()));
      });
    },
    generateBundle() {
      for (const [name, file] of Object.entries(FILES)) {
        this.emitFile({ type: 'asset', fileName: `${OCR_ASSETS_PATH}/${name}`, source: readFileSync(file()) });
      }
    },
  };
}
