import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './playwright.config';

// OCR accuracy and speed (`npx playwright test -c playwright.ocr.config.ts`): generated scans of known text, and the
// corpus's image-only PDFs, through the production build. A measurement, not a test: it prints figures, and fails
// only when something does not run. Its own port and build folder, so it runs beside the other suites.
const PORT = Number(process.env.DOCENT_OCR_PORT ?? 4252);
const DIST = process.env.DOCENT_OCR_DIST ?? 'dist-ocr-accuracy';

export default defineConfig({
  testDir: 'scripts/ocr',
  testMatch: 'accuracy.spec.ts',
  outputDir: 'test-results/ocr-accuracy',
  timeout: 30 * 60_000,
  expect: { timeout: 300_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: {
    command: `npx vite build --outDir ${DIST} && node scripts/make-test-models.mjs ${DIST}/models && npx vite preview --outDir ${DIST} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
  },
});
