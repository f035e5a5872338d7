// Peak JS heap of the page and every worker (the library worker, pdf.js's worker, ORT's threads), sampled through
// the DevTools protocol: performance.memory does not exist in workers. Runtime.getHeapUsage answers between tasks,
// so a sample waits for a running model call to end (the JS heap does not change inside wasm anyway).

/** Starts sampling; `stop()` resolves with the peaks in bytes. */
export async function sampleHeap(browser, { intervalMs = 100 } = {}) {
  const cdp = await browser.newBrowserCDPSession();
  const sessions = new Map(); // targetId -> {sessionId, url, type, peak}
  const pending = new Map();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message);
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  const call = (sessionId, method, params = {}) =>
    new Promise((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(undefined);
      }, 5000);
      pending.set(id, (message) => {
        clearTimeout(timer);
        resolve(message.result);
      });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => resolve(undefined));
    });

  let totalPeak = 0;
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { targetInfos } = await cdp.send('Target.getTargets').catch(() => ({ targetInfos: [] }));
      for (const info of targetInfos) {
        if (!['page', 'worker'].includes(info.type) || sessions.has(info.targetId) || info.url.startsWith('chrome')) continue;
        try {
          const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
          sessions.set(info.targetId, { sessionId, url: info.url, type: info.type, peak: 0 });
        } catch {
          // gone already
        }
      }
      for (const info of targetInfos) {
        const known = sessions.get(info.targetId);
        if (known && info.url) known.url = info.url;
      }
      if (process.env.DOCENT_BENCH_DEBUG_HEAP) console.log(targetInfos.map((info) => `${info.type} ${info.url}`).join(' | '));
      const live = new Set(targetInfos.map((info) => info.targetId));
      const usages = await Promise.all(
        [...sessions].filter(([id]) => live.has(id)).map(async ([, target]) => {
          const usage = await call(target.sessionId, 'Runtime.getHeapUsage');
          if (usage) target.peak = Math.max(target.peak, usage.usedSize);
          return usage?.usedSize ?? 0;
        }),
      );
      totalPeak = Math.max(totalPeak, usages.reduce((a, b) => a + b, 0));
      samples++;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await cdp.detach().catch(() => {});
      const targets = [...sessions.values()].map(({ url, type, peak }) => ({ url, type, peak }));
      return { totalPeak, samples, targets };
    },
  };
}
