import { describe, expect, it } from 'vitest';
import { routeOf, sha256Hex, type PrecacheManifest } from './precache';

const manifest: PrecacheManifest = {
  version: 'v1',
  files: [
    { url: 'index.html', hash: 'a' },
    { url: 'assets/index-abc.js', hash: 'b' },
    { url: 'pdfjs/cmaps/UniJIS-UTF8-H.bcmap', hash: 'c' },
  ],
};
const scope = 'https://example.org/docent/';
const get = (url: string, mode = 'cors') => routeOf(manifest, scope, { url, mode });

describe('routeOf', () => {
  it('serves the cached index.html for navigations to the app, whatever the query', () => {
    const index = { kind: 'precached', url: 'https://example.org/docent/index.html' };
    expect(get('https://example.org/docent/', 'navigate')).toEqual(index);
    expect(get('https://example.org/docent/?embedder=docent-test/tiny-embedder', 'navigate')).toEqual(index);
    expect(get('https://example.org/docent/index.html', 'navigate')).toEqual(index);
  });

  it('serves the build’s files from the cache', () => {
    expect(get('https://example.org/docent/assets/index-abc.js')).toEqual({ kind: 'precached', url: 'https://example.org/docent/assets/index-abc.js' });
    expect(get('https://example.org/docent/pdfjs/cmaps/UniJIS-UTF8-H.bcmap')).toMatchObject({ kind: 'precached' });
  });

  it('leaves the models folder and unknown files to the network, and other origins alone', () => {
    expect(get('https://example.org/docent/models/Xenova/gte-small/config.json')).toEqual({ kind: 'network' });
    expect(get('https://example.org/docent/assets/index-abc.js?v=2')).toEqual({ kind: 'network' });
    expect(get('https://example.org/other/', 'navigate')).toEqual({ kind: 'network' });
    expect(get('https://huggingface.co/Xenova/gte-small/resolve/main/config.json')).toEqual({ kind: 'pass' });
  });

  it('gives a download the page streams through the worker its id', () => {
    expect(get('https://example.org/docent/.docent-download/3f2a', 'navigate')).toEqual({ kind: 'download', id: '3f2a' });
  });
});

describe('sha256Hex', () => {
  it('is the first 32 hex digits of SHA-256, as the build writes them', async () => {
    // node -e "crypto.createHash('sha256').update('docent').digest('hex').slice(0, 32)"
    expect(await sha256Hex(new TextEncoder().encode('docent'))).toBe('4c48f7dbc22711b189f59d114b93abd8');
  });
});
