// 4-bit weights as onnxruntime's MatMulNBits quantizer writes them: the `q4` files of transformers.js models
// (model_q4.onnx; its scripts/quantize.py runs MatMul4BitsQuantizer with block_size 32, is_symmetric true,
// accuracy_level unset, on MatMul nodes only; q4f16 is the same plus an fp16 conversion).
//
//   MatMul(x, W)  ->  MatMulNBits(x, B, scales)      domain com.microsoft; attributes K, N, bits = 4, block_size = 32
//
// W [K, N] is quantized per output column n, in blocks of 32 along K. B is uint8 [N, K / 32, 16]: two 4-bit codes a
// byte, the even k in the low nibble. scales is float [N * K / 32] (one per column and block, column-major in N).
// Symmetric: no zero_points input, so every block's zero point is MatMulNBits's default 8 and w = (code - 8) * scale.
// As in ORT's blockwise quantizer (MLAS), the scale is the block's value of largest magnitude, sign included, over -8:
// that value lands exactly on -8 and the rest of the block uses [-8, 7].
//
// onnxruntime runs MatMulNBits with its own kernels (MLAS SQNBitGemm on the CPU provider and in onnxruntime-web's
// wasm build): the weights stay 4-bit in memory and are expanded block by block inside the product.

export const Q4_BLOCK_SIZE = 32;

/**
 * Quantizes `rows` (row-major [n, k]: one row per MatMul output column, along K, MatMulNBits's own layout) to
 * {packed: Uint8Array [n * k / 2], scales: Float32Array [n * k / blockSize]}. Pieces of rows can be quantized one
 * after the other: their outputs concatenate.
 */
export function quantizeQ4Rows(rows, n, k, blockSize = Q4_BLOCK_SIZE) {
  if (k % blockSize !== 0 || blockSize % 2 !== 0) throw new Error(`K ${k} is not a multiple of the block size ${blockSize}`);
  if (rows.length !== n * k) throw new Error(`Expected ${n} x ${k} values, got ${rows.length}`);
  const blocks = (n * k) / blockSize;
  const packed = new Uint8Array((n * k) / 2);
  const scales = new Float32Array(blocks);
  for (let block = 0; block < blocks; block++) {
    const start = block * blockSize;
    let extreme = 0;
    for (let i = start; i < start + blockSize; i++) if (Math.abs(rows[i]) > Math.abs(extreme)) extreme = rows[i];
    const scale = Math.fround(extreme / -8);
    scales[block] = scale;
    const inverse = scale === 0 ? 0 : 1 / scale;
    for (let i = start; i < start + blockSize; i += 2) {
      packed[i >> 1] = code(rows[i], inverse) | (code(rows[i + 1], inverse) << 4);
    }
  }
  return { packed, scales };
}

/** A value's 4-bit code: round(value / scale) in [-8, 7], stored with the zero point 8 added. */
function code(value, inverseScale) {
  const q = Math.round(value * inverseScale);
  return (q < -8 ? -8 : q > 7 ? 7 : q) + 8;
}

/** A MatMul weight [k, n] (row-major, as the MatMul reads it) transposed to MatMulNBits's rows [n, k]. */
export function weightToRows(weight, k, n) {
  const rows = new Float32Array(k * n);
  for (let r = 0; r < k; r++) {
    const base = r * n;
    for (let c = 0; c < n; c++) rows[c * k + r] = weight[base + c];
  }
  return rows;
}

/** The inverse, for tests: the MatMul weight [k, n] that a quantized {packed, scales} stands for. */
export function dequantizeQ4({ packed, scales }, n, k, blockSize = Q4_BLOCK_SIZE) {
  const weight = new Float32Array(k * n);
  for (let c = 0; c < n; c++) {
    for (let r = 0; r < k; r++) {
      const i = c * k + r;
      const nibble = i % 2 === 0 ? packed[i >> 1] & 15 : packed[i >> 1] >> 4;
      weight[r * n + c] = (nibble - 8) * scales[Math.floor(i / blockSize)];
    }
  }
  return weight;
}

/** Shapes of a MatMulNBits weight's tensors for a [k, n] MatMul weight. */
export function q4TensorDims(k, n, blockSize = Q4_BLOCK_SIZE) {
  return { packed: [n, k / blockSize, blockSize / 2], scales: [(n * k) / blockSize] };
}

/** Emits x [..., k] times a 4-bit weight (names of its packed data and scales) -> [..., n]. */
export function q4MatMul(g, x, { packed, scales }, k, n, blockSize = Q4_BLOCK_SIZE) {
  return g.op('MatMulNBits', [x, packed, scales], { K: k, N: n, bits: 4, block_size: blockSize });
}
