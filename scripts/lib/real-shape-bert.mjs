// A BERT encoder with the exact shape of a real one (all-MiniLM-L6-v2, gte-small, bge-small-en-v1.5), random
// weights, laid out like the Xenova feature-extraction exports: inputs input_ids, attention_mask, token_type_ids
// (int64 [batch, sequence]), output last_hidden_state [batch, sequence, hidden]; opset 13, so LayerNorm and GELU are
// decomposed exactly as torch.onnx exports them (and onnxruntime fuses them back at load time).
import { FLOAT, GraphBuilder, INT64 } from './onnx-graph.mjs';
import { weightOps } from './real-shape-ops.mjs';
import { WeightPlan } from './real-shape-writer.mjs';

/**
 * Parameters of BertModel without its pooler, from config.json arithmetic alone. The Xenova feature-extraction
 * exports output last_hidden_state only, so the pooler (hidden^2 + hidden) is not in their files.
 */
export function bertParameterCount(config, { pooler = false, classifier = false } = {}) {
  const h = config.hidden_size;
  const ffn = config.intermediate_size;
  const embeddings = (config.vocab_size + config.max_position_embeddings + config.type_vocab_size) * h + 2 * h;
  const layer = 4 * (h * h + h) + 2 * h + (h * ffn + ffn) + (ffn * h + h) + 2 * h;
  const labels = config.num_labels ?? 1;
  return embeddings + config.num_hidden_layers * layer + (pooler || classifier ? h * h + h : 0) + (classifier ? h * labels + labels : 0);
}

/**
 * Builds the graph and the weight plan; write them with writeModel(path, graph, plan, name). `classifier`: the graph of
 * BertForSequenceClassification instead (a cross-encoder's): the pooler (the first token, dense, tanh) and a
 * classifier, output `logits` [batch, num_labels].
 */
export function bertEncoder(config, { quantized = false, seed = 7, classifier = false } = {}) {
  const h = config.hidden_size;
  const heads = config.num_attention_heads;
  const headDim = h / heads;
  const ffn = config.intermediate_size;
  const eps = config.layer_norm_eps ?? 1e-12;
  const std = config.initializer_range ?? 0.02;
  if (config.hidden_act !== 'gelu') throw new Error(`Unsupported hidden_act ${config.hidden_act}`);

  const g = new GraphBuilder();
  const plan = new WeightPlan();
  const ops = weightOps(g, plan, { seed, weights: quantized ? 'int8' : 'fp32' });
  const dims = ['batch_size', 'sequence_length'];
  const inputIds = g.input('input_ids', INT64, dims);
  const attentionMask = g.input('attention_mask', INT64, dims);
  const tokenTypeIds = g.input('token_type_ids', INT64, dims);
  g.output(classifier ? 'logits' : 'last_hidden_state', FLOAT, classifier ? ['batch_size', config.num_labels ?? 1] : [...dims, h]);

  // LayerNorm as torch.onnx writes it at opset 13 (onnxruntime's LayerNormFusion recognises this form).
  const layerNorm = (x, name, outputName) => {
    const mean = g.op('ReduceMean', [x], { axes: [-1] });
    const centered = g.op('Sub', [x, mean]);
    const variance = g.op('ReduceMean', [g.op('Pow', [centered, g.floatScalar(2)])], { axes: [-1] });
    const normalized = g.op('Div', [centered, g.op('Sqrt', [g.op('Add', [variance, g.floatScalar(eps)])])]);
    const scaled = g.op('Mul', [normalized, ops.vector(`${name}.weight`, h, 1)]);
    return g.op('Add', [scaled, ops.vector(`${name}.bias`, h, 0)], {}, outputName ? [outputName] : 1);
  };
  // GELU, erf form: x * 0.5 * (1 + erf(x / sqrt 2)), in torch's order (GeluFusion's pattern).
  const gelu = (x) => {
    const erf = g.op('Erf', [g.op('Div', [x, g.floatScalar(Math.SQRT2)])]);
    return g.op('Mul', [g.op('Mul', [x, g.op('Add', [erf, g.floatScalar(1)])]), g.floatScalar(0.5)]);
  };

  // Embeddings: word + position (0..S-1) + token type, then LayerNorm.
  const sequenceLength = g.op('Gather', [g.op('Shape', [inputIds]), g.int64Scalar(1)]);
  const positionIds = g.op('Unsqueeze', [g.op('Range', [g.int64Scalar(0), sequenceLength, g.int64Scalar(1)]), g.int64s([0])]);
  const words = ops.gather(ops.matrix('embeddings.word_embeddings.weight', config.vocab_size, h, std, 'table'), inputIds);
  const positions = ops.gather(
    ops.matrix('embeddings.position_embeddings.weight', config.max_position_embeddings, h, std, 'table'),
    positionIds,
  );
  const tokenTypes = ops.gather(ops.matrix('embeddings.token_type_embeddings.weight', config.type_vocab_size, h, std, 'table'), tokenTypeIds);
  let x = layerNorm(g.op('Add', [g.op('Add', [words, tokenTypes]), positions]), 'embeddings.LayerNorm');

  // Extended attention mask: (1 - mask) * -10000, shape [batch, 1, 1, sequence], in the exported form
  // (Unsqueeze, Unsqueeze, Cast, Sub, Mul) that onnxruntime's AttentionFusion matches.
  const unsqueezed = g.op('Unsqueeze', [g.op('Unsqueeze', [attentionMask, g.int64s([1])]), g.int64s([2])]);
  const maskFloat = g.op('Cast', [unsqueezed], { to: FLOAT });
  const additiveMask = g.op('Mul', [g.op('Sub', [g.floatScalar(1), maskFloat]), g.floatScalar(-10000)]);

  const splitHeads = (t, perm) => g.op('Transpose', [g.op('Reshape', [t, g.int64s([0, 0, heads, headDim])])], { perm });
  for (let layer = 0; layer < config.num_hidden_layers; layer++) {
    const prefix = `encoder.layer.${layer}`;
    const dense = (input, name, inputs, outputs) => ops.linear(input, `${prefix}.${name}`, inputs, outputs, { std });
    const q = splitHeads(dense(x, 'attention.self.query', h, h), [0, 2, 1, 3]);
    const kT = splitHeads(dense(x, 'attention.self.key', h, h), [0, 2, 3, 1]);
    const v = splitHeads(dense(x, 'attention.self.value', h, h), [0, 2, 1, 3]);
    const scores = g.op('Add', [g.op('Div', [g.op('MatMul', [q, kT]), g.floatScalar(Math.sqrt(headDim))]), additiveMask]);
    const probabilities = g.op('Softmax', [scores], { axis: -1 });
    const context = g.op('Reshape', [
      g.op('Transpose', [g.op('MatMul', [probabilities, v])], { perm: [0, 2, 1, 3] }),
      g.int64s([0, 0, h]),
    ]);
    const attended = layerNorm(g.op('Add', [dense(context, 'attention.output.dense', h, h), x]), `${prefix}.attention.output.LayerNorm`);
    const intermediate = gelu(dense(attended, 'intermediate.dense', h, ffn));
    const last = layer === config.num_hidden_layers - 1 && !classifier;
    x = layerNorm(
      g.op('Add', [dense(intermediate, 'output.dense', ffn, h), attended]),
      `${prefix}.output.LayerNorm`,
      last ? 'last_hidden_state' : undefined,
    );
  }
  if (classifier) {
    const first = g.op('Gather', [x, g.int64Scalar(0)], { axis: 1 });
    const pooled = g.op('Tanh', [ops.linear(first, 'pooler.dense', h, h, { std })]);
    g.op('Identity', [ops.linear(pooled, 'classifier', h, config.num_labels ?? 1, { std })], {}, ['logits']);
  } else if (config.num_hidden_layers === 0) g.op('Identity', [x], {}, ['last_hidden_state']);
  return { graph: g, plan };
}
