import { defineConfig } from '@playwright/test';

// Separate ports and build folders let several checkouts (or engineers) run the suite side by side.
const PORT = Number(process.env.DOCENT_E2E_PORT ?? 4173);
const DIST = process.env.DOCENT_E2E_DIST ?? 'dist';

// Debian's Chromium (installed by .ci/run): no browser download is possible here. The flags keep a headless
// Chromium from calling Google's hosts, which would both fail and pollute the network record.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // The PDF corpus suite has its own config (playwright.corpus.config.ts, `npm run test:corpus`).
  testIgnore: 'corpus/**',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  // The production build, with the generated test models in its models/ folder, served as a static host would.
  webServer: {
    command: `npx vite build --outDir ${DIST} && node scripts/make-test-models.mjs ${DIST}/models && npx vite preview --outDir ${DIST} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
