import { describe, expect, it } from 'vitest';
import { dot, normalized, sameVector, vectorKey } from './vectors';

const v = (...values: number[]) => Float32Array.from(values);
const length = (vector: Float32Array) => Math.sqrt(dot(vector, vector));

describe('dot', () => {
  it('sums the products of components', () => {
    expect(dot(v(1, 2, 3), v(4, -5, 6))).toBe(12);
    expect(dot(v(), v())).toBe(0);
  });
});

describe('normalized', () => {
  it('scales a vector to unit length, keeping its direction', () => {
    const result = normalized(v(3, 4));
    expect(length(result)).toBeCloseTo(1, 6);
    expect(result[0]).toBeCloseTo(0.6, 6);
    expect(result[1]).toBeCloseTo(0.8, 6);
  });

  it('does not change its input', () => {
    const input = v(0, 2, 0);
    normalized(input);
    expect(input).toEqual(v(0, 2, 0));
  });

  it('leaves an all-zero vector zero', () => {
    const zero = v(0, 0, 0);
    const result = normalized(zero);
    expect(Array.from(result)).toEqual([0, 0, 0]);
    expect(result.some(Number.isNaN)).toBe(false);
  });

  it('returns an already-unit vector as is', () => {
    const unit = v(0.6, 0.8);
    expect(normalized(unit)).toBe(unit);
  });

  it('normalizes long random vectors to unit length', () => {
    const vector = Float32Array.from({ length: 384 }, (_, i) => Math.sin(i * 12.9898) * 43.7);
    expect(length(normalized(vector))).toBeCloseTo(1, 5);
  });
});

describe('sameVector', () => {
  it('is true only for vectors of equal length and components', () => {
    expect(sameVector(v(1, 2, 3), v(1, 2, 3))).toBe(true);
    expect(sameVector(v(1, 2, 3), v(1, 2, 3.0001))).toBe(false);
    expect(sameVector(v(1, 2), v(1, 2, 0))).toBe(false);
    expect(sameVector(v(), v())).toBe(true);
  });
});

describe('vectorKey', () => {
  it('gives equal vectors equal keys, and different vectors (usually) different keys', () => {
    expect(vectorKey(v(0.1, 0.2, 0.3))).toBe(vectorKey(v(0.1, 0.2, 0.3)));
    expect(vectorKey(v(0.1, 0.2, 0.3))).not.toBe(vectorKey(v(0.1, 0.2, 0.30001)));
    expect(vectorKey(v(1, 2))).not.toBe(vectorKey(v(2, 1)));
  });

  it('includes the length, so a prefix does not collide', () => {
    expect(vectorKey(v(1, 2))).toMatch(/^2:[0-9a-f]+$/);
    expect(vectorKey(v(1, 2))).not.toBe(vectorKey(v(1, 2, 0)));
  });

  it('hashes a view into a larger buffer by its own values only', () => {
    const big = v(9, 9, 1, 2, 3, 9, 9);
    const view = big.subarray(2, 5);
    expect(vectorKey(view)).toBe(vectorKey(v(1, 2, 3)));
    const other = new Float32Array(new ArrayBuffer(64), 8, 3);
    other.set([1, 2, 3]);
    expect(vectorKey(other)).toBe(vectorKey(v(1, 2, 3)));
  });
});
