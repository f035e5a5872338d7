// Builds and writes large random-weight ONNX models without ever holding the whole file in memory.
//
// The small part of a model (nodes, inputs, outputs, shape constants) is built with GraphBuilder and encoded by
// protobufjs. The weights are "lazy" tensors: their names, shapes and types are known up front (so parameters can be
// counted and byte lengths computed without generating anything), and their data is produced one group at a time
// while the file is written. protobufjs would need the whole model (1.4 GB for a 360M-parameter fp32 decoder) in
// one buffer; here each tensor is generated, written and dropped.
//
// Wire format used (https://protobuf.dev/programming-guides/encoding/): a length-delimited field is
// varint(field << 3 | 2), varint(byte length), bytes. Fields may come in any order, and repeated fields
// (GraphProto.initializer) may be split around other fields, so the file is:
//   ModelProto fields from protobufjs (ir_version, producer, opset_import)
//   tag(ModelProto.graph = 7), varint(graph length),
//     GraphProto fields from protobufjs (nodes, inputs, outputs, small initializers)
//     for each weight: tag(GraphProto.initializer = 5), varint(length),
//       TensorProto { dims = 1 (packed varints), data_type = 2, name = 8, raw_data = 9 }
// With external data (ONNX's way past protobuf's 2 GB, and what lets ONNX Runtime Web load a big model without a
// second copy of its bytes in wasm memory), each TensorProto says where its data is in a second file
// (external_data = 13: location, offset, length; data_location = 14: EXTERNAL) and the data goes there instead.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import onnxProto from 'onnx-proto';
import { seededRandom } from './onnx-graph.mjs';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;

export const INT8 = DataType.INT8;
export const UINT8 = DataType.UINT8;

/** 2^31 - 1 bytes. */
export const PROTOBUF_LIMIT = 2_147_483_647;

const BYTES = { [DataType.FLOAT]: 4, [DataType.INT64]: 8, [DataType.INT8]: 1, [DataType.UINT8]: 1, [DataType.INT32]: 4 };

/** FNV-1a of a string: a per-tensor seed, so a weight's values do not depend on build order or on quantization. */
function hashName(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Deterministic random weights: uniform in [-a, a] with a = std * sqrt(3), so the standard deviation is `std`.
 * A xorshift32 stream seeded (through seededRandom, mulberry32) from the model seed and the tensor name: ~1 ns a
 * value, where Box-Muller normals would take minutes for 360M values. Random weights only make compute cost
 * honest; the distribution does not matter beyond keeping activations in a normal range (no overflow, no denormals).
 */
export function randomUniformWeights(seed, name, count, std) {
  return uniformWeightStream(seed, name, std).next(count);
}

/**
 * The same values as randomUniformWeights, drawn a piece at a time: `next(count)` returns the stream's next `count`
 * values. A 100k-token embedding table (822 MB in fp32 at hidden 2048) is then written without holding it whole.
 */
export function uniformWeightStream(seed, name, std) {
  let state = Math.floor(seededRandom((seed ^ hashName(name)) >>> 0).uniform() * 4294967295) | 1;
  const scale = (std * Math.sqrt(3) * 2) / 4294967296;
  const offset = std * Math.sqrt(3);
  return {
    next(count) {
      const data = new Float32Array(count);
      for (let i = 0; i < count; i++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        data[i] = (state >>> 0) * scale - offset;
      }
      return data;
    },
  };
}

function varintLength(value) {
  let length = 1;
  while (value >= 128) {
    value = Math.floor(value / 128);
    length++;
  }
  return length;
}

function writeVarint(bytes, offset, value) {
  while (value >= 128) {
    bytes[offset++] = (value % 128) | 128;
    value = Math.floor(value / 128);
  }
  bytes[offset++] = value;
  return offset;
}

/** TensorProto bytes up to and including raw_data's length prefix; the raw bytes follow. */
function tensorHeader(name, dims, dataType, rawLength) {
  const nameBytes = Buffer.from(name, 'utf8');
  const dimsLength = dims.reduce((sum, d) => sum + varintLength(d), 0);
  const size =
    (dims.length ? 1 + varintLength(dimsLength) + dimsLength : 0) +
    1 + varintLength(dataType) +
    1 + varintLength(nameBytes.length) + nameBytes.length +
    1 + varintLength(rawLength);
  const bytes = new Uint8Array(size);
  let offset = 0;
  if (dims.length) {
    bytes[offset++] = (1 << 3) | 2;
    offset = writeVarint(bytes, offset, dimsLength);
    for (const d of dims) offset = writeVarint(bytes, offset, d);
  }
  bytes[offset++] = (2 << 3) | 0;
  offset = writeVarint(bytes, offset, dataType);
  bytes[offset++] = (8 << 3) | 2;
  offset = writeVarint(bytes, offset, nameBytes.length);
  bytes.set(nameBytes, offset);
  offset += nameBytes.length;
  bytes[offset++] = (9 << 3) | 2;
  if (writeVarint(bytes, offset, rawLength) !== size) throw new Error(`${name}: tensor header size mismatch`);
  return bytes;
}

/**
 * TensorProto of a tensor whose data is in an external file (ONNX's external data: where in which file), written by
 * protobufjs: without raw data it is small.
 */
function externalTensorProto(tensor, location, offset, length) {
  return onnx.TensorProto.encode({
    name: tensor.name,
    dims: tensor.dims,
    dataType: tensor.dataType,
    dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
    externalData: [
      { key: 'location', value: location },
      { key: 'offset', value: String(offset) },
      { key: 'length', value: String(length) },
    ],
  }).finish();
}

function fieldPrefix(field, length) {
  const bytes = new Uint8Array(1 + varintLength(length));
  bytes[0] = (field << 3) | 2;
  writeVarint(bytes, 1, length);
  return bytes;
}

/**
 * The weights of one model: groups of tensors declared with their shapes and produced together on demand (a
 * quantized weight produces its int8 data, scales and zero points at once).
 */
export class WeightPlan {
  groups = [];
  #names = new Set();

  /**
   * Declares tensors [{name, dims, dataType, parameter}] that `produce()` returns, same order: each a typed array, or
   * a function returning an iterable of typed arrays (the tensor's data in pieces, consumed when the tensor is
   * written, after the ones before it). `parameter: false` marks what is not a model parameter: quantization scales
   * and zero points, and the 4-bit copy of a tied embedding table that an LM head reads.
   */
  add(tensors, produce) {
    for (const tensor of tensors) {
      if (this.#names.has(tensor.name)) throw new Error(`Duplicate initializer ${tensor.name}`);
      this.#names.add(tensor.name);
    }
    this.groups.push({ tensors, produce });
    return tensors.map((tensor) => tensor.name);
  }

  /**
   * Parameters the tensors hold (weights, biases, norms, embeddings): their elements, or `parameters` where a tensor
   * packs several in one element (two 4-bit weights a byte).
   */
  parameterCount() {
    let count = 0;
    for (const { tensors } of this.groups) {
      for (const tensor of tensors) {
        if (tensor.parameter !== false) count += tensor.parameters ?? tensor.dims.reduce((a, b) => a * b, 1);
      }
    }
    return count;
  }

  /** Bytes of all the tensors' raw data. */
  dataBytes() {
    let bytes = 0;
    for (const { tensors } of this.groups) {
      for (const tensor of tensors) bytes += tensor.dims.reduce((a, b) => a * b, 1) * BYTES[tensor.dataType];
    }
    return bytes;
  }
}

/**
 * Each tensor's bytes in the model file: its GraphProto.initializer prefix and TensorProto header, followed by its raw
 * data, or, with `external` ({location, bytes}: the data file and its length so far), pointing into the data file.
 */
function tensorEntries(group, external) {
  return group.tensors.map((tensor) => {
    const rawLength = tensor.dims.reduce((a, b) => a * b, 1) * BYTES[tensor.dataType];
    if (external) {
      const header = externalTensorProto(tensor, external.location, external.bytes, rawLength);
      external.bytes += rawLength;
      const prefix = fieldPrefix(5, header.length);
      return { tensor, rawLength, header, prefix, size: prefix.length + header.length };
    }
    const header = tensorHeader(tensor.name, tensor.dims, tensor.dataType, rawLength);
    const prefix = fieldPrefix(5, header.length + rawLength);
    return { tensor, rawLength, header, prefix, size: prefix.length + header.length + rawLength };
  });
}

function writeAll(fd, bytes) {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (offset < view.length) offset += writeSync(fd, view, offset, Math.min(view.length - offset, 1 << 30));
}

/** ONNX Runtime's contrib operators the real-shape models use: MatMulNBits, the 4-bit weight MatMul of q4 files. */
const CONTRIB_OPS = new Set(['MatMulNBits']);

/** GraphBuilder writes every node in the default domain: contrib ops get ONNX Runtime's, which the model imports. */
function useContribDomain(model) {
  const contrib = model.graph.node.filter((node) => CONTRIB_OPS.has(node.opType));
  for (const node of contrib) node.domain = 'com.microsoft';
  if (contrib.length) model.opsetImport.push(onnx.OperatorSetIdProto.create({ domain: 'com.microsoft', version: 1 }));
}

/**
 * The file's parts before any weight is generated: protobufjs's head bytes, the weights' framing, the sizes of the
 * model file and of its external data file (0 without one).
 */
function layout(graphBuilder, plan, graphName, externalData) {
  const model = onnx.ModelProto.decode(graphBuilder.encode(graphName));
  useContribDomain(model);
  const graphHead = onnx.GraphProto.encode(model.graph).finish();
  model.graph = null;
  const modelHead = onnx.ModelProto.encode(model).finish();
  const external = externalData ? { location: externalData, bytes: 0 } : undefined;
  const entries = plan.groups.map((group) => tensorEntries(group, external));
  const graphLength = graphHead.length + entries.flat().reduce((sum, entry) => sum + entry.size, 0);
  const graphPrefix = fieldPrefix(7, graphLength);
  const fileBytes = modelHead.length + graphPrefix.length + graphLength;
  return { modelHead, graphPrefix, graphHead, entries, fileBytes, externalBytes: external?.bytes ?? 0 };
}

/** The sizes writeModel would write ({bytes, externalBytes}), computed without generating a weight. */
export function modelFileBytes(graphBuilder, plan, graphName, { externalData } = {}) {
  const { fileBytes, externalBytes } = layout(graphBuilder, plan, graphName, externalData);
  return { bytes: fileBytes, externalBytes };
}

/**
 * Writes `graphBuilder`'s model plus the plan's weights to `path`, streaming. `externalData`: a file name beside
 * `path` that receives every weight's data (ONNX external data; the model file then holds the graph only).
 * Returns {bytes, externalBytes}: the model file's size and the data file's (0 without one).
 * `graphBuilder.encode` must not already contain the plan's tensors (they are referenced by name only).
 */
export function writeModel(path, graphBuilder, plan, graphName, { externalData } = {}) {
  const { modelHead, graphPrefix, graphHead, entries, fileBytes, externalBytes } = layout(graphBuilder, plan, graphName, externalData);
  // protobuf's limit for one message, which ONNX Runtime enforces when it parses a model file.
  if (fileBytes > PROTOBUF_LIMIT) throw new Error(`${path}: ${fileBytes} bytes is over protobuf's 2 GB limit (${PROTOBUF_LIMIT}): use external data`);
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  const dataFd = externalData ? openSync(join(dirname(path), externalData), 'w') : fd;
  try {
    writeAll(fd, modelHead);
    writeAll(fd, graphPrefix);
    writeAll(fd, graphHead);
    plan.groups.forEach((group, index) => {
      const produced = group.produce();
      entries[index].forEach((entry, i) => {
        writeAll(fd, entry.prefix);
        writeAll(fd, entry.header);
        const pieces = typeof produced[i] === 'function' ? produced[i]() : [produced[i]];
        let written = 0;
        for (const piece of pieces) {
          writeAll(dataFd, piece);
          written += piece.byteLength;
        }
        if (written !== entry.rawLength) throw new Error(`${entry.tensor.name}: ${written} bytes, expected ${entry.rawLength}`);
      });
    });
  } finally {
    closeSync(fd);
    if (dataFd !== fd) closeSync(dataFd);
  }
  return { bytes: fileBytes, externalBytes };
}
