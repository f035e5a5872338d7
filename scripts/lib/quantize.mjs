// int8 dynamic quantization as onnxruntime's quantize_dynamic writes it (the Xenova `model_quantized.onnx` files:
// weight_type QInt8, per_channel, reduce_range; see gte-small's quantize_config.json).
//
//   MatMul(x, W)  ->  xq, xs, xzp = DynamicQuantizeLinear(x)            (uint8 activations, one per activation,
//                     y = MatMulInteger(xq, Wq, xzp, Wzp)                 shared by the MatMuls that read it)
//                     Mul(Cast(y, float), Mul(xs, Ws))                    (Wq int8 [K, N], Ws and Wzp per column N)
//   Gather(E, ids) -> DequantizeLinear(Gather(Eq, ids), Es, Ezp)           (Eq int8, one scale: the table is 4x smaller)
//
// onnxruntime fuses the MatMul pattern into DynamicQuantizeMatMul at load time and runs integer (MLAS u8s8) kernels,
// on the CPU provider and in onnxruntime-web's wasm build alike. Weights are symmetric (zero point 0): ORT's choice
// for int8. Only MatMuls with a constant weight are quantized (attention's Q.K^T and P.V stay float, as ORT's
// MatMulConstBOnly does).
import { FLOAT } from './onnx-graph.mjs';

/**
 * Symmetric int8 quantization of a row-major [rows, cols] matrix, per column (`perChannel`, the N axis of a MatMul
 * weight, the only per-channel axis MatMulInteger can apply after the integer product) or per tensor.
 * `reduceRange` uses 7 bits ([-64, 64]) like ORT's reduce_range, which avoids u8s8 overflow on AVX2 hosts.
 */
export function quantizeInt8(data, rows, cols, { perChannel = true, reduceRange = true } = {}) {
  const qmax = reduceRange ? 64 : 127;
  const channels = perChannel ? cols : 1;
  const absMax = new Float32Array(channels);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      const value = Math.abs(data[base + c]);
      const channel = perChannel ? c : 0;
      if (value > absMax[channel]) absMax[channel] = value;
    }
  }
  const scales = absMax.map((m) => (m > 0 ? m / qmax : 1));
  const inverse = scales.map((s) => 1 / s);
  const quantized = new Int8Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      const q = Math.round(data[base + c] * inverse[perChannel ? c : 0]);
      quantized[base + c] = q > qmax ? qmax : q < -qmax ? -qmax : q;
    }
  }
  return { quantized, scales, zeroPoints: new Int8Array(channels) };
}

/** The inverse, for tests: float values the quantized tensor stands for. */
export function dequantizeInt8({ quantized, scales }, cols) {
  const perChannel = scales.length > 1;
  return Float32Array.from(quantized, (q, i) => q * scales[perChannel ? i % cols : 0]);
}

/**
 * Emits the quantized MatMul of activation `x` by an int8 weight (names of the int8 data, scales, zero points).
 * `activationCache` (a Map) shares one DynamicQuantizeLinear among the MatMuls that read the same activation.
 */
export function quantizedMatMul(g, x, { quantized, scales, zeroPoints }, activationCache) {
  let activation = activationCache.get(x);
  if (!activation) {
    activation = g.op('DynamicQuantizeLinear', [x], {}, 3);
    activationCache.set(x, activation);
  }
  const [xq, xScale, xZeroPoint] = activation;
  const product = g.op('MatMulInteger', [xq, quantized, xZeroPoint, zeroPoints]);
  const scale = g.op('Mul', [xScale, scales]);
  return g.op('Mul', [g.op('Cast', [product], { to: FLOAT }), scale]);
}

/** Gather from an int8 table quantized per tensor, then dequantize only the gathered rows (or columns). */
export function dequantizedGather(g, { quantized, scales, zeroPoints }, indices, axis = 0) {
  return g.op('DequantizeLinear', [g.op('Gather', [quantized, indices], { axis }), scales, zeroPoints]);
}
