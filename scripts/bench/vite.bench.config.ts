// Builds the bench page (scripts/bench/page) as a production build of its own, outside the app's dist/: the bench
// never ships. It bundles the app's own modules (src/) with the settings the app's vite.config.ts gives them.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { ocrAssets } from '../vite/ocr-assets';
import { pdfjsAssets } from '../vite/pdfjs-assets';

const outDir = process.env.DOCENT_BENCH_DIST ?? fileURLToPath(new URL('../../node_modules/.cache/docent-bench/dist', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  plugins: [pdfjsAssets(), ocrAssets()],
  appType: 'mpa',
  worker: { format: 'es' },
  logLevel: 'warn',
  build: { target: 'es2022', outDir, emptyOutDir: true, chunkSizeWarningLimit: 8192, reportCompressedSize: false, minify: process.env.DOCENT_BENCH_MINIFY !== 'false' },
});
