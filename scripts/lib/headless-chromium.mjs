// Headless Chromium as the project's Node-driven pages use it (npm run bench, npm run eval): Debian's Chromium, with
// the flags of playwright.config.ts's CHROMIUM_ARGS (a .ts file Node 20 cannot import): no calls to Google's hosts.
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches headless Chromium: /usr/bin/chromium, or CHROMIUM_PATH. */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
