import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests run in Node: the modules they cover use no DOM. Voy's wasm is loaded through a shim (test/shims).
export default defineConfig({
  resolve: { alias: { 'voy-search': fileURLToPath(new URL('test/shims/voy-search.ts', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
