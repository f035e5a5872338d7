import { defineConfig } from 'vitest/config';

// Unit tests run in Node: the modules they cover (src/core, scripts/lib) use no DOM and no worker globals.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
