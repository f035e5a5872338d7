import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { writePrecacheManifest } from '../scripts/vite/service-worker';
import { DocentPage } from './support/docent-page';
import { makePdf } from './support/make-pdf';
import { HUB_MODELS, HUB_QUERY, MODEL_HOST, serveModelHost, writeHubModels } from './support/model-host';
import { recordNetwork } from './support/network-record';
import { serveStatic } from './support/static-server';
import { recordTextHistory } from './support/text-history';

// The production build the suite's web server made (playwright.config.ts), served here by a host each test can stop.
const DIST = process.env.DOCENT_E2E_DIST ?? 'dist';
const run = promisify(execFile);

const ALMANAC = [
  'Westmere Harbor Almanac. The harbor opened in 1871 and still serves the fishing fleet.',
  'The lighthouse keeper of Westmere is Ada Lindqvist. Her cat, named Marmalade, sleeps on the lantern gallery every afternoon.',
];
const FERRY = [
  'Ferry timetable. The island ferry leaves Westmere at seven in the morning.',
  'The ferry captain is Tomas Berg, and his parrot, named Pepper, rides on the bridge.',
];

/** Waits until this version of the app is cached and the service worker controls the page (it works offline). */
async function untilOfflineReady(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('first visit downloads the models from the model host with progress; offline, with the host and the site gone, a reload keeps the library and chats, reads a new PDF and answers with citations', { tag: '@webgpu' }, async ({
  page,
  context,
}) => {
  const site = await serveStatic(DIST, { isolation: true });
  const hub = await serveModelHost(context);
  const network = recordNetwork(context);
  const history = await recordTextHistory(page, { models: '[aria-label="Models"]' });
  const docent = new DocentPage(page);
  try {
    await page.goto(`${site.url}${HUB_QUERY}`);
    await untilOfflineReady(page);

    await docent.addFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) }]);
    await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 2 pages/);
    await docent.ask("What is the name of the lighthouse keeper's cat?");
    await expect(docent.citation('almanac.pdf, p. 2')).toBeVisible();
    // Both models came from the model host, their download showing the bytes done. (The stand-in answers each file in
    // one piece, and a busy page may render only some of its states: the self-hosting test holds a file half sent to
    // check the bytes of the total and the file's name.)
    expect(hub.served.some((url) => url.endsWith(`${HUB_MODELS.embedder}/resolve/main/onnx/model_quantized.onnx`))).toBe(true);
    expect(hub.served.some((url) => url.endsWith(`${HUB_MODELS.generator}/resolve/main/onnx/model_quantized.onnx`))).toBe(true);
    const progress = await history('models');
    expect(progress.some((text) => /Search model .*downloading [\d.]+ [KM]?B/.test(text))).toBe(true);
    expect(progress.some((text) => /Chat model .*downloading [\d.]+ [KM]?B/.test(text))).toBe(true);

    // Until now, the only other host asked was the model host.
    const origin = new URL(site.url).origin;
    const downloadPhase = network.foreign(origin);
    expect(downloadPhase.length).toBeGreaterThan(0);
    expect(downloadPhase.filter((url) => new URL(url).origin !== MODEL_HOST)).toEqual([]);

    // Offline: no network, the site's server is gone, the model host too.
    const seenBefore = network.urls.length;
    await context.setOffline(true);
    await site.stop();
    await hub.stop();
    const served = site.requests.length;

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Docent', level: 1 })).toBeVisible();
    await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 2 pages/);
    await expect(page.getByRole('list', { name: 'Saved chats' }).getByRole('button', { name: "What is the name of the lighthouse keeper's cat?", exact: true })).toBeVisible();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

    await docent.addFiles([{ name: 'ferry.pdf', mimeType: 'application/pdf', buffer: await makePdf(FERRY) }]);
    await expect(docent.document('ferry.pdf')).toHaveAccessibleName(/Ready: 2 pages/);
    await page.getByRole('button', { name: 'New chat' }).click();
    await docent.ask("What is the name of the ferry captain's parrot?");
    await expect(docent.citation('ferry.pdf, p. 2')).toBeVisible();

    // Nothing reached the site or the model host while offline.
    expect(site.requests.length).toBe(served);
    expect(network.urls.slice(seenBefore).filter((url) => new URL(url).origin === MODEL_HOST)).toEqual([]);
  } finally {
    await site.stop();
    hub.dispose();
  }
});

test('a damaged model in the cache (a web page saved as the weights, a file cut short) is removed and downloaded again', async ({ page, context }) => {
  const site = await serveStatic(DIST, { isolation: true });
  const hub = await serveModelHost(context);
  const docent = new DocentPage(page);
  const embedderWeights = `${MODEL_HOST}/${HUB_MODELS.embedder}/resolve/main/onnx/model_quantized.onnx`;
  const chatWeights = `${MODEL_HOST}/${HUB_MODELS.generator}/resolve/main/onnx/model_quantized.onnx`;
  try {
    await page.goto(`${site.url}${HUB_QUERY}`);
    // What transformers.js #1187 describes: a host's index page kept as a model file; and weights cut short, with
    // nothing in the entry to say so (no length).
    await page.evaluate(
      async ([embedder, chat]) => {
        const cache = await caches.open('transformers-cache');
        const page = '<!doctype html><html><head><title>Docent</title></head><body><div id="root"></div></body></html>';
        await cache.put(embedder, new Response(page, { headers: { 'Content-Type': 'text/html' } }));
        const weights = new Uint8Array(await (await fetch(chat)).arrayBuffer());
        await cache.put(chat, new Response(weights.slice(0, 20_000), { headers: { 'Content-Type': 'application/octet-stream' } }));
      },
      [embedderWeights, chatWeights],
    );
    const servedBefore = hub.served.length;

    await docent.addFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) }]);
    await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 2 pages/);
    await docent.ask("What is the name of the lighthouse keeper's cat?");
    await expect(docent.answer).toContainText('Based on your documents');
    await expect(docent.citation('almanac.pdf, p. 2')).toBeVisible();

    // Both were fetched again, and the cache now holds real models.
    const refetched = hub.served.slice(servedBefore);
    expect(refetched).toContain(embedderWeights);
    expect(refetched).toContain(chatWeights);
    const kept = await page.evaluate(async (urls) => {
      const cache = await caches.open('transformers-cache');
      return Promise.all(urls.map(async (url) => Array.from(new Uint8Array(await (await cache.match(url))!.arrayBuffer()).subarray(0, 1))));
    }, [embedderWeights, chatWeights]);
    expect(kept).toEqual([[0x08], [0x08]]); // ModelProto's first field, ir_version
  } finally {
    await site.stop();
    hub.dispose();
  }
});

test('on a host that sends no isolation headers, the first visit reloads once under the service worker and runs isolated, threads included', async ({
  page,
}) => {
  const site = await serveStatic(DIST, { isolation: false });
  const docent = new DocentPage(page);
  let loads = 0;
  page.on('load', () => loads++);
  try {
    await page.goto(`${site.url}?embedder=docent-test/tiny-embedder&generator=docent-test/tiny-chat`);
    await expect(page.getByRole('heading', { name: 'Docent', level: 1 })).toBeVisible();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(loads).toBe(2);
    const engine = page.workers().find((worker) => worker.url().includes('engine.worker'));
    expect(await engine?.evaluate(() => crossOriginIsolated && typeof SharedArrayBuffer === 'function')).toBe(true);

    await docent.addFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) }]);
    await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 2 pages/);
    await page.reload();
    await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 2 pages/);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(loads).toBe(3);
  } finally {
    await site.stop();
  }
});

/** A copy of the built site, served by a host the test can change (deploy) and stop. */
async function deployable() {
  const folder = mkdtempSync(join(tmpdir(), 'docent-site-'));
  cpSync(DIST, folder, { recursive: true });
  const site = await serveStatic(folder, { isolation: true });
  return {
    site,
    /** Deploys the next version: a changed page, and the service worker that lists it. Resolves to its version. */
    async deploy(label: string) {
      const index = join(folder, 'index.html');
      writeFileSync(index, readFileSync(index, 'utf8').replace('<title>', `<meta name="test-deploy" content="${label}" />\n    <title>`));
      return (await writePrecacheManifest(folder)).version;
    },
    async dispose() {
      await site.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The version the page's files belong to (written into index.html by the build). */
const versionOf = (page: Page) => () =>
  page.evaluate(() => document.querySelector('meta[name="docent-version"]')?.getAttribute('content')).catch(() => 'reloading');

const APP_QUERY = '?embedder=docent-test/tiny-embedder&generator=none';

/** Runs `body` with the page on version 1 of a deployable site, ready offline; counts the page's loads. */
async function onFirstVersion(
  page: Page,
  body: (site: { host: Awaited<ReturnType<typeof deployable>>; version: () => Promise<string | null | undefined>; first: string | null | undefined; loads: () => number }) => Promise<void>,
) {
  const host = await deployable();
  const version = versionOf(page);
  let loads = 0;
  page.on('load', () => loads++);
  try {
    await page.goto(`${host.site.url}${APP_QUERY}`);
    await untilOfflineReady(page);
    await body({ host, version, first: await version(), loads: () => loads });
  } finally {
    await host.dispose();
  }
}

test('a new version installs in the background and takes over when accepted, never mixed with the old one', async ({ page }) => {
  await onFirstVersion(page, async ({ host, version, first, loads }) => {
    const firstCache = await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('docent-app-')));
    expect(firstCache).toHaveLength(1);

    const second = await host.deploy('2');
    const requestsBefore = host.site.requests.length;
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'Update available' })).toBeVisible();
    // The open page still runs version 1, and so does a reload: version 2 waits until it is accepted.
    expect(await version()).toBe(first);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Docent', level: 1 })).toBeVisible();
    expect(await version()).toBe(first);
    // Version 2 fetched only what changed; the rest (ONNX Runtime's 20 MB included) came from version 1's cache.
    const fetched = host.site.requests.slice(requestsBefore).filter((path) => path !== '/sw.js');
    expect(fetched.filter((path) => path !== '/' && path !== '/index.html')).toEqual([]);

    const loadsBefore = loads();
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(version).toBe(second);
    await expect(page.getByRole('heading', { name: 'Docent', level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /Update available|Switching/ })).toHaveCount(0);
    expect(loads() - loadsBefore).toBe(1);
    const appCaches = await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('docent-app-')));
    expect(appCaches).toHaveLength(1);
    expect(appCaches).not.toEqual(firstCache);
  });
});

test('an accepted update takes over once the old version has answered its requests in flight; the page reloads once, and every open tab follows', async ({
  page,
  context,
}) => {
  await onFirstVersion(page, async ({ host, version, first, loads }) => {
    const other = await context.newPage();
    await other.goto(`${host.site.url}${APP_QUERY}`);
    await expect(other.getByRole('heading', { name: 'Docent', level: 1 })).toBeVisible();

    const second = await host.deploy('2');
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'Update available' })).toBeVisible();

    // A request the old version is still answering (the site's models folder goes through it to the network).
    const held = host.site.hold('/models/held.json');
    await page.evaluate(() => void fetch('models/held.json').catch(() => {}));
    await held.requested;
    const loadsBefore = loads();
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Switching to the new version…' })).toBeVisible();
    // The browser holds the new version back while the old one answers: the page waits rather than reload onto it.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe('installed');
    // A tab opened meanwhile gets the old version whole. (Closed before the switch: a tab still loading makes the old
    // version busy again, and the browser then waits for it to go idle.)
    const opened = await context.newPage();
    await opened.goto(`${host.site.url}${APP_QUERY}`);
    await expect(opened.getByRole('heading', { name: 'Docent', level: 1 })).toBeVisible();
    expect(await versionOf(opened)()).toBe(first);
    await opened.close();
    expect(await version()).toBe(first);

    held.release();
    await expect.poll(version).toBe(second);
    await expect(page.getByRole('heading', { name: 'Docent', level: 1 })).toBeVisible();
    expect(loads() - loadsBefore).toBe(1);
    await expect.poll(versionOf(other)).toBe(second);
  });
});

test('Settings: an accessible dialog that makes both models available offline with progress, deletes one, shows storage, and reports a full quota keeping nothing half', async ({
  page,
  context,
}) => {
  const site = await serveStatic(DIST, { isolation: true });
  const hub = await serveModelHost(context);
  try {
    await page.goto(`${site.url}${HUB_QUERY}`);
    await untilOfflineReady(page);
    const openButton = page.getByRole('button', { name: 'Settings' });
    await openButton.click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog).toBeVisible();
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    const models = dialog.getByRole('list', { name: 'Models kept in this browser' });
    const searchModel = models.getByRole('listitem', { name: `Search model: ${HUB_MODELS.embedder}` });
    const chatModel = models.getByRole('listitem', { name: `Chat model: ${HUB_MODELS.generator}` });
    await expect(searchModel).toContainText('not downloaded');
    await expect(chatModel).toContainText('not downloaded');
    await expect(dialog).toContainText(/Docent uses [\d.]+ [KMG]?B of the [\d.]+ [KMG]?B this browser allows this site/);

    await dialog.getByRole('button', { name: 'Make available offline' }).click();
    const progress = dialog.getByRole('list', { name: 'Download progress' });
    await expect(progress.getByRole('listitem').filter({ hasText: `${HUB_MODELS.embedder}/onnx/model_quantized.onnx` })).toContainText(/done/);
    await expect(progress.getByRole('listitem').filter({ hasText: `${HUB_MODELS.generator}/onnx/model_quantized.onnx` })).toContainText(/done/);
    // The reranker too: it reorders passages only once it is in this browser.
    await expect(progress.getByRole('listitem').filter({ hasText: `${HUB_MODELS.reranker}/onnx/model_quantized.onnx` })).toContainText(/done/);
    await expect(searchModel).toContainText(/available offline, 1\.\d MB on disk/);
    await expect(chatModel).toContainText(/available offline, \d+ KB on disk/);
    await expect(dialog.getByRole('button', { name: 'Available offline' })).toBeDisabled();

    // Esc closes the dialog and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(openButton).toBeFocused();

    // The models load from the cache: nothing more is fetched from the host.
    const served = hub.served.length;
    const docent = new DocentPage(page);
    await docent.addFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) }]);
    await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 2 pages/);
    expect(hub.served.length).toBe(served);

    await openButton.click();
    await dialog.getByRole('button', { name: `Delete ${HUB_MODELS.generator}` }).click();
    await expect(chatModel).toContainText('not downloaded');
    await expect(searchModel).toContainText('available offline');

    await dialog.getByRole('button', { name: 'Ask to keep Docent’s data' }).click();
    await expect(dialog).toContainText(/(Granted: storage is persistent|Not granted: the browser may still clear)/);

    // A full storage quota: the chat model does not fit, and nothing of it is kept.
    const cdp = await context.newCDPSession(page);
    const origin = new URL(site.url).origin;
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 100_000 });
    await dialog.getByRole('button', { name: 'Make available offline' }).click();
    await expect(dialog.getByRole('alert')).toContainText(`There is not enough storage to keep ${HUB_MODELS.generator} for offline use, so none of its files were kept`);
    await expect(chatModel).toContainText('not downloaded');
    const kept = await page.evaluate(async (id) => (await (await caches.open('transformers-cache')).keys()).filter((request) => request.url.includes(id)).length, HUB_MODELS.generator);
    expect(kept).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'not enough storage' })).toBeVisible();
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  } finally {
    await site.stop();
    hub.dispose();
  }
});

test('self-hosted models (npm run models into the site): the site needs no model host at all, and downloads show bytes done of the total', async ({
  page,
  context,
}) => {
  // The script downloads from a stand-in hub on 127.0.0.1 into a models folder the site then serves.
  const hubFiles = writeHubModels();
  const hub = createServer((request, response) => {
    const match = request.url!.match(/^\/(.+?)\/resolve\/main\/(.+)$/);
    const file = match && join(hubFiles, match[1], match[2]);
    if (!file || !existsSync(file)) return void response.writeHead(404).end();
    const body = readFileSync(file);
    response.writeHead(200, { 'Content-Length': body.length }).end(body);
  });
  await new Promise<void>((done) => hub.listen(0, '127.0.0.1', done));
  const models = mkdtempSync(join(tmpdir(), 'docent-self-hosted-'));
  const port = (hub.address() as AddressInfo).port;
  await run(process.execPath, ['scripts/download-models.mjs', '--host', `http://127.0.0.1:${port}`, '--out', models, HUB_MODELS.embedder, HUB_MODELS.generator]);
  hub.close();

  // The weights come in two parts, the test letting the second go once it has seen the first: a download half done.
  const site = await serveStatic(DIST, { isolation: true, models, holdWeightsAfter: 64 * 1024 });
  const hostRequests: string[] = [];
  await context.route(`${MODEL_HOST}/**`, (route) => (hostRequests.push(route.request().url()), route.abort('internetdisconnected')));
  const network = recordNetwork(context);
  const docent = new DocentPage(page);
  try {
    await page.goto(`${site.url}${HUB_QUERY}`);
    await docent.addFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) }]);
    await expect(page.getByRole('list', { name: 'Models' })).toContainText(
      /Search model .*downloading [\d.]+ [KM]?B of [\d.]+ [KM]?B \(onnx\/model_quantized\.onnx: 64 KB of 1\.0 MB\)/,
    );
    site.releaseWeights();
    await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 2 pages/);
    await docent.ask("What is the name of the lighthouse keeper's cat?");
    await expect(docent.citation('almanac.pdf, p. 2')).toBeVisible();
    expect(hostRequests).toEqual([]);
    expect(network.foreign(new URL(site.url).origin)).toEqual([]);
    // Weights and tokenizers are asked for once: progress costs no second download. (transformers.js reads a
    // tokenizer_config.json twice, a few hundred bytes, to learn which tokenizer files a model has.)
    const modelFiles = site.requests.filter((path) => /^\/models\/.*(\.onnx|tokenizer\.json)$/.test(path));
    expect(modelFiles.filter((path, at) => modelFiles.indexOf(path) !== at)).toEqual([]);
  } finally {
    await site.stop();
    rmSync(models, { recursive: true, force: true });
    rmSync(hubFiles, { recursive: true, force: true });
  }
});

test('an unreachable model host is asked again after a wait that grows, not on every action, and the model status says when', async ({ page, context }) => {
  const asked: { url: string; at: number }[] = [];
  await context.route(`${MODEL_HOST}/**`, (route) => (asked.push({ url: route.request().url(), at: Date.now() }), route.abort('internetdisconnected')));
  const docent = new DocentPage(page);
  await docent.open(HUB_QUERY);
  const start = Date.now();
  for (let i = 1; i <= 4; i++) {
    await docent.addFiles([{ name: `notes-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Note ${i}. The ferry captain keeps a parrot named Pepper ${i}.`) }]);
    await expect(docent.document(`notes-${i}.txt`)).toHaveAccessibleName(/Ready/);
    await docent.ask(`What is the parrot called in note ${i}?`);
    await expect(docent.citation(`notes-${i}.txt`).first()).toBeVisible();
  }
  const models = page.getByRole('list', { name: 'Models' });
  await expect(models.getByRole('status').filter({ hasText: 'Search model' })).toContainText(/network is unreachable.*Next try at \d/);
  await expect(models.getByRole('status').filter({ hasText: 'Chat model' })).toContainText(/network is unreachable.*Next try at \d/);
  // Each model is tried once, then again 5, 15, 35… s after its first failure, whatever the page does meanwhile.
  const elapsed = Date.now() - start;
  const allowed = 1 + [5_000, 15_000, 35_000, 75_000].filter((wait) => wait <= elapsed).length;
  const configRequests = (id: string) => asked.filter(({ url }) => url.endsWith(`${id}/resolve/main/config.json`));
  for (const id of [HUB_MODELS.embedder, HUB_MODELS.generator]) {
    expect(configRequests(id).length).toBeGreaterThanOrEqual(1);
    expect(configRequests(id).length).toBeLessThanOrEqual(allowed);
  }
  // The reranker is used only once it is in the browser (Settings fetches it): a question never asks the host for it.
  expect(configRequests(HUB_MODELS.reranker)).toEqual([]);
});

test('with no model in the browser at all and no network, the library still answers: keyword search and cited key sentences', async ({ page, context }) => {
  // Documents are embedded when added (that needs the search model once); after that, nothing model-related has to
  // stay: here the search model is deleted in Settings, the network and the site go away, and questions still work.
  const site = await serveStatic(DIST, { isolation: true });
  const network = recordNetwork(context);
  const docent = new DocentPage(page);
  try {
    await page.goto(`${site.url}?embedder=docent-test/tiny-embedder&generator=none`);
    await untilOfflineReady(page);
    await docent.addFiles([{ name: 'almanac.pdf', mimeType: 'application/pdf', buffer: await makePdf(ALMANAC) }]);
    await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 2 pages/);

    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const searchModel = dialog.getByRole('listitem', { name: /^Search model/ });
    await expect(searchModel).toContainText('available offline');
    await searchModel.getByRole('button', { name: /^Delete/ }).click();
    await expect(searchModel).toContainText('not downloaded');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await context.setOffline(true);
    await site.stop();
    await page.reload();
    await expect(docent.document('almanac.pdf')).toHaveAccessibleName(/Ready: 2 pages/);
    await docent.ask("What is the name of the lighthouse keeper's cat?");
    await expect(docent.answer).toContainText('Her cat, named Marmalade, sleeps on the lantern gallery every afternoon.');
    await expect(docent.citation('almanac.pdf, p. 2').first()).toBeVisible();
    // The search model was asked for (transformers.js tries the site's folder, then the model host: both unreachable
    // here) and said so; no request went to any other host.
    await expect(page.getByRole('status').filter({ hasText: 'Search model' })).toContainText('network is unreachable');
    expect(network.foreign(new URL(site.url).origin).filter((url) => new URL(url).origin !== MODEL_HOST)).toEqual([]);
  } finally {
    await site.stop();
  }
});
