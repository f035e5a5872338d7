import type { BrowserContext } from '@playwright/test';

/** Records every request the page and its workers make, to prove nothing leaves the device. */
export function recordNetwork(context: BrowserContext) {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return {
    urls,
    /** Requests to any origin other than the app's own (data: and blob: URLs never leave the browser). */
    foreign(appOrigin: string): string[] {
      return urls.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== appOrigin);
    },
  };
}
