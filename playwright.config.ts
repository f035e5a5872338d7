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

// WebGPU on Debian's Chromium: a software adapter (SwiftShader; no shader-f16). Right for correctness, not speed.
const WEBGPU_ARGS = [
  ...CHROMIUM_ARGS.filter((arg) => arg !== '--disable-gpu'),
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
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
    trace: 'retain-on-failure',
  },
  projects: [
    // Without a GPU the browser offers no WebGPU adapter: every model runs on WASM.
    {
      name: 'wasm',
      // A project's testIgnore replaces the one above: the corpus suite stays out here too.
      testIgnore: ['corpus/**', 'webgpu.spec.ts'],
      use: { launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS } },
    },
    // The journey, answers and offline use again (the tests tagged @webgpu) with the models on WebGPU, and the GPU's
    // failure. SwiftShader emulates the GPU on the CPU, compiling every shader as a model first runs: a tiny model
    // takes seconds to load there, not milliseconds, so this project allows its device's speed, and runs the tests
    // that show the device at work rather than every test again.
    {
      name: 'webgpu',
      timeout: 180_000,
      expect: { timeout: 60_000 },
      testMatch: ['journey.spec.ts', 'answers.spec.ts', 'offline.spec.ts', 'webgpu.spec.ts'],
      grep: /@webgpu/,
      use: { launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: WEBGPU_ARGS } },
    },
  ],
  // The production build, with the generated test models in its models/ folder, served as a static host would.
  webServer: {
    command: `npx vite build --outDir ${DIST} && node scripts/make-test-models.mjs ${DIST}/models && npx vite preview --outDir ${DIST} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
