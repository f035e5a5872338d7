// A tiny cross-encoder (BertForSequenceClassification's interface: one logit per question-passage pair) that rates a
// passage by the share of its word pieces that also stand in the question: enough for tests to see a reranker reorder
// passages, as a real one would, through the real runtime.
import { BOOL, FLOAT, GraphBuilder, INT64 } from './onnx-graph.mjs';
import { trigramWordPieceTokenizer } from './tokenizers.mjs';

/** logit = SLOPE * overlap - OFFSET: a passage with none of the question's pieces scores ~2%, with 60% ~96%. */
const SLOPE = 12;
const OFFSET = 4;

export function tinyReranker() {
  const { tokenizer, config: tokenizerConfig, vocabSize, specialIds } = trigramWordPieceTokenizer();
  const g = new GraphBuilder();
  const dims = ['batch_size', 'sequence_length'];
  const inputIds = g.input('input_ids', INT64, dims);
  const attentionMask = g.input('attention_mask', INT64, dims);
  const tokenTypes = g.input('token_type_ids', INT64, dims);
  g.output('logits', FLOAT, ['batch_size', 1]);

  // Word pieces of the question (type 0) and of the passage (type 1), special tokens and padding left out.
  const isWord = g.op('And', [g.op('Cast', [attentionMask], { to: BOOL }), g.op('Greater', [inputIds, g.int64Scalar(Math.max(...specialIds))])]);
  const inQuestion = g.op('Cast', [g.op('And', [isWord, g.op('Equal', [tokenTypes, g.int64Scalar(0)])])], { to: FLOAT });
  const inPassage = g.op('Cast', [g.op('And', [isWord, g.op('Equal', [tokenTypes, g.int64Scalar(1)])])], { to: FLOAT });
  // same[b, i, j]: piece i equals piece j; a passage piece is matched when some question piece equals it.
  const same = g.op('Cast', [g.op('Equal', [g.op('Unsqueeze', [inputIds, g.int64s([2])]), g.op('Unsqueeze', [inputIds, g.int64s([1])])])], { to: FLOAT });
  const matched = g.op('ReduceMax', [g.op('Mul', [same, g.op('Unsqueeze', [inQuestion, g.int64s([1])])])], { axes: [2], keepdims: 0 });
  const sum = (x) => g.op('ReduceSum', [x, g.int64s([1])], { keepdims: 1 });
  const overlap = g.op('Div', [sum(g.op('Mul', [matched, inPassage])), g.op('Max', [sum(inPassage), g.floatScalar(1)])]);
  g.op('Sub', [g.op('Mul', [overlap, g.floatScalar(SLOPE)]), g.floatScalar(OFFSET)], {}, ['logits']);

  const config = {
    model_type: 'bert',
    architectures: ['BertForSequenceClassification'],
    hidden_size: 8,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: 8,
    max_position_embeddings: 512,
    vocab_size: vocabSize,
    type_vocab_size: 2,
    pad_token_id: 0,
    num_labels: 1,
    id2label: { 0: 'LABEL_0' },
    label2id: { LABEL_0: 0 },
  };
  return {
    'config.json': JSON.stringify(config, null, 2),
    'tokenizer.json': JSON.stringify(tokenizer),
    'tokenizer_config.json': JSON.stringify(tokenizerConfig, null, 2),
    'onnx/model.onnx': g.encode('tiny-reranker'),
  };
}
