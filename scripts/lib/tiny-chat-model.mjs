// A tiny decoder-only LM with the inputs and outputs of a real transformers.js export: input_ids, attention_mask and
// past_key_values.{i}.key|value in; logits and present.{i}.key|value out. Two attention layers with a real KV cache
// carry random weights; a bigram table on top makes greedy decoding after the assistant prompt write a fixed answer
// that cites passage [1], so tests can follow streaming and citations deterministically.
import { BOOL, FLOAT, INT64, GraphBuilder, randomMatrix, seededRandom } from './onnx-graph.mjs';
import { byteLevelBpeTokenizer } from './tokenizers.mjs';

const HIDDEN = 32;
const HEADS = 2;
const HEAD_DIM = HIDDEN / HEADS;
const LAYERS = 2;
const FFN = 64;
const CONTEXT = 4096;

/** What the model answers to every question, token by token. */
export const TINY_CHAT_ANSWER = ['Based', ' on', ' your', ' documents', ',', ' this', ' is', ' covered', ' in', ' [', '1', '].'];

/** Where the endless variant goes after the answer's last token: round again, without end. */
const LOOP_START = ' Based';

function bigramTable(vocabSize, idOfText, endId, answer, endless) {
  const table = new Float32Array(vocabSize * vocabSize);
  const chain = ['\n', ...answer, ...(endless ? [LOOP_START, answer[1]] : [])].map((text) => {
    const id = idOfText(text);
    if (id === undefined) throw new Error(`"${text}" is not a single token`);
    return id;
  });
  if (!endless) chain.push(endId);
  for (let i = 0; i + 1 < chain.length; i++) table[chain[i] * vocabSize + chain[i + 1]] = 20;
  return table;
}

function attentionLayer(g, random, x, layer, additiveMask) {
  const scale = 0.5 / Math.sqrt(HIDDEN);
  const weight = (name, rows, cols) =>
    g.constant(`layers.${layer}.${name}`, [rows, cols], randomMatrix(random, rows, cols, scale));
  const toHeads = (t) => g.op('Transpose', [g.op('Reshape', [t, g.int64s([0, 0, HEADS, HEAD_DIM])])], { perm: [0, 2, 1, 3] });
  const q = toHeads(g.op('MatMul', [x, weight('q', HIDDEN, HIDDEN)]));
  const k = toHeads(g.op('MatMul', [x, weight('k', HIDDEN, HIDDEN)]));
  const v = toHeads(g.op('MatMul', [x, weight('v', HIDDEN, HIDDEN)]));
  const pastKey = g.input(`past_key_values.${layer}.key`, FLOAT, ['batch_size', HEADS, 'past_sequence_length', HEAD_DIM]);
  const pastValue = g.input(`past_key_values.${layer}.value`, FLOAT, ['batch_size', HEADS, 'past_sequence_length', HEAD_DIM]);
  const presentShape = ['batch_size', HEADS, 'total_sequence_length', HEAD_DIM];
  const keys = g.op('Concat', [pastKey, k], { axis: 2 }, [g.output(`present.${layer}.key`, FLOAT, presentShape)]);
  const values = g.op('Concat', [pastValue, v], { axis: 2 }, [g.output(`present.${layer}.value`, FLOAT, presentShape)]);
  const scores = g.op('Mul', [g.op('MatMul', [q, g.op('Transpose', [keys], { perm: [0, 1, 3, 2] })]), g.floatScalar(1 / Math.sqrt(HEAD_DIM))]);
  const probabilities = g.op('Softmax', [g.op('Add', [scores, additiveMask])], { axis: -1 });
  const context = g.op('Reshape', [
    g.op('Transpose', [g.op('MatMul', [probabilities, values])], { perm: [0, 2, 1, 3] }),
    g.int64s([0, 0, HIDDEN]),
  ]);
  const attended = g.op('Add', [x, g.op('MatMul', [context, weight('o', HIDDEN, HIDDEN)])]);
  const hidden = g.op('Relu', [g.op('MatMul', [attended, weight('up', HIDDEN, FFN)])]);
  return g.op('Add', [attended, g.op('MatMul', [hidden, weight('down', FFN, HIDDEN)])]);
}

/**
 * Work that changes nothing: a chain of small matrix products computed from the hidden state (so ONNX Runtime
 * cannot fold it away) and added times zero. It makes each token cost real time, as a real model's do.
 */
function busyWork(g, random, x, steps) {
  const side = 64;
  const mean = g.op('ReduceMean', [x], { axes: [1], keepdims: 1 });
  let block = g.op('Reshape', [
    g.op('MatMul', [mean, g.constant('busy_in', [HIDDEN, side * side], randomMatrix(random, HIDDEN, side * side, 0.1))]),
    g.int64s([side, side]),
  ]);
  const weight = g.constant('busy_weight', [side, side], randomMatrix(random, side, side, 1 / Math.sqrt(side)));
  for (let step = 0; step < steps; step++) block = g.op('Tanh', [g.op('MatMul', [block, weight])]);
  return g.op('Mul', [g.op('ReduceSum', [block], { keepdims: 0 }), g.floatScalar(0)]);
}

function buildGraph(vocabSize, bigrams, busySteps) {
  const random = seededRandom(2);
  const g = new GraphBuilder();
  const inputIds = g.input('input_ids', INT64, ['batch_size', 'sequence_length']);
  const attentionMask = g.input('attention_mask', INT64, ['batch_size', 'total_sequence_length']);
  g.output('logits', FLOAT, ['batch_size', 'sequence_length', vocabSize]);

  // Positions past..past+S-1 come from the cache length, so cached and uncached runs see the same positions.
  const past = g.op('Gather', [g.op('Shape', ['past_key_values.0.key']), g.int64Scalar(2)]);
  const newLength = g.op('Gather', [g.op('Shape', [inputIds]), g.int64Scalar(1)]);
  const total = g.op('Add', [past, newLength]);
  const one = g.int64Scalar(1);
  const positions = g.op('Range', [past, total, one]);
  const frequencies = Float32Array.from({ length: HIDDEN / 2 }, (_, i) => 1 / 10000 ** ((2 * i) / HIDDEN));
  const angles = g.op('Mul', [
    g.op('Unsqueeze', [g.op('Cast', [positions], { to: FLOAT }), g.int64s([1])]),
    g.constant('rotary_frequencies', [1, HIDDEN / 2], frequencies),
  ]);
  const positionEmbedding = g.op('Concat', [g.op('Sin', [angles]), g.op('Cos', [angles])], { axis: 1 });
  const tokenTable = g.constant('embed_tokens', [vocabSize, HIDDEN], randomMatrix(random, vocabSize, HIDDEN, 0.5));
  let x = g.op('Add', [g.op('Gather', [tokenTable, inputIds]), positionEmbedding]);

  const keyPositions = g.op('Unsqueeze', [g.op('Range', [g.int64Scalar(0), total, one]), g.int64s([0])]);
  const causal = g.op('LessOrEqual', [keyPositions, g.op('Unsqueeze', [positions, g.int64s([1])])]);
  const padding = g.op('Unsqueeze', [g.op('Cast', [attentionMask], { to: BOOL }), g.int64s([1, 2])]);
  const additiveMask = g.op('Where', [g.op('And', [causal, padding]), g.floatScalar(0), g.floatScalar(-1e9)]);

  for (let layer = 0; layer < LAYERS; layer++) x = attentionLayer(g, random, x, layer, additiveMask);

  const lmHead = g.constant('lm_head', [HIDDEN, vocabSize], randomMatrix(random, HIDDEN, vocabSize, 0.3 / Math.sqrt(HIDDEN)));
  const bigramLogits = g.op('Gather', [g.constant('bigram_logits', [vocabSize, vocabSize], bigrams), inputIds]);
  const logits = g.op('Add', [g.op('MatMul', [x, lmHead]), bigramLogits]);
  if (busySteps > 0) g.op('Add', [logits, busyWork(g, random, x, busySteps)], {}, ['logits']);
  else g.op('Identity', [logits], {}, ['logits']);
  return g.encode('tiny-chat');
}

/**
 * `answer`: the tokens the model writes (each becomes one token of its vocabulary, so any text works).
 * `endless: true` repeats the answer until max_new_tokens, for tests of stopping mid-answer.
 * `busySteps`: extra work per token (each step ~260k multiply-adds), so a test can act while the model writes.
 */
export function tinyChatModel({ answer = TINY_CHAT_ANSWER, endless = false, busySteps = 0 } = {}) {
  const bpe = byteLevelBpeTokenizer(['assistant', 'user', 'system', LOOP_START, ...answer], CONTEXT);
  const endId = bpe.vocab['<|im_end|>'];
  const config = {
    model_type: 'llama',
    architectures: ['LlamaForCausalLM'],
    hidden_size: HIDDEN,
    num_attention_heads: HEADS,
    num_key_value_heads: HEADS,
    num_hidden_layers: LAYERS,
    intermediate_size: FFN,
    max_position_embeddings: CONTEXT,
    vocab_size: bpe.vocabSize,
    bos_token_id: bpe.vocab['<|im_start|>'],
    eos_token_id: endId,
    pad_token_id: endId,
  };
  const generationConfig = { bos_token_id: config.bos_token_id, eos_token_id: endId, pad_token_id: endId };
  return {
    'config.json': JSON.stringify(config, null, 2),
    'generation_config.json': JSON.stringify(generationConfig, null, 2),
    'tokenizer.json': JSON.stringify(bpe.tokenizer),
    'tokenizer_config.json': JSON.stringify(bpe.config, null, 2),
    'onnx/model.onnx': buildGraph(bpe.vocabSize, bigramTable(bpe.vocabSize, bpe.idOfText, endId, answer, endless), busySteps),
  };
}
