import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { ocrAssets } from './scripts/vite/ocr-assets';
import { pdfjsAssets } from './scripts/vite/pdfjs-assets';
import { serviceWorker } from './scripts/vite/service-worker';

// Cross-origin isolation gives ONNX Runtime SharedArrayBuffer, hence threads.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Relative paths: the built site works from any folder of any static host.
  base: './',
  // serviceWorker: the built site works offline after a first visit, and is isolated on hosts that set no headers.
  plugins: [react(), pdfjsAssets(), ocrAssets(), serviceWorker()],
  // 'mpa' answers a missing models/ file with a real 404 (the SPA fallback would serve index.html as a model).
  appType: 'mpa',
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es' },
  optimizeDeps: { include: ['@huggingface/transformers'], exclude: ['voy-search'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2048 },
});
