// A llama decoder with the exact shape of a real one, random weights: SmolLM-360M-Instruct (32 layers, hidden 960, 15
// query heads, 5 key/value heads, MLP 2560, tied embeddings) or a dense Granite 4.0 (granitemoehybrid whose layers are
// all attention: the same decoder plus four scalar multipliers). The interface transformers.js gives a decoder:
// inputs input_ids [b, s], attention_mask [b, past + s], position_ids [b, s], past_key_values.{i}.key|value
// [b, kv_heads, past, head_dim]; outputs logits [b, s, vocab], present.{i}.key|value.
// RMSNorm, rotary embeddings (rotate_half form) computed from position_ids, grouped-query attention (K/V repeated to
// the query heads with Expand + Reshape, as repeat_kv exports), causal + padding mask, SiLU-gated MLP, final
// RMSNorm, and an LM head reading the tied embedding table (see weightOps.tiedEmbedding for how each format holds it).
import { BOOL, FLOAT, GraphBuilder, INT64 } from './onnx-graph.mjs';
import { weightOps } from './real-shape-ops.mjs';
import { WeightPlan } from './real-shape-writer.mjs';

const FLOAT32_LOWEST = -3.4028234663852886e38;

/**
 * The decoder's dimensions from config.json: head_dim where given (else hidden / heads), the MLP of a dense Granite
 * (its shared_mlp: shared_intermediate_size), and Granite's multipliers (absent: llama's plain decoder).
 */
export function decoderShape(config) {
  const granite = config.model_type === 'granitemoehybrid' || config.model_type === 'granite';
  if (config.model_type === 'granitemoehybrid') {
    const types = config.layer_types ?? [];
    if (types.length < config.num_hidden_layers || types.some((type) => type !== 'attention')) {
      throw new Error('Only granitemoehybrid models whose layers are all attention are implemented (no Mamba layers)');
    }
    if (config.num_local_experts) throw new Error('Mixture-of-experts Granite models are not implemented');
    if (config.position_embedding_type !== 'rope') throw new Error(`Unsupported position_embedding_type ${config.position_embedding_type}`);
  }
  const hidden = config.hidden_size;
  const heads = config.num_attention_heads;
  const headDim = config.head_dim ?? hidden / heads;
  return {
    hidden,
    heads,
    kvHeads: config.num_key_value_heads ?? heads,
    headDim,
    ffn: config.model_type === 'granitemoehybrid' ? config.shared_intermediate_size : config.intermediate_size,
    vocab: config.vocab_size,
    layers: config.num_hidden_layers,
    // Granite: embeddings times embedding_multiplier, attention scores times attention_multiplier (instead of
    // 1 / sqrt(head_dim)), each residual branch times residual_multiplier, logits divided by logits_scaling.
    multipliers: granite
      ? {
          embedding: config.embedding_multiplier,
          attention: config.attention_multiplier,
          residual: config.residual_multiplier,
          logitsDivisor: config.logits_scaling,
        }
      : undefined,
  };
}

/**
 * Parameters of LlamaForCausalLM, or of a dense Granite 4.0, from config.json arithmetic alone (tied embeddings
 * counted once; Granite's multipliers are constants, not parameters).
 */
export function llamaParameterCount(config) {
  const { hidden: h, heads, kvHeads, headDim, ffn, vocab, layers } = decoderShape(config);
  const q = heads * headDim;
  const kv = kvHeads * headDim;
  const bias = config.attention_bias ? q + 2 * kv + h : 0;
  const layer = 2 * h * q + 2 * h * kv + bias + 3 * h * ffn + (config.mlp_bias ? 2 * ffn + h : 0) + 2 * h;
  const embeddings = vocab * h;
  return embeddings + layers * layer + h + (config.tie_word_embeddings ? 0 : embeddings);
}

/** `weights`: 'fp32', 'int8' (model_quantized.onnx) or 'q4' (model_q4.onnx); see real-shape-ops.mjs. */
export function llamaDecoder(config, { weights = 'fp32', seed = 11 } = {}) {
  const { hidden: h, heads, kvHeads, headDim, ffn, vocab, layers, multipliers } = decoderShape(config);
  const groups = heads / kvHeads;
  const eps = config.rms_norm_eps ?? 1e-6;
  const theta = config.rope_theta ?? 10000;
  const std = config.initializer_range ?? 0.02;
  if (!Number.isInteger(groups) || !Number.isInteger(headDim)) throw new Error('Heads do not divide the hidden size');
  if (config.rope_scaling) throw new Error('rope_scaling is not supported');
  if (config.hidden_act !== 'silu') throw new Error(`Unsupported hidden_act ${config.hidden_act}`);
  if (!config.tie_word_embeddings) throw new Error('Only tied embeddings are implemented');

  const g = new GraphBuilder();
  const plan = new WeightPlan();
  const ops = weightOps(g, plan, { seed, weights });
  const scaled = (x, factor) => (factor === undefined ? x : g.op('Mul', [x, g.floatScalar(factor)]));
  const inputIds = g.input('input_ids', INT64, ['batch_size', 'sequence_length']);
  const attentionMask = g.input('attention_mask', INT64, ['batch_size', 'total_sequence_length']);
  const positionIds = g.input('position_ids', INT64, ['batch_size', 'sequence_length']);
  g.output('logits', FLOAT, ['batch_size', 'sequence_length', vocab]);
  const pastShape = ['batch_size', kvHeads, 'past_sequence_length', headDim];
  const presentShape = ['batch_size', kvHeads, 'total_sequence_length', headDim];
  for (let layer = 0; layer < layers; layer++) {
    g.input(`past_key_values.${layer}.key`, FLOAT, pastShape);
    g.input(`past_key_values.${layer}.value`, FLOAT, pastShape);
  }

  const rmsNorm = (x, name) => {
    const meanSquare = g.op('ReduceMean', [g.op('Pow', [x, g.floatScalar(2)])], { axes: [-1] });
    const normalized = g.op('Div', [x, g.op('Sqrt', [g.op('Add', [meanSquare, g.floatScalar(eps)])])]);
    return g.op('Mul', [ops.vector(`${name}.weight`, h, 1), normalized]);
  };

  const table = ops.tiedEmbedding('model.embed_tokens.weight', vocab, h, std);
  let x = scaled(table.embed(inputIds), multipliers?.embedding);

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

  for (let layer = 0; layer < layers; layer++) {
    const prefix = `model.layers.${layer}`;
    const dense = (input, name, inputs, outputs) =>
      ops.linear(input, `${prefix}.${name}`, inputs, outputs, { std, bias: false });
    const normed = rmsNorm(x, `${prefix}.input_layernorm`);
    const q = rotary(toHeads(dense(normed, 'self_attn.q_proj', h, heads * headDim), heads));
    const k = rotary(toHeads(dense(normed, 'self_attn.k_proj', h, kvHeads * headDim), kvHeads));
    const v = toHeads(dense(normed, 'self_attn.v_proj', h, kvHeads * headDim), kvHeads);
    const keys = g.op('Concat', [`past_key_values.${layer}.key`, k], { axis: 2 }, [g.output(`present.${layer}.key`, FLOAT, presentShape)]);
    const values = g.op('Concat', [`past_key_values.${layer}.value`, v], { axis: 2 }, [
      g.output(`present.${layer}.value`, FLOAT, presentShape),
    ]);
    const scores = g.op('Mul', [
      g.op('MatMul', [q, g.op('Transpose', [repeatKv(keys)], { perm: [0, 1, 3, 2] })]),
      g.floatScalar(multipliers?.attention ?? 1 / Math.sqrt(headDim)),
    ]);
    const probabilities = g.op('Softmax', [g.op('Add', [scores, additiveMask])], { axis: -1 });
    const context = g.op('Reshape', [
      g.op('Transpose', [g.op('MatMul', [probabilities, repeatKv(values)])], { perm: [0, 2, 1, 3] }),
      g.int64s([0, 0, heads * headDim]),
    ]);
    x = g.op('Add', [x, scaled(dense(context, 'self_attn.o_proj', heads * headDim, h), multipliers?.residual)]);

    const normed2 = rmsNorm(x, `${prefix}.post_attention_layernorm`);
    const gate = dense(normed2, 'mlp.gate_proj', h, ffn);
    const activated = g.op('Mul', [gate, g.op('Sigmoid', [gate])]);
    const up = dense(normed2, 'mlp.up_proj', h, ffn);
    x = g.op('Add', [x, scaled(dense(g.op('Mul', [activated, up]), 'mlp.down_proj', ffn, h), multipliers?.residual)]);
  }

  const final = rmsNorm(x, 'model.norm');
  const logits = table.lmHead(final);
  if (multipliers) g.op('Div', [logits, g.floatScalar(multipliers.logitsDivisor)], {}, ['logits']);
  else g.op('Identity', [logits], {}, ['logits']);
  return { graph: g, plan };
}
