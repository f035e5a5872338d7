// A llama decoder with the exact shape of a real one (SmolLM-360M-Instruct: 32 layers, hidden 960, 15 query heads,
// 5 key/value heads, MLP 2560, tied embeddings), random weights, with the interface transformers.js 2.17 gives a
// decoder_model_merged.onnx: inputs input_ids [b, s], attention_mask [b, past + s], position_ids [b, s],
// past_key_values.{i}.key|value [b, kv_heads, past, head_dim]; outputs logits [b, s, vocab], present.{i}.key|value.
// RMSNorm, rotary embeddings (rotate_half form) computed from position_ids, grouped-query attention (K/V repeated to
// the query heads with Expand + Reshape, as repeat_kv exports), causal + padding mask, SiLU-gated MLP, final
// RMSNorm, and an LM head that reads the embedding table itself (one initializer, as tie_word_embeddings says).
import { BOOL, FLOAT, GraphBuilder, INT64 } from './onnx-graph.mjs';
import { weightOps } from './real-shape-ops.mjs';
import { WeightPlan } from './real-shape-writer.mjs';

const FLOAT32_LOWEST = -3.4028234663852886e38;

/** Parameters of LlamaForCausalLM from config.json arithmetic alone (tied embeddings counted once). */
export function llamaParameterCount(config) {
  const h = config.hidden_size;
  const headDim = h / config.num_attention_heads;
  const kv = (config.num_key_value_heads ?? config.num_attention_heads) * headDim;
  const ffn = config.intermediate_size;
  const bias = config.attention_bias ? 2 * h + 2 * kv : 0;
  const layer = 2 * h * h + 2 * h * kv + bias + 3 * h * ffn + (config.mlp_bias ? 2 * ffn + h : 0) + 2 * h;
  const embeddings = config.vocab_size * h;
  return embeddings + config.num_hidden_layers * layer + h + (config.tie_word_embeddings ? 0 : embeddings);
}

export function llamaDecoder(config, { quantized = false, seed = 11 } = {}) {
  const h = config.hidden_size;
  const heads = config.num_attention_heads;
  const kvHeads = config.num_key_value_heads ?? heads;
  const headDim = h / heads;
  const groups = heads / kvHeads;
  const ffn = config.intermediate_size;
  const vocab = config.vocab_size;
  const eps = config.rms_norm_eps ?? 1e-6;
  const theta = config.rope_theta ?? 10000;
  const std = config.initializer_range ?? 0.02;
  if (!Number.isInteger(groups) || !Number.isInteger(headDim)) throw new Error('Heads do not divide the hidden size');
  if (config.rope_scaling) throw new Error('rope_scaling is not supported');
  if (config.hidden_act !== 'silu') throw new Error(`Unsupported hidden_act ${config.hidden_act}`);
  if (!config.tie_word_embeddings) throw new Error('Only tied embeddings are implemented');

  const g = new GraphBuilder();
  const plan = new WeightPlan();
  const ops = weightOps(g, plan, { seed, quantized });
  const inputIds = g.input('input_ids', INT64, ['batch_size', 'sequence_length']);
  const attentionMask = g.input('attention_mask', INT64, ['batch_size', 'total_sequence_length']);
  const positionIds = g.input('position_ids', INT64, ['batch_size', 'sequence_length']);
  g.output('logits', FLOAT, ['batch_size', 'sequence_length', vocab]);
  const pastShape = ['batch_size', kvHeads, 'past_sequence_length', headDim];
  const presentShape = ['batch_size', kvHeads, 'total_sequence_length', headDim];
  for (let layer = 0; layer < config.num_hidden_layers; layer++) {
    g.input(`past_key_values.${layer}.key`, FLOAT, pastShape);
    g.input(`past_key_values.${layer}.value`, FLOAT, pastShape);
  }

  const rmsNorm = (x, name) => {
    const meanSquare = g.op('ReduceMean', [g.op('Pow', [x, g.floatScalar(2)])], { axes: [-1] });
    const normalized = g.op('Div', [x, g.op('Sqrt', [g.op('Add', [meanSquare, g.floatScalar(eps)])])]);
    return g.op('Mul', [ops.vector(`${name}.weight`, h, 1), normalized]);
  };

  // Token embeddings from the tied table, stored [hidden, vocab] as the LM head's MatMul reads it: Gather along
  // axis 1 takes a column per token (hidden values), so neither use needs a transposed copy.
  const table = ops.matrix('model.embed_tokens.weight.T', h, vocab, std, 'table');
  let x = g.op('Transpose', [ops.gather(table, inputIds, 1)], { perm: [1, 2, 0] });

  // Rotary embeddings from position_ids: angle = position * theta^(-2i/d), cos/sin [b, 1, s, head_dim].
  const inverseFrequencies = Float32Array.from({ length: headDim / 2 }, (_, i) => 1 / theta ** ((2 * i) / headDim));
  const angles = g.op('Mul', [
    g.op('Unsqueeze', [g.op('Cast', [positionIds], { to: FLOAT }), g.int64s([2])]),
    g.constant('rotary_emb.inv_freq', [1, 1, headDim / 2], inverseFrequencies),
  ]);
  const doubled = g.op('Concat', [angles, angles], { axis: -1 });
  const cos = g.op('Unsqueeze', [g.op('Cos', [doubled]), g.int64s([1])]);
  const sin = g.op('Unsqueeze', [g.op('Sin', [doubled]), g.int64s([1])]);
  const half = g.int64s([headDim / 2]);
  const rotateHalf = (t) => {
    const first = g.op('Slice', [t, g.int64s([0]), half, g.int64s([3])]);
    const second = g.op('Slice', [t, half, g.int64s([headDim]), g.int64s([3])]);
    return g.op('Concat', [g.op('Neg', [second]), first], { axis: 3 });
  };
  const rotary = (t) => g.op('Add', [g.op('Mul', [t, cos]), g.op('Mul', [rotateHalf(t), sin])]);

  // Mask [b, 1, s, past + s]: query i (at past + i) sees keys 0..past + i that the attention mask keeps.
  const pastLength = g.op('Gather', [g.op('Shape', ['past_key_values.0.key']), g.int64Scalar(2)]);
  const newLength = g.op('Gather', [g.op('Shape', [inputIds]), g.int64Scalar(1)]);
  const totalLength = g.op('Add', [pastLength, newLength]);
  const one = g.int64Scalar(1);
  const queryPositions = g.op('Unsqueeze', [g.op('Range', [pastLength, totalLength, one]), g.int64s([1])]);
  const keyPositions = g.op('Unsqueeze', [g.op('Range', [g.int64Scalar(0), totalLength, one]), g.int64s([0])]);
  const causal = g.op('LessOrEqual', [keyPositions, queryPositions]);
  const padding = g.op('Unsqueeze', [g.op('Cast', [attentionMask], { to: BOOL }), g.int64s([1, 2])]);
  const additiveMask = g.op('Where', [g.op('And', [causal, padding]), g.floatScalar(0), g.floatScalar(FLOAT32_LOWEST)]);

  const toHeads = (t, count) => g.op('Transpose', [g.op('Reshape', [t, g.int64s([0, 0, count, headDim])])], { perm: [0, 2, 1, 3] });
  // repeat_kv: [b, kv, T, d] -> [b, kv, groups, T, d] -> [b, heads, T, d].
  const repeatKv = (t) =>
    groups === 1
      ? t
      : g.op('Reshape', [
          g.op('Expand', [g.op('Unsqueeze', [t, g.int64s([2])]), g.int64s([1, 1, groups, 1, 1])]),
          g.int64s([0, heads, -1, headDim]),
        ]);

  for (let layer = 0; layer < config.num_hidden_layers; layer++) {
    const prefix = `model.layers.${layer}`;
    const dense = (input, name, inputs, outputs) =>
      ops.linear(input, `${prefix}.${name}`, inputs, outputs, { std, bias: false });
    const normed = rmsNorm(x, `${prefix}.input_layernorm`);
    const q = rotary(toHeads(dense(normed, 'self_attn.q_proj', h, h), heads));
    const k = rotary(toHeads(dense(normed, 'self_attn.k_proj', h, kvHeads * headDim), kvHeads));
    const v = toHeads(dense(normed, 'self_attn.v_proj', h, kvHeads * headDim), kvHeads);
    const keys = g.op('Concat', [`past_key_values.${layer}.key`, k], { axis: 2 }, [g.output(`present.${layer}.key`, FLOAT, presentShape)]);
    const values = g.op('Concat', [`past_key_values.${layer}.value`, v], { axis: 2 }, [
      g.output(`present.${layer}.value`, FLOAT, presentShape),
    ]);
    const scores = g.op('Mul', [
      g.op('MatMul', [q, g.op('Transpose', [repeatKv(keys)], { perm: [0, 1, 3, 2] })]),
      g.floatScalar(1 / Math.sqrt(headDim)),
    ]);
    const probabilities = g.op('Softmax', [g.op('Add', [scores, additiveMask])], { axis: -1 });
    const context = g.op('Reshape', [
      g.op('Transpose', [g.op('MatMul', [probabilities, repeatKv(values)])], { perm: [0, 2, 1, 3] }),
      g.int64s([0, 0, h]),
    ]);
    x = g.op('Add', [x, dense(context, 'self_attn.o_proj', h, h)]);

    const normed2 = rmsNorm(x, `${prefix}.post_attention_layernorm`);
    const gate = dense(normed2, 'mlp.gate_proj', h, ffn);
    const activated = g.op('Mul', [gate, g.op('Sigmoid', [gate])]);
    const up = dense(normed2, 'mlp.up_proj', h, ffn);
    x = g.op('Add', [x, dense(g.op('Mul', [activated, up]), 'mlp.down_proj', ffn, h)]);
  }

  const final = rmsNorm(x, 'model.norm');
  g.op('Identity', [ops.matmul(final, table)], {}, ['logits']);
  return { graph: g, plan };
}
