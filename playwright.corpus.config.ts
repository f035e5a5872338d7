import { defineConfig } from '@playwright/test';
import { CORPUS_ROOT, corpusPresent } from './e2e/corpus/corpus';
import { CHROMIUM_ARGS } from './playwright.config';

// The PDF corpus suite (`npm run test:corpus`): every PDF of ../shared/corpus/pdfs through the production build.
// Its own port and build folder, so it runs beside the main suite (and other checkouts) without sharing a server.
const PORT = Number(process.env.DOCENT_CORPUS_PORT ?? 4330);
const DIST = process.env.DOCENT_CORPUS_DIST ?? 'dist-corpus';
const present = corpusPresent();

if (!present) console.log(`Skipping the PDF corpus suite: ${CORPUS_ROOT} is absent (it is ../shared, see its README.md).`);

export default defineConfig({
  testDir: 'e2e/corpus',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/corpus',
  timeout: 10 * 60_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  globalSetup: './e2e/corpus/report-setup.ts',
  globalTeardown: './e2e/corpus/report-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'off',
  },
  // No corpus, no build: the suite only says why it skips.
  webServer: present
    ? {
        command: `npx vite build --outDir ${DIST} && node scripts/make-test-models.mjs ${DIST}/models && npx vite preview --outDir ${DIST} --host 127.0.0.1 --port ${PORT} --strictPort`,
        url: `http://127.0.0.1:${PORT}/`,
        reuseExistingServer: !process.env.CI,
        timeout: 300_000,
      }
    : undefined,
});
