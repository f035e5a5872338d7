/**
 * Resolves with the attempt's value, or, when it fails, with a stand-in that throws the failure on any use. The
 * stand-in is no thenable (so it resolves instead of rejecting) and accepts property writes (so a caller may label it
 * before it first reads from it). For promise chains that must never see a rejection (ort-failure-isolation.ts).
 */
export function deferFailure<T extends object>(attempt: Promise<T>): Promise<T> {
  return attempt.catch(
    (error: unknown) =>
      new Proxy({} as T, {
        get: (_target, property) => {
          if (property === 'then') return undefined;
          throw error;
        },
        set: () => true,
      }),
  );
}
