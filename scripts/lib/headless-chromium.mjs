// Headless Chromium as the project's Node-driven pages use it (npm run bench, npm run eval): Debian's Chromium, with
// the flags of playwright.config.ts's CHROMIUM_ARGS (a .ts file Node 20 cannot import): no calls to Google's hosts.
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// WebGPU on whatever adapter the browser finds, none forced: a machine's GPU through Vulkan where it has one,
// SwiftShader's software adapter where it does not (Debian's Chromium on these machines).
const WEBGPU_ARGS = [...CHROMIUM_ARGS.filter((arg) => arg !== '--disable-gpu'), '--enable-unsafe-webgpu', '--enable-features=Vulkan'];

/** Launches headless Chromium: /usr/bin/chromium, or CHROMIUM_PATH; `webgpu`: with WebGPU on. */
export function launchChromium({ webgpu = false } = {}) {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: webgpu ? WEBGPU_ARGS : CHROMIUM_ARGS });
}
