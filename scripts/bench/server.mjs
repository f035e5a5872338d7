// A static host for the bench build: real 404s, the MIME types browsers need (application/wasm for streaming
// compilation) and the cross-origin isolation headers the app's own hosting sends (so ONNX Runtime may use threads).
// Extra folders are mounted read-only under a URL prefix (the bench models, the shared corpus), never copied.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Resolves `relative` inside `root`, or undefined when it would escape it. */
function inside(root, relative) {
  const path = normalize(join(root, relative));
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep) ? path : undefined;
}

/**
 * Serves `root` on 127.0.0.1:`port`; `mounts` maps URL prefixes ('/models/docent-bench/') to folders or, for a single
 * file, to a file path. Resolves with {url, close()}.
 */
export function serveStatic({ root, port, mounts = {} }) {
  const base = resolve(root);
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    let file;
    const mount = entries.find(([prefix]) => pathname === prefix || pathname.startsWith(prefix));
    if (mount) {
      const [prefix, target] = mount;
      file = prefix.endsWith('/') ? inside(resolve(target), pathname.slice(prefix.length)) : resolve(target);
    } else {
      file = inside(base, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    }
    let size;
    let modified;
    try {
      const stat = file && statSync(file);
      if (stat && stat.isFile()) ({ size, mtime: modified } = stat);
    } catch {
      // not found
    }
    if (size === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain', ...ISOLATION_HEADERS });
      response.end('Not found');
      return;
    }
    // Revalidated on every use, answered 304 when unchanged: a reload reads the browser's HTTP cache, as on a real host.
    const lastModified = new Date(Math.floor(modified.getTime() / 1000) * 1000);
    const since = Date.parse(request.headers['if-modified-since'] ?? '');
    const headers = { 'Cache-Control': 'no-cache', 'Last-Modified': lastModified.toUTCString(), ...ISOLATION_HEADERS };
    if (Number.isFinite(since) && since >= lastModified.getTime()) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    response.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Content-Length': size, ...headers });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  const listen = (onPort) =>
    new Promise((resolvePromise, reject) => {
      server.once('error', reject);
      server.listen(onPort, '127.0.0.1', () => {
        server.off('error', reject);
        resolvePromise(server.address().port);
      });
    });
  // A port in use (another checkout's bench) falls back to one the system picks.
  return listen(port)
    .catch((error) => {
      if (error.code !== 'EADDRINUSE') throw error;
      console.log(`Port ${port} is in use; the bench server takes a free one.`);
      return listen(0);
    })
    .then((bound) => ({ url: `http://127.0.0.1:${bound}/`, close: () => new Promise((done) => server.close(() => done())) }));
}
