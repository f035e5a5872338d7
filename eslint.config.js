import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const MODEL_RUNTIME = ['@huggingface/transformers', 'onnxruntime-web'];
const OCR_ENGINE = ['tesseract.js'];
const HEAVY_LIBRARIES = [...MODEL_RUNTIME, ...OCR_ENGINE, 'pdfjs-dist', 'voy-search', 'idb'];
const MODEL_RUNTIME_SEAM = ['src/workers/model-runtime.ts', 'src/workers/ort-failure-isolation.ts'];
const OCR_ENGINE_SEAM = ['src/workers/ocr/tesseract-reader.ts'];
const restrict = (paths, patterns, message) => [
  'error',
  { paths: paths.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] },
];

export default defineConfig(
  { ignores: ['dist/', 'dist-*/', 'public/models/', 'test-results/', 'playwright-report/', '.cache/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  { files: ['src/**/*.{ts,tsx}'], languageOptions: { globals: globals.browser } },
  { files: ['scripts/**', 'e2e/**', '*.config.{js,ts}'], languageOptions: { globals: globals.node } },
  // The direction of dependencies: core <- workers, core <- rpc <- ui. Lint holds it.
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': restrict(
        [...HEAVY_LIBRARIES, 'comlink', 'react'],
        ['**/workers/**', '**/ui/**', '**/rpc/**', 'pdfjs-dist/*', 'onnxruntime-web/*'],
        'src/core is pure logic: no workers, UI, storage or model runtime.',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'navigator', 'indexedDB', 'localStorage', 'postMessage', 'caches'],
    },
  },
  {
    files: ['src/ui/**', 'src/rpc/**'],
    rules: {
      'no-restricted-imports': restrict(
        HEAVY_LIBRARIES,
        ['pdfjs-dist/*', 'onnxruntime-web/*', '**/workers/*/**', '**/workers/*.ts'],
        'The UI talks to the workers through src/rpc; models, PDFs, the index and storage stay in the workers.',
      ),
    },
  },
  {
    files: ['src/workers/**'],
    ignores: [...MODEL_RUNTIME_SEAM, ...OCR_ENGINE_SEAM],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...MODEL_RUNTIME.map((name) => ({ name, message: 'The model runtime is used through src/workers/model-runtime.ts only.' })),
            ...OCR_ENGINE.map((name) => ({ name, message: 'The OCR engine is used through src/workers/ocr/tesseract-reader.ts only.' })),
          ],
          patterns: [{ group: ['onnxruntime-web/*'], message: 'The model runtime is used through src/workers/model-runtime.ts only.' }],
        },
      ],
    },
  },
  {
    files: MODEL_RUNTIME_SEAM,
    rules: { 'no-restricted-imports': restrict(OCR_ENGINE, ['tesseract.js/*'], 'The OCR engine is used through src/workers/ocr/tesseract-reader.ts only.') },
  },
  {
    files: OCR_ENGINE_SEAM,
    rules: { 'no-restricted-imports': restrict(MODEL_RUNTIME, ['onnxruntime-web/*'], 'The model runtime is used through src/workers/model-runtime.ts only.') },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  { files: ['**/*.mjs', '**/*.js'], rules: { '@typescript-eslint/consistent-type-imports': 'off' } },
);
