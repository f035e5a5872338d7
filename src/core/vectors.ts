export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** The vector scaled to length 1; an all-zero vector (an empty text) stays zero. */
export function normalized(vector: Float32Array): Float32Array {
  const length = Math.sqrt(dot(vector, vector));
  if (length === 0 || Math.abs(length - 1) < 1e-4) return vector;
  return vector.map((x) => x / length);
}

export function sameVector(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** FNV-1a over the vector's bytes: a cheap key to find exact duplicates (equal vectors have equal keys). */
export function vectorKey(vector: Float32Array): string {
  const words = new Uint32Array(vector.buffer, vector.byteOffset, vector.length);
  let hash = 0x811c9dc5;
  for (const word of words) {
    hash ^= word === 0x80000000 ? 0 : word; // -0 equals 0, so it must hash like 0

    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${vector.length}:${hash.toString(16)}`;
}
