import { describe, expect, it } from 'vitest';
import { callReporting } from './reporting-call';

describe('callReporting', () => {
  it('passes reports on while the call runs, and drops those that arrive after its result', async () => {
    const seen: string[] = [];
    let late: (() => void) | undefined;
    const result = await callReporting(async (report: (text: string) => void) => {
      report('during');
      late = () => report('after');
      return 'done';
    }, (text) => seen.push(text));
    late?.();
    expect(result).toBe('done');
    expect(seen).toEqual(['during']);
  });

  it('drops late reports after a failure too, and passes the failure on', async () => {
    const seen: number[] = [];
    let late: (() => void) | undefined;
    await expect(
      callReporting(async (report: (n: number) => void) => {
        late = () => report(2);
        report(1);
        throw new Error('the worker failed');
      }, (n) => seen.push(n)),
    ).rejects.toThrow('the worker failed');
    late?.();
    expect(seen).toEqual([1]);
  });
});
