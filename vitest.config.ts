import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests run in Node: the modules they cover use no DOM. Voy's wasm is loaded through a shim (test/shims).
export default defineConfig({
  resolve: { alias: { 'voy-search': fileURLToPath(new URL('test/shims/voy-search.ts', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Several suites run real ONNX Runtime sessions and build models; 5 s is too tight on a busy 2-core machine.
    testTimeout: 20_000,
  },
});
