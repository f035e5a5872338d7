import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { precacheManifest, writePrecacheManifest } from './service-worker';

let folder = '';
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function site(files: Record<string, string>) {
  folder = await mkdtemp(join(tmpdir(), 'docent-site-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), content);
  }
  return folder;
}

const hashOf = (content: string) => createHash('sha256').update(content).digest('hex').slice(0, 32);

describe('precacheManifest', () => {
  it('lists every built file with its hash, except models, the service worker and source maps', async () => {
    const out = await site({
      'index.html': '<!doctype html>',
      'assets/index-abc.js': 'console.log(1)',
      'assets/index-abc.js.map': '{}',
      'assets/ort-wasm-simd-threaded.asyncify-XyZ.wasm': 'wasm',
      'pdfjs/standard_fonts/FoxitSans.pfb': 'font',
      'models/docent-test/tiny-embedder/config.json': '{}',
      'sw.js': 'old',
    });
    const manifest = await precacheManifest(out);
    expect(manifest.files.map((file) => file.url)).toEqual(['assets/index-abc.js', 'assets/ort-wasm-simd-threaded.asyncify-XyZ.wasm', 'index.html', 'pdfjs/standard_fonts/FoxitSans.pfb']);
    expect(manifest.files[0].hash).toBe(hashOf('console.log(1)'));
  });

  it('gives a new version, and a new sw.js, when any file changes; the same one when none does', async () => {
    const out = await site({ 'index.html': 'v1', 'sw.js': '(function(){})();\n' });
    const first = await writePrecacheManifest(out);
    const firstWorker = await readFile(join(out, 'sw.js'), 'utf8');
    expect(firstWorker).toBe(`self.__DOCENT_PRECACHE = ${JSON.stringify(first)};\n(function(){})();\n`);
    expect((await writePrecacheManifest(out)).version).toBe(first.version);
    expect(await readFile(join(out, 'sw.js'), 'utf8')).toBe(firstWorker);
    await writeFile(join(out, 'index.html'), 'v2');
    const second = await writePrecacheManifest(out);
    expect(second.version).not.toBe(first.version);
    expect(await readFile(join(out, 'sw.js'), 'utf8')).toContain(second.version);
  });

  it('writes the version into index.html, and lists the page with it; the version does not depend on the one written before', async () => {
    const page = '<html>\n  <head>\n    <title>Docent</title>\n  </head>\n</html>\n';
    const out = await site({ 'index.html': page, 'sw.js': '' });
    const manifest = await writePrecacheManifest(out);
    const written = await readFile(join(out, 'index.html'), 'utf8');
    expect(written).toBe(`<html>\n  <head>\n    <title>Docent</title>\n    <meta name="docent-version" content="${manifest.version}" />\n  </head>\n</html>\n`);
    expect(manifest.files.find((file) => file.url === 'index.html')?.hash).toBe(hashOf(written));
    expect(await writePrecacheManifest(out)).toEqual(manifest);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe(written);
  });
});
