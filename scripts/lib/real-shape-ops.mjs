// Weight-carrying building blocks shared by the real-shape encoder and decoder, in fp32, int8 or 4-bit.
// Every weight is declared in a WeightPlan (counted up front, generated while the file is written) and seeded by its
// name, so the fp32, int8 and q4 files of a model carry the same weights, quantized.
import { FLOAT } from './onnx-graph.mjs';
import { dequantizedGather, quantizeInt8, quantizedMatMul } from './quantize.mjs';
import { q4MatMul, q4TensorDims, quantizeQ4Rows, weightToRows } from './quantize-q4.mjs';
import { INT8, randomUniformWeights, UINT8, uniformWeightStream } from './real-shape-writer.mjs';

/** Weight formats: onnxruntime's quantize_dynamic (int8, model_quantized.onnx) and MatMulNBits (q4, model_q4.onnx). */
export const WEIGHT_FORMATS = ['fp32', 'int8', 'q4'];

/** Rows of an embedding table generated, written and dropped at a time (16 MB at hidden 2048). */
const TABLE_ROWS_PER_PIECE = 2048;

/**
 * @param g GraphBuilder for nodes and shape constants
 * @param plan WeightPlan receiving the weights
 * @param options.seed model seed; options.weights: 'fp32', 'int8' (quantize_dynamic's pattern) or 'q4' (MatMulNBits)
 */
export function weightOps(g, plan, { seed, weights = 'fp32', reduceRange = true }) {
  if (!WEIGHT_FORMATS.includes(weights)) throw new Error(`Unknown weight format ${weights}; known: ${WEIGHT_FORMATS.join(', ')}`);
  const activationCache = new Map();

  /** A constant vector (LayerNorm/RMSNorm weight = 1, bias = 0): small, always fp32, a parameter. */
  const vector = (name, length, value) => {
    plan.add([{ name, dims: [length], dataType: FLOAT }], () => [new Float32Array(length).fill(value)]);
    return name;
  };

  const fp32Matrix = (name, rows, cols, std) => {
    plan.add([{ name, dims: [rows, cols], dataType: FLOAT }], () => [randomUniformWeights(seed, name, rows * cols, std)]);
    return { name, rows, cols };
  };

  /** int8 as quantize_dynamic writes it: per column for a MatMul weight, per tensor for a table Gather reads. */
  const int8Matrix = (name, rows, cols, std, perChannel) => {
    const channels = perChannel ? [cols] : [];
    const names = { quantized: `${name}_quantized`, scales: `${name}_scale`, zeroPoints: `${name}_zero_point` };
    plan.add(
      [
        { name: names.quantized, dims: [rows, cols], dataType: INT8 },
        { name: names.scales, dims: channels, dataType: FLOAT, parameter: false },
        { name: names.zeroPoints, dims: channels, dataType: INT8, parameter: false },
      ],
      () => {
        const data = randomUniformWeights(seed, name, rows * cols, std);
        const q = quantizeInt8(data, rows, cols, { perChannel, reduceRange: perChannel && reduceRange });
        return [q.quantized, q.scales, q.zeroPoints];
      },
    );
    return { name, rows, cols, int8: names };
  };

  /** A MatMul weight [k, n] as MatMulNBits reads it: 4-bit blocks of 32 along K, one fp32 scale a block. */
  const q4Matrix = (name, k, n, std) => {
    const dims = q4TensorDims(k, n);
    const names = { packed: `${name}_Q4`, scales: `${name}_scales` };
    plan.add(
      [
        { name: names.packed, dims: dims.packed, dataType: UINT8, parameters: k * n },
        { name: names.scales, dims: dims.scales, dataType: FLOAT, parameter: false },
      ],
      () => {
        const q = quantizeQ4Rows(weightToRows(randomUniformWeights(seed, name, k * n, std), k, n), n, k);
        return [q.packed, q.scales];
      },
    );
    return { name, rows: k, cols: n, q4: names };
  };

  /**
   * A [rows, cols] random weight. `use` says how the graph reads it: 'matmul' (quantized per column, or in 4-bit
   * blocks) or 'table' (read by Gather, and possibly also by a MatMul when tied: int8 per tensor, fp32 in q4 files,
   * whose quantizer handles MatMul only). Returns a handle for matmul/gather.
   */
  const matrix = (name, rows, cols, std, use = 'matmul') => {
    if (weights === 'int8') return int8Matrix(name, rows, cols, std, use === 'matmul');
    if (weights === 'q4' && use === 'matmul') return q4Matrix(name, rows, cols, std);
    return fp32Matrix(name, rows, cols, std);
  };

  /** x [..., rows] times a weight handle -> [..., cols]. */
  const matmul = (x, weight) => {
    if (weight.int8) return quantizedMatMul(g, x, weight.int8, activationCache);
    if (weight.q4) return q4MatMul(g, x, weight.q4, weight.rows, weight.cols);
    return g.op('MatMul', [x, weight.name]);
  };

  /** Gather rows (axis 0) or columns (axis 1) of a table handle. */
  const gather = (table, indices, axis = 0) =>
    table.int8 ? dequantizedGather(g, table.int8, indices, axis) : g.op('Gather', [table.name, indices], { axis });

  /** A dense layer: weight [inputs, outputs] (stored as exported MatMul weights are) plus an optional zero bias. */
  const linear = (x, name, inputs, outputs, { std, bias = true }) => {
    const product = matmul(x, matrix(`${name}.weight`, inputs, outputs, std));
    return bias ? g.op('Add', [product, vector(`${name}.bias`, outputs, 0)]) : product;
  };

  /**
   * A tied embedding table [vocab, hidden] read twice: `embed(ids)` -> [b, s, hidden] and `lmHead(x)` -> [b, s, vocab].
   * fp32 and int8 keep one initializer, stored [hidden, vocab] as the LM head's MatMul reads it (Gather along axis 1
   * takes a column per token, so neither use needs a transposed copy; int8: one scale, as quantize_dynamic writes a
   * Gather's table). q4 is what a q4 export holds: the table in fp32 for the Gather, and the LM head, which an export
   * gives its own constant (the transposed table), in 4-bit; that copy is no parameter of its own.
   */
  const tiedEmbedding = (name, vocab, hidden, std) => {
    if (weights !== 'q4') {
      const table = matrix(`${name}.T`, hidden, vocab, std, 'table');
      return {
        embed: (ids) => g.op('Transpose', [gather(table, ids, 1)], { perm: [1, 2, 0] }),
        lmHead: (x) => matmul(x, table),
      };
    }
    // The table's rows along hidden are the LM head's MatMulNBits rows (one per vocab entry, along K = hidden).
    const rowPieces = function* (each) {
      const stream = uniformWeightStream(seed, name, std);
      for (let row = 0; row < vocab; row += TABLE_ROWS_PER_PIECE) {
        const count = Math.min(TABLE_ROWS_PER_PIECE, vocab - row);
        yield each(stream.next(count * hidden), count);
      }
    };
    plan.add([{ name, dims: [vocab, hidden], dataType: FLOAT }], () => [() => rowPieces((rows) => rows)]);
    const head = { packed: `lm_head.weight_Q4`, scales: `lm_head.weight_scales` };
    const dims = q4TensorDims(hidden, vocab);
    plan.add(
      [
        { name: head.packed, dims: dims.packed, dataType: UINT8, parameter: false },
        { name: head.scales, dims: dims.scales, dataType: FLOAT, parameter: false },
      ],
      () => {
        const scales = [];
        const packed = () => rowPieces((rows, count) => {
          const q = quantizeQ4Rows(rows, count, hidden);
          scales.push(q.scales);
          return q.packed;
        });
        return [packed, () => scales];
      },
    );
    return {
      embed: (ids) => g.op('Gather', [name, ids], { axis: 0 }),
      lmHead: (x) => q4MatMul(g, x, head, hidden, vocab),
    };
  };

  return { vector, matrix, matmul, gather, linear, tiedEmbedding };
}
