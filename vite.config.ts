import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Cross-origin isolation gives ONNX Runtime SharedArrayBuffer, hence threads.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Relative paths: the built site works from any folder of any static host.
  base: './',
  plugins: [react()],
  // 'mpa' answers a missing models/ file with a real 404 (the SPA fallback would serve index.html as a model).
  appType: 'mpa',
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es' },
  optimizeDeps: { include: ['@xenova/transformers'], exclude: ['voy-search'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2048 },
});
