import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { OCR_LANGUAGES, ON_DEMAND_OCR_LANGUAGES, ocrLanguagePath } from '../../src/core/ocr-languages';

export const OCR_ASSETS_PATH = 'ocr';

const require = createRequire(import.meta.url);
const packageFolder = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * What the OCR engine loads at run time, by the name the site serves it under: tesseract.js's worker script, its
 * wasm core (the SIMD, LSTM-only build: Docent needs wasm SIMD already for ONNX Runtime, and reads with the LSTM
 * engine only, whose language data is a quarter of the size), and each language's "best_int" data (for the LSTM
 * engine). The service worker precaches all but the on-demand languages, so scans are read offline after the first
 * visit.
 */
const languageFile = (code: string) => () => join(packageFolder(`@tesseract.js-data/${code}`), `4.0.0_best_int/${code}.traineddata.gz`);

export const OCR_FILES: Record<string, () => string> = {
  'worker.min.js': () => join(packageFolder('tesseract.js'), 'dist/worker.min.js'),
  'tesseract-core-simd-lstm.wasm.js': () => join(packageFolder('tesseract.js-core'), 'tesseract-core-simd-lstm.wasm.js'),
  ...Object.fromEntries(OCR_LANGUAGES.map(({ code }) => [ocrLanguagePath(code), languageFile(code)])),
};

/**
 * Not precached: the languages a person fetches on demand (Settings), kept in their own cache when fetched. The
 * service worker's manifest leaves them out (scripts/vite/service-worker.ts).
 */
export const onDemandOcrFile = (path: string) =>
  ON_DEMAND_OCR_LANGUAGES.some(({ code }) => path === `${OCR_ASSETS_PATH}/${ocrLanguagePath(code)}`);

/** Serves the OCR engine's files from the site itself, at `ocr/` (in dev, and as build assets): never from a CDN. */
export function ocrAssets(): Plugin {
  return {
    name: 'docent-ocr-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const name = request.url?.split('?')[0].match(new RegExp(`/${OCR_ASSETS_PATH}/(.+)$`))?.[1];
        const file = name && OCR_FILES[name];
        if (!file) return next();
        response.end(readFileSync(file()));
      });
    },
    generateBundle() {
      for (const [name, file] of Object.entries(OCR_FILES)) {
        this.emitFile({ type: 'asset', fileName: `${OCR_ASSETS_PATH}/${name}`, source: readFileSync(file()) });
      }
    },
  };
}
