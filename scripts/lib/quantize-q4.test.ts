// 4-bit MatMulNBits weights: the packing checked by hand, the round trip, and onnxruntime running them like MatMul.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { FLOAT, GraphBuilder } from './onnx-graph.mjs';
import { dequantizeQ4, q4MatMul, q4TensorDims, quantizeQ4Rows, weightToRows } from './quantize-q4.mjs';
import { randomUniformWeights, UINT8, WeightPlan, writeModel } from './real-shape-writer.mjs';

/** A [k, n] MatMul weight quantized as MatMulNBits reads it. */
const quantizeWeight = (weight: Float32Array, k: number, n: number) => quantizeQ4Rows(weightToRows(weight, k, n), n, k);

describe('4-bit block quantization (MatMulNBits)', () => {
  it('packs two codes a byte, low nibble first, with the largest magnitude on -8 (signed scale, zero point 8)', () => {
    // One column (n = 1), one block of 32 along K: values 0, 0.25, ..., -2 at k = 31 (the largest magnitude).
    const column = Float32Array.from({ length: 32 }, (_, k) => (k === 31 ? -2 : k === 1 ? 0.25 : k === 2 ? -0.5 : 0));
    const { packed, scales } = quantizeQ4Rows(column, 1, 32);
    expect(Array.from(scales)).toEqual([0.25]); // -2 / -8
    expect(packed.length).toBe(16);
    // k = 0: 0 -> 8 (low nibble), k = 1: 0.25 / 0.25 = 1 -> 9 (high nibble).
    expect(packed[0]).toBe(8 | (9 << 4));
    // k = 2: -0.5 -> -2 -> 6, k = 3: 0 -> 8.
    expect(packed[1]).toBe(6 | (8 << 4));
    // k = 31: -2 -> -8 -> 0 (high nibble of the last byte).
    expect(packed[15] >> 4).toBe(0);
    // A positive extreme gives a negative scale: 2 lands on -8 too.
    const positive = quantizeQ4Rows(column.map((x) => -x), 1, 32);
    expect(Array.from(positive.scales)).toEqual([-0.25]);
    expect(positive.packed[15] >> 4).toBe(0);
  });

  it('round-trips a small matrix within half a step of its block (one step where the other sign clips at +7)', () => {
    const k = 64;
    const n = 6;
    const weight = randomUniformWeights(3, 'small', k * n, 0.05);
    const q = quantizeWeight(weight, k, n);
    expect(q.packed.length).toBe((k * n) / 2);
    expect(q.scales.length).toBe((k * n) / 32);
    const back = dequantizeQ4(q, n, k);
    weight.forEach((value, i) => {
      const [row, column] = [Math.floor(i / n), i % n];
      const scale = q.scales[column * (k / 32) + Math.floor(row / 32)];
      const clipped = value / scale > 7.5;
      expect(Math.abs(back[i] - value)).toBeLessThanOrEqual(Math.abs(scale) * (clipped ? 1 : 0.5) + 1e-7);
    });
    expect(() => quantizeQ4Rows(new Float32Array(40), 1, 40)).toThrow(/multiple of the block size/);
  });

  it('runs in onnxruntime-node as MatMulNBits, equal to MatMul on the dequantized weight and near the fp32 one', async () => {
    const [m, k, n] = [3, 64, 16];
    const weight = randomUniformWeights(5, 'runs', k * n, 0.05);
    const q = quantizeWeight(weight, k, n);
    const g = new GraphBuilder();
    const plan = new WeightPlan();
    const dims = q4TensorDims(k, n);
    const names = plan.add(
      [
        { name: 'w_Q4', dims: dims.packed, dataType: UINT8 },
        { name: 'w_scales', dims: dims.scales, dataType: FLOAT },
      ],
      () => [q.packed, q.scales],
    );
    g.input('x', FLOAT, [m, k]);
    g.output('q4', FLOAT, [m, n]);
    g.output('dequantized', FLOAT, [m, n]);
    g.output('fp32', FLOAT, [m, n]);
    g.op('Identity', [q4MatMul(g, 'x', { packed: names[0], scales: names[1] }, k, n)], {}, ['q4']);
    g.op('MatMul', ['x', g.constant('w_dequantized', [k, n], dequantizeQ4(q, n, k))], {}, ['dequantized']);
    g.op('MatMul', ['x', g.constant('w_fp32', [k, n], weight)], {}, ['fp32']);

    const folder = await mkdtemp(join(tmpdir(), 'docent-q4-'));
    try {
      const path = join(folder, 'matmul-q4.onnx');
      writeModel(path, g, plan, 'matmul-q4');
      const session = await ort.InferenceSession.create(path);
      const x = randomUniformWeights(9, 'x', m * k, 1);
      const out = await session.run({ x: new ort.Tensor('float32', x, [m, k]) });
      const [q4, dequantized, fp32] = ['q4', 'dequantized', 'fp32'].map((name) => out[name].data as Float32Array);
      // The same weights as external data (a second file the model points into) give the same outputs.
      const externalPath = join(folder, 'matmul-q4-external.onnx');
      const { externalBytes } = writeModel(externalPath, g, plan, 'matmul-q4', { externalData: 'matmul-q4-external.onnx_data' });
      expect(externalBytes).toBe(q.packed.length + 4 * q.scales.length);
      const external = await ort.InferenceSession.create(externalPath);
      expect(Array.from((await external.run({ x: new ort.Tensor('float32', x, [m, k]) })).q4.data as Float32Array)).toEqual(Array.from(q4));
      await external.release();
      const maxDifference = (a: Float32Array, b: Float32Array) => a.reduce((max, v, i) => Math.max(max, Math.abs(v - b[i])), 0);
      const size = fp32.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
      expect(maxDifference(q4, dequantized)).toBeLessThan(1e-5 * Math.max(1, size));
      // 4-bit weights: a few percent of the outputs' size, not more (a wrong layout or scale would be far off).
      expect(maxDifference(q4, fp32)).toBeLessThan(0.1 * size);
      expect(maxDifference(q4, fp32)).toBeGreaterThan(0);
      await session.release();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
