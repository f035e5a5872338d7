/**
 * An in-memory Cache (the Cache Storage interface) for unit tests in Node: `put` reads the whole body before it
 * stores it (a body that fails stores nothing, as in browsers), and a byte quota makes `put` fail as a full
 * storage does (QuotaExceededError).
 */
export class MemoryCache {
  readonly entries = new Map<string, { body: Uint8Array; init: ResponseInit }>();

  constructor(private readonly quotaBytes = Infinity) {}

  get usedBytes(): number {
    return [...this.entries.values()].reduce((sum, entry) => sum + entry.body.length, 0);
  }

  async match(key: RequestInfo | URL): Promise<Response | undefined> {
    const entry = this.entries.get(String(key instanceof Request ? key.url : key));
    return entry && new Response(entry.body.slice(), entry.init);
  }

  async put(key: RequestInfo | URL, response: Response): Promise<void> {
    const body = new Uint8Array(await response.arrayBuffer());
    const url = String(key instanceof Request ? key.url : key);
    const others = this.usedBytes - (this.entries.get(url)?.body.length ?? 0);
    if (others + body.length > this.quotaBytes) throw new DOMException('Quota exceeded.', 'QuotaExceededError');
    this.entries.set(url, { body, init: { status: response.status, headers: Object.fromEntries(response.headers) } });
  }

  async delete(key: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(String(key instanceof Request ? key.url : key));
  }

  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }

  asCache(): Cache {
    return this as unknown as Cache;
  }
}
