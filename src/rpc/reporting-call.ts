import { proxy } from 'comlink';

/**
 * Calls a worker method that reports as it goes through a callback (progress, streamed text). Comlink sends the
 * callback's messages on a port of their own and the method's result on the worker's, and nothing orders one port
 * after the other: a report sent before the result can arrive after it, and would bring back a state the result has
 * ended (a progress bar after the download is done). Reports that arrive once the call has settled are dropped.
 */
export async function callReporting<Report extends unknown[], Result>(
  call: (report: (...report: Report) => void) => Promise<Result>,
  onReport: (...report: Report) => void,
): Promise<Result> {
  let settled = false;
  try {
    return await call(
      proxy((...report: Report) => {
        if (!settled) onReport(...report);
      }),
    );
  } finally {
    settled = true;
  }
}
