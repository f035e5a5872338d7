// Docent's service worker: the app shell offline, one version at a time, and cross-origin isolation on hosts that
// cannot set headers. Built by scripts/vite/service-worker.ts, which prepends the precache manifest
// (`self.__DOCENT_PRECACHE = {...}`) for this build. Model files are not here: transformers.js keeps them in
// 'transformers-cache' (src/workers/models/).
import {
  cacheNameOf,
  CACHE_PREFIX,
  HASH_HEADER,
  ISOLATION_HEADERS,
  routeOf,
  sha256Hex,
  type DownloadMessage,
  type PageMessage,
  type PrecacheEntry,
  type PrecacheManifest,
  type WorkerMessage,
} from './precache';
import { OCR_LANGUAGE_CACHE } from '../core/ocr-languages';

// The service worker globals this file uses (lib "webworker" cannot be mixed with "dom" in one program).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface MessageFromPage extends ExtendableEvent {
  readonly data: PageMessage | null;
  readonly ports: readonly MessagePort[];
}
interface WindowClient {
  postMessage(message: WorkerMessage): void;
}
interface ServiceWorkerScope {
  readonly __DOCENT_PRECACHE: PrecacheManifest;
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void>; matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageFromPage) => void): void;
}

const sw = self as unknown as ServiceWorkerScope;
const manifest = sw.__DOCENT_PRECACHE;
const CACHE = cacheNameOf(manifest);
const scope = () => sw.registration.scope;
/** How many files are fetched at once while installing. */
const PARALLEL = 4;

/** The same response with the isolation headers (COOP, COEP, CORP) added: the coi-serviceworker technique. */
function isolated(response: Response): Response {
  if (response.status === 0 || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  headers.delete(HASH_HEADER);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Fetches one file of this version, checks it is exactly the file this version lists, and returns it to keep. */
async function download(entry: PrecacheEntry): Promise<Response> {
  const url = new URL(entry.url, scope()).href;
  const response = await fetch(url, { cache: 'reload' });
  if (!response.ok) throw new Error(`${entry.url}: ${response.status}`);
  const bytes = await response.arrayBuffer();
  // Another version's file under the same name (a deploy in progress) would mix versions: refuse it.
  if ((await sha256Hex(bytes)) !== entry.hash) throw new Error(`${entry.url} is not the file of version ${manifest.version}`);
  const headers = new Headers(response.headers);
  headers.set(HASH_HEADER, entry.hash);
  return new Response(bytes, { status: 200, statusText: 'OK', headers });
}

/** A file this version shares with an installed version (same name, same hash) is copied, not downloaded again. */
async function fromOlderVersion(entry: PrecacheEntry): Promise<Response | undefined> {
  const url = new URL(entry.url, scope()).href;
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX) || name === CACHE) continue;
    const cached = await (await caches.open(name)).match(url, { ignoreVary: true });
    if (cached?.headers.get(HASH_HEADER) === entry.hash) return cached;
  }
  return undefined;
}

async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  const queue = [...manifest.files];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const url = new URL(entry.url, scope()).href;
      if ((await cache.match(url, { ignoreVary: true }))?.headers.get(HASH_HEADER) === entry.hash) continue;
      await cache.put(url, (await fromOlderVersion(entry)) ?? (await download(entry)));
    }
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  } catch (error) {
    // No half-installed version: the old one keeps serving, and the browser tries again on a later visit.
    await caches.delete(CACHE);
    throw error;
  }
}

sw.addEventListener('install', (event) => event.waitUntil(precache()));

sw.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      const older = (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE);
      await Promise.all(older.map((name) => caches.delete(name)));
      // This version takes every open page (the first version, so their later requests work offline; an accepted
      // update, so no page is left to the old one) and tells each: a page of another version reloads onto this one
      // (app-shell.ts), so no page runs on two versions' files. The message waits in a page that is still loading.
      await sw.clients.claim();
      const activated: WorkerMessage = { type: 'activated', version: manifest.version };
      for (const client of await sw.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(activated);
    })(),
  ),
);

/** Downloads a page has announced (a backup being exported), until the browser fetches each. */
const downloads = new Map<string, { name: string; port: MessagePort; finished: () => void }>();

/**
 * A file the page streams, piece by piece, to the person's downloads: each piece is pulled from the page when the
 * browser has written the last one, so the file is never held whole (a streamed download where the File System
 * Access API is missing).
 */
function streamedDownload({ name, port, finished }: { name: string; port: MessagePort; finished: () => void }): Response {
  const body = new ReadableStream<Uint8Array>({
    pull: (controller) =>
      new Promise<void>((resolve) => {
        port.onmessage = ({ data }: MessageEvent<DownloadMessage>) => {
          if (data.type === 'piece') controller.enqueue(data.bytes);
          if (data.type === 'done') controller.close();
          if (data.type === 'abort') controller.error(new Error('The page cancelled this download.'));
          if (data.type !== 'piece') finished();
          resolve();
        };
        port.postMessage({ type: 'pull' } satisfies DownloadMessage);
      }),
    cancel() {
      port.postMessage({ type: 'cancel' } satisfies DownloadMessage);
      finished();
    },
  });
  const headers = { 'Content-Type': 'application/octet-stream', 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` };
  return isolated(new Response(body as ReadableStream<Uint8Array<ArrayBuffer>>, { headers }));
}

/** Requests this worker is answering now, and who waits for there to be none (the 'quiet' message). */
let answering = 0;
const waitingForQuiet: (() => void)[] = [];

function answered<T>(response: Promise<T>): Promise<T> {
  answering++;
  const done = () => {
    if (--answering === 0) for (const resolve of waitingForQuiet.splice(0)) resolve();
  };
  response.then(done, done);
  return response;
}

sw.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') void sw.skipWaiting();
  if (event.data?.type === 'version') event.ports[0]?.postMessage({ type: 'version', version: manifest.version } satisfies WorkerMessage);
  if (event.data?.type === 'download' && event.ports[0]) {
    const { id, name } = event.data;
    const port = event.ports[0];
    // The worker stays alive while the file streams.
    event.waitUntil(new Promise<void>((finished) => downloads.set(id, { name, port, finished })));
    port.postMessage({ type: 'ready' } satisfies DownloadMessage);
  }
  // A page about to hand over to a new version waits until this worker has answered every request (see app-shell.ts).
  if (event.data?.type === 'quiet') {
    const quiet = answering === 0 ? Promise.resolve() : new Promise<void>((resolve) => waitingForQuiet.push(resolve));
    event.waitUntil(quiet.then(() => event.ports[0]?.postMessage({ type: 'quiet' } satisfies WorkerMessage)));
  }
});

async function respond(request: Request, url: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(url, { ignoreVary: true });
  if (cached) return isolated(cached);
  // Not cached yet (this version is still installing): the network.
  return isolated(await fetch(request));
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const route = routeOf(manifest, scope(), request);
  if (route.kind === 'pass') return;
  if (route.kind === 'download') {
    const download = downloads.get(route.id);
    downloads.delete(route.id);
    event.respondWith(download ? streamedDownload(download) : new Response('This download is over.', { status: 404 }));
    return;
  }
  if (route.kind === 'network') {
    // The site's models folder and anything else of this origin: as the network answers, isolated. An OCR language
    // a person turned on in Settings is kept in a cache of its own (not the app's version), and read offline from it.
    const kept = new URL(request.url).pathname.includes('/ocr/lang/') ? caches.open(OCR_LANGUAGE_CACHE).then((cache) => cache.match(request.url)) : undefined;
    event.respondWith(answered(Promise.resolve(kept).then((response) => response ?? fetch(request)).then(isolated)));
    return;
  }
  event.respondWith(answered(respond(request, route.url)));
});
