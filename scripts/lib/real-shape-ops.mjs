// Weight-carrying building blocks shared by the real-shape encoder and decoder, in fp32 or int8.
// Every weight is declared in a WeightPlan (counted up front, generated while the file is written) and seeded by its
// name, so the fp32 and the int8 file of a model carry the same weights, the int8 one quantized.
import { FLOAT } from './onnx-graph.mjs';
import { dequantizedGather, quantizeInt8, quantizedMatMul } from './quantize.mjs';
import { INT8, randomUniformWeights } from './real-shape-writer.mjs';

/**
 * @param g GraphBuilder for nodes and shape constants
 * @param plan WeightPlan receiving the weights
 * @param options.seed model seed; options.quantized: int8 weights (quantize_dynamic's pattern) instead of fp32
 */
export function weightOps(g, plan, { seed, quantized = false, reduceRange = true }) {
  const activationCache = new Map();

  /** A constant vector (LayerNorm/RMSNorm weight = 1, bias = 0): small, always fp32, a parameter. */
  const vector = (name, length, value) => {
    plan.add([{ name, dims: [length], dataType: FLOAT }], () => [new Float32Array(length).fill(value)]);
    return name;
  };

  /**
   * A [rows, cols] random weight. `use` says how the graph reads it: 'matmul' (quantized per column) or 'table'
   * (read by Gather, and possibly also by a MatMul when tied: quantized per tensor). Returns a handle for matmul/gather.
   */
  const matrix = (name, rows, cols, std, use = 'matmul') => {
    const generate = () => randomUniformWeights(seed, name, rows * cols, std);
    if (!quantized) {
      plan.add([{ name, dims: [rows, cols], dataType: FLOAT }], () => [generate()]);
      return { name, rows, cols };
    }
    const perChannel = use === 'matmul';
    const channels = perChannel ? [cols] : [];
    const names = {
      quantized: `${name}_quantized`,
      scales: `${name}_scale`,
      zeroPoints: `${name}_zero_point`,
    };
    plan.add(
      [
        { name: names.quantized, dims: [rows, cols], dataType: INT8 },
        { name: names.scales, dims: channels, dataType: FLOAT, parameter: false },
        { name: names.zeroPoints, dims: channels, dataType: INT8, parameter: false },
      ],
      () => {
        const q = quantizeInt8(generate(), rows, cols, { perChannel, reduceRange: perChannel && reduceRange });
        return [q.quantized, q.scales, q.zeroPoints];
      },
    );
    return { name, rows, cols, int8: names };
  };

  /** x [..., rows] times a weight handle -> [..., cols]. */
  const matmul = (x, weight) =>
    weight.int8 ? quantizedMatMul(g, x, weight.int8, activationCache) : g.op('MatMul', [x, weight.name]);

  /** Gather rows (axis 0) or columns (axis 1) of a table handle. */
  const gather = (table, indices, axis = 0) =>
    table.int8 ? dequantizedGather(g, table.int8, indices, axis) : g.op('Gather', [table.name, indices], { axis });

  /** A dense layer: weight [inputs, outputs] (stored as exported MatMul weights are) plus an optional zero bias. */
  const linear = (x, name, inputs, outputs, { std, bias = true }) => {
    const product = matmul(x, matrix(`${name}.weight`, inputs, outputs, std));
    return bias ? g.op('Add', [product, vector(`${name}.bias`, outputs, 0)]) : product;
  };

  return { vector, matrix, matmul, gather, linear };
}
