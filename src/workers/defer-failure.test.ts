import { describe, expect, it } from 'vitest';
import { deferFailure } from './defer-failure';

describe('deferFailure', () => {
  it('passes a value through', async () => {
    const value = { name: 'session' };
    expect(await deferFailure(Promise.resolve(value))).toBe(value);
  });

  it('turns a failure into a value that throws it on first use, so a chain after it keeps running', async () => {
    const failure = new Error('no such operator');
    // As transformers.js chains its session creations: each one after the one before.
    const first = Promise.resolve().then(() => deferFailure<{ inputNames: string[] }>(Promise.reject(failure)));
    const second = first.then(() => deferFailure(Promise.resolve({ inputNames: ['input_ids'] })));
    const failed = (await first) as { inputNames: string[]; config?: unknown };
    failed.config = {}; // labelling it is allowed
    expect(() => failed.inputNames).toThrow(failure);
    expect(await second).toEqual({ inputNames: ['input_ids'] });
  });
});
