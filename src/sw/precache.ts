// The app shell's precache: what the build writes into sw.js, and the decisions the service worker makes from it.
// Pure: unit-tested in Node, bundled into sw.js by scripts/vite/service-worker.ts.

export interface PrecacheEntry {
  /** Relative to the service worker's folder (the site's root). */
  url: string;
  /** SHA-256 of the file's bytes, hex, first 32 digits: what the service worker checks before it keeps a file. */
  hash: string;
}

export interface PrecacheManifest {
  /** Hash of every entry: one version of the app, one cache. */
  version: string;
  /** Cached before the new version may take over: the app runs offline with these. */
  files: PrecacheEntry[];
}

export const CACHE_PREFIX = 'docent-app-';
/** The page's own version, written into index.html by the build: a page runs only under its own version's worker. */
export const VERSION_META = 'docent-version';
const VERSION_META_TAG = new RegExp(`\\s*<meta name="${VERSION_META}" content="[^"]*" />`);

/** index.html without its version (what the version is computed from). */
export const withoutVersion = (html: string) => html.replace(VERSION_META_TAG, '');

/** index.html telling the page which version it belongs to. */
export const withVersion = (html: string, version: string) =>
  withoutVersion(html).replace(/(\s*)<\/head>/, `$1  <meta name="${VERSION_META}" content="${version}" />$1</head>`);

/** What the page and its service worker say to each other. */
export type PageMessage = { type: 'skip-waiting' } | { type: 'version' } | { type: 'quiet' } | { type: 'download'; id: string; name: string };

/** Where a download streamed by the service worker is fetched from: `${DOWNLOAD_PATH}<id>` in the app's folder. */
export const DOWNLOAD_PATH = '.docent-download/';

/** The page and the service worker, over a download's own port: the worker pulls each piece the page then sends. */
export type DownloadMessage =
  | { type: 'ready' }
  | { type: 'pull' }
  | { type: 'cancel' }
  | { type: 'piece'; bytes: Uint8Array }
  | { type: 'done' }
  | { type: 'abort' };
export type WorkerMessage = { type: 'version'; version: string } | { type: 'activated'; version: string } | { type: 'quiet' };
export const HASH_HEADER = 'x-docent-hash';

export const cacheNameOf = (manifest: PrecacheManifest) => `${CACHE_PREFIX}${manifest.version}`;

/** The headers that make a page cross-origin isolated (SharedArrayBuffer, hence ONNX Runtime threads). */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export async function sha256Hex(data: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export type Route =
  /** Serve this cached file (the app's index for navigations to the app). */
  | { kind: 'precached'; url: string }
  /** Same-origin, not part of the app (the models folder): the network, with isolation headers added. */
  | { kind: 'network' }
  /** Another origin (the model host): not touched. */
  | { kind: 'pass' }
  /** A file the page streams to the person's downloads through this worker (a backup), by its id. */
  | { kind: 'download'; id: string };

/**
 * What the service worker does with a GET request. `scope` is the worker's folder URL (ends with '/').
 * Navigations to the app (its folder or index.html, whatever the query) get the cached index.html.
 */
export function routeOf(manifest: PrecacheManifest, scope: string, request: { url: string; mode: string }): Route {
  const url = new URL(request.url);
  const base = new URL(scope);
  if (url.origin !== base.origin) return { kind: 'pass' };
  if (!url.pathname.startsWith(base.pathname)) return { kind: 'network' };
  const path = decodeURIComponent(url.pathname.slice(base.pathname.length));
  if (path.startsWith(DOWNLOAD_PATH)) return { kind: 'download', id: path.slice(DOWNLOAD_PATH.length) };
  if (request.mode === 'navigate' && (path === '' || path === 'index.html')) return { kind: 'precached', url: new URL('index.html', base).href };
  if (url.search) return { kind: 'network' };
  if (manifest.files.some((entry) => entry.url === path)) return { kind: 'precached', url: url.href };
  return { kind: 'network' };
}
