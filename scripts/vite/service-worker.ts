import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { build, type Plugin } from 'vite';
import { withoutVersion, withVersion, type PrecacheEntry, type PrecacheManifest } from '../../src/sw/precache';
import { onDemandOcrFile } from './ocr-assets';

export const SERVICE_WORKER_FILE = 'sw.js';
const INDEX = 'index.html';
const MANIFEST_LINE = /^self\.__DOCENT_PRECACHE = .*;\n/;

/**
 * Not part of the app shell: models (transformers.js caches them itself), OCR languages fetched on demand (kept in
 * their own cache when a person turns them on), the worker itself, source maps.
 */
const excluded = (path: string) =>
  path === SERVICE_WORKER_FILE || path.startsWith('models/') || onDemandOcrFile(path) || path.endsWith('.map') || /(^|\/)\./.test(path);

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

/**
 * The precache manifest of a built site: every file with its hash, and a version that changes with any of them.
 * index.html carries the version it belongs to (written by writePrecacheManifest), so its version is computed from
 * the page without it, and its hash is the hash of the page with it.
 */
export async function precacheManifest(outDir: string): Promise<PrecacheManifest> {
  const files: PrecacheEntry[] = [];
  let page: string | undefined;
  for (const path of await listFiles(outDir)) {
    if (excluded(path)) continue;
    const content = await readFile(join(outDir, path));
    if (path === INDEX) page = withoutVersion(content.toString('utf8'));
    files.push({ url: path, hash: sha256(path === INDEX ? page! : content).slice(0, 32) });
  }
  const all = files.map((entry) => `${entry.url} ${entry.hash}`).join('\n');
  const version = sha256(all).slice(0, 16);
  const index = files.find((entry) => entry.url === INDEX);
  if (index && page !== undefined) index.hash = sha256(withVersion(page, version)).slice(0, 32);
  return { version, files };
}

/**
 * (Re)writes the precache manifest at the top of a built site's sw.js, and the version into its index.html. Any
 * change to the site's files gives a new sw.js, which is how browsers learn that a new version exists. Tests call it
 * after changing a built site.
 */
export async function writePrecacheManifest(outDir: string): Promise<PrecacheManifest> {
  const path = join(outDir, SERVICE_WORKER_FILE);
  const code = (await readFile(path, 'utf8')).replace(MANIFEST_LINE, '');
  const manifest = await precacheManifest(outDir);
  const index = join(outDir, INDEX);
  if (manifest.files.some((entry) => entry.url === INDEX)) await writeFile(index, withVersion(await readFile(index, 'utf8'), manifest.version));
  await writeFile(path, `self.__DOCENT_PRECACHE = ${JSON.stringify(manifest)};\n${code}`);
  return manifest;
}

/** Bundles the service worker source into one classic script (service workers as modules are not everywhere yet). */
async function compile(entry: string, root: string): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['iife'], name: 'docentServiceWorker', fileName: () => SERVICE_WORKER_FILE },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  if (!('output' in result)) throw new Error('The service worker build returned no output.');
  const chunk = result.output.find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('The service worker build produced no script.');
  return chunk.code;
}

/**
 * Builds `src/sw/sw.ts` into the site's `sw.js`, with the manifest of every file the build wrote (JS, CSS, HTML,
 * ONNX Runtime's and Voy's wasm, pdf.js's worker and data, icons, the web app manifest).
 */
export function serviceWorker(entry = 'src/sw/sw.ts'): Plugin {
  let outDir = '';
  let root = '';
  return {
    name: 'docent-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle(error?: Error) {
      if (error) return;
      await writeFile(join(outDir, SERVICE_WORKER_FILE), await compile(resolve(root, entry), root));
      const manifest = await writePrecacheManifest(outDir);
      const bytes = (await Promise.all(manifest.files.map(async (file) => (await readFile(join(outDir, file.url))).length))).reduce((a, b) => a + b, 0);
      this.environment.logger.info(`${SERVICE_WORKER_FILE}: version ${manifest.version}, ${manifest.files.length} files precached (${(bytes / 1e6).toFixed(1)} MB)`);
    },
  };
}
