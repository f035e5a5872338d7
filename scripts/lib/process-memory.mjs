// Resident memory of the browser a script launched (its renderers, GPU and utility processes, every worker's wasm
// memory among them): what the machine gives up while Docent works. The JS heap (CDP) misses wasm memory.
import { execFileSync } from 'node:child_process';

/** Resident memory, in bytes, of the processes descended from `root` (default: this Node process). */
export function descendantsMemory(root = process.pid) {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const children = new Map();
  for (const [pid, ppid] of rows) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const rss = new Map(rows.map(([pid, , kb]) => [pid, kb * 1024]));
  let total = 0;
  const queue = [...(children.get(root) ?? [])];
  while (queue.length) {
    const pid = queue.pop();
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples descendantsMemory every `intervalMs` until the returned function is called; it returns the peak. */
export function samplePeakMemory(intervalMs = 200) {
  let peak = descendantsMemory();
  const timer = setInterval(() => (peak = Math.max(peak, descendantsMemory())), intervalMs);
  return () => {
    clearInterval(timer);
    return Math.max(peak, descendantsMemory());
  };
}
