import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
};

export interface StaticHost {
  /** The site's address, ending with '/'. */
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  /** Stops answering at all: every open connection is closed and the port no longer listens. */
  stop(): Promise<void>;
  /** Sends the rest of every weights file held by `holdWeightsAfter`, and holds none after. */
  releaseWeights(): void;
  /** Answers requests for `path` only once `release` is called: a request kept in flight. */
  hold(path: string): { requested: Promise<void>; release(): void };
}

interface StaticOptions {
  /** Send COOP/COEP, as a host that can set headers does. */
  isolation: boolean;
  /** Serve `models/` from this folder instead of the site's own. */
  models?: string;
  /** Send this many bytes of each model weights file (.onnx), then wait for `releaseWeights()`: a download caught half done. */
  holdWeightsAfter?: number;
}

/**
 * A plain static host for a built site, as simple as GitHub Pages: files and real 404s, and the cross-origin
 * isolation headers only when `isolation` is set (a host that can send headers). Unlike the suite's shared preview
 * server, a test can stop it for real.
 */
export async function serveStatic(folder: string, options: StaticOptions): Promise<StaticHost> {
  const { isolation, models, holdWeightsAfter } = options;
  const root = resolve(folder);
  const requests: string[] = [];
  let releaseWeights!: () => void;
  const weightsReleased = new Promise<void>((resolve) => (releaseWeights = resolve));
  const held = new Map<string, { requested: () => void; released: Promise<void> }>();
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    requests.push(path);
    const hold = held.get(path);
    if (hold) {
      hold.requested();
      await hold.released;
    }
    const modelFile = models && path.startsWith('/models/');
    const base = modelFile ? resolve(models) : root;
    let file = normalize(join(base, modelFile ? path.slice('/models/'.length) : path));
    const headers: Record<string, string> = isolation
      ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
      : {};
    try {
      if (!file.startsWith(base)) throw new Error('outside the site');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const { size } = await stat(file);
      response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': size, 'Cache-Control': 'no-cache' });
      if (modelFile && holdWeightsAfter !== undefined && file.endsWith('.onnx') && size > holdWeightsAfter) {
        response.write((await readFile(file)).subarray(0, holdWeightsAfter));
        await weightsReleased;
        createReadStream(file, { start: holdWeightsAfter }).pipe(response);
        return;
      }
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      response.end('Not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    releaseWeights,
    hold(path) {
      let requested!: () => void;
      let release!: () => void;
      const seen = new Promise<void>((resolve) => (requested = resolve));
      held.set(path, { requested, released: new Promise<void>((resolve) => (release = resolve)) });
      return { requested: seen, release };
    },
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
