// A small builder for ONNX graphs, written with onnx-proto so the project can generate its own models
// (no Python, no network). Used for the tiny test models and for random-weight models of real shapes.
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;
const { AttributeType } = onnx.AttributeProto;

export const FLOAT = DataType.FLOAT;
export const INT64 = DataType.INT64;
export const BOOL = DataType.BOOL;

/** Deterministic pseudo-random numbers (mulberry32), so generated models are byte-identical across runs. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const u = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  return { uniform, normal };
}

export function randomMatrix(random, rows, cols, scale) {
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = random.normal() * scale;
  return data;
}

function attribute(name, value) {
  if (typeof value === 'number' && Number.isInteger(value)) return { name, type: AttributeType.INT, i: value };
  if (typeof value === 'number') return { name, type: AttributeType.FLOAT, f: value };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  if (value && typeof value === 'object' && 'tensor' in value) return { name, type: AttributeType.TENSOR, t: value.tensor };
  throw new Error(`Unsupported attribute ${name}`);
}

function tensorProto(name, dims, data) {
  const dataType = data instanceof Float32Array ? FLOAT : data instanceof BigInt64Array ? INT64 : BOOL;
  const rawData = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return { name, dims, dataType, rawData };
}

function valueInfo(name, elemType, shape) {
  const dim = shape.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

export class GraphBuilder {
  #nodes = [];
  #initializers = [];
  #inputs = [];
  #outputs = [];
  #counter = 0;

  input(name, elemType, shape) {
    this.#inputs.push(valueInfo(name, elemType, shape));
    return name;
  }

  output(name, elemType, shape) {
    this.#outputs.push(valueInfo(name, elemType, shape));
    return name;
  }

  /** A constant tensor stored in the graph; `data` is a Float32Array or BigInt64Array. */
  constant(name, dims, data) {
    this.#initializers.push(tensorProto(name, dims, data));
    return name;
  }

  int64s(values) {
    return this.constant(`const_${this.#counter++}`, [values.length], BigInt64Array.from(values.map(BigInt)));
  }

  int64Scalar(value) {
    return this.constant(`const_${this.#counter++}`, [], BigInt64Array.of(BigInt(value)));
  }

  floatScalar(value) {
    return this.constant(`const_${this.#counter++}`, [], Float32Array.of(value));
  }

  /** Adds one node; returns its output name (or names, when `outputs` is a number above 1 or an array). */
  op(opType, inputs, attributes = {}, outputs = 1) {
    const outputNames = Array.isArray(outputs)
      ? outputs
      : Array.from({ length: outputs }, () => `${opType.toLowerCase()}_${this.#counter++}`);
    this.#nodes.push({
      opType,
      name: `${opType}_${this.#counter++}`,
      input: inputs,
      output: outputNames,
      attribute: Object.entries(attributes).map(([key, value]) => attribute(key, value)),
    });
    return outputNames.length === 1 ? outputNames[0] : outputNames;
  }

  /** Encodes the model as ONNX bytes (IR 7, opset 13: what onnxruntime-web 1.14 runs). */
  encode(graphName) {
    const model = onnx.ModelProto.create({
      irVersion: 7,
      producerName: 'docent-scripts',
      opsetImport: [{ domain: '', version: 13 }],
      graph: {
        name: graphName,
        node: this.#nodes,
        initializer: this.#initializers,
        input: this.#inputs,
        output: this.#outputs,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}
