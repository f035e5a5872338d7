import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';

export const MODEL_HOST = 'https://huggingface.co';
/** Copies of the generated test models under an owner the site's own models/ folder does not have. */
export const HUB_MODELS = { embedder: 'docent-hub/tiny-embedder', generator: 'docent-hub/tiny-chat', reranker: 'docent-hub/tiny-reranker' } as const;
export const HUB_QUERY = `?embedder=${HUB_MODELS.embedder}&generator=${HUB_MODELS.generator}&reranker=${HUB_MODELS.reranker}`;

const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Content-Length' };

/**
 * Writes the generated test models as the hub lays them out, under HUB_MODELS' ids. Those ids are not in Docent's
 * catalog, so the app asks for the hub's default int8 file names: the fp32 test weights are written under them too.
 */
export function writeHubModels(): string {
  const folder = mkdtempSync(join(tmpdir(), 'docent-hub-'));
  execFileSync(process.execPath, ['scripts/make-test-models.mjs', folder]);
  renameSync(join(folder, 'docent-test'), join(folder, 'docent-hub'));
  for (const model of ['tiny-embedder', 'tiny-chat', 'tiny-reranker']) {
    copyFileSync(join(folder, `docent-hub/${model}/onnx/model.onnx`), join(folder, `docent-hub/${model}/onnx/model_quantized.onnx`));
  }
  return folder;
}

export interface ModelHost {
  /** Files served (hub URLs), in order. */
  served: string[];
  /** The host goes away: every later request fails as with no network. */
  stop(): Promise<void>;
  /** Removes the generated files. */
  dispose(): void;
}

/**
 * A stand-in for the Hugging Face hub: every request to https://huggingface.co from the page, its workers or its
 * service worker is answered by Playwright from the generated models, in the hub's URL layout
 * (`/{owner}/{name}/resolve/main/{file}`), with its CORS headers (Docent runs cross-origin isolated: COEP
 * require-corp). Playwright's context routing does see dedicated workers' requests in this Chromium.
 */
export async function serveModelHost(context: BrowserContext): Promise<ModelHost> {
  const folder = writeHubModels();
  const served: string[] = [];
  let online = true;
  const handler = async (route: Route) => {
    if (!online) return route.abort('internetdisconnected');
    const url = new URL(route.request().url());
    const match = url.pathname.match(/^\/(.+?)\/resolve\/main\/(.+)$/);
    const file = match && join(folder, match[1], match[2]);
    if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      return route.fulfill({ status: 404, headers: CORS, contentType: 'text/plain', body: 'Entry not found' });
    }
    served.push(url.href);
    const body = readFileSync(file);
    await route.fulfill({
      status: 200,
      headers: { ...CORS, 'Content-Length': String(body.length) },
      contentType: file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      body,
    });
  };
  await context.route(`${MODEL_HOST}/**`, handler);
  return {
    served,
    stop: async () => {
      online = false;
    },
    dispose: () => rmSync(folder, { recursive: true, force: true }),
  };
}
