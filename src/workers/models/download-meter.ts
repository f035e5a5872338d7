import type { LoadProgress } from './download-progress';

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Counts the bytes of model files as they arrive, for the download status. transformers.js reports progress itself
 * only when given a progress callback, and then first asks for every file once more to learn its size (a whole GET
 * for a file served without Content-Length): counting the one real download costs nothing extra.
 */
export class DownloadMeter {
  readonly #watched = new Map<string, (progress: LoadProgress) => void>();

  constructor(private readonly fetchFile: Fetch) {}

  /** Reports the downloads of `modelId`'s files (any URL with a `/<modelId>/` path) until the returned call. */
  watch(modelId: string, onProgress: (progress: LoadProgress) => void): () => void {
    this.#watched.set(modelId, onProgress);
    return () => {
      if (this.#watched.get(modelId) === onProgress) this.#watched.delete(modelId);
    };
  }

  readonly fetch: Fetch = async (input, init) => {
    const response = await this.fetchFile(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const watched = this.#fileOf(url);
    const partial = new Headers(init?.headers).has('Range');
    if (!watched || partial || !response.ok || !response.body) return response;
    const { file, onProgress } = watched;
    const total = Number(response.headers.get('Content-Length')) || undefined;
    let loaded = 0;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          loaded += chunk.byteLength;
          onProgress({ status: 'progress', file, loaded, total });
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  #fileOf(url: string) {
    const path = decodeURIComponent(new URL(url, 'http://any/').pathname);
    for (const [modelId, onProgress] of this.#watched) {
      const at = path.indexOf(`/${modelId}/`);
      // The hub's layout puts `resolve/<revision>/` between the model and its file; a site folder does not.
      if (at >= 0) return { file: path.slice(at + modelId.length + 2).replace(/^resolve\/[^/]+\//, ''), onProgress };
    }
    return undefined;
  }
}
