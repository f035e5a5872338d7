// A tiny BERT-style feature-extraction model: hashed token embeddings, masked. With transformers.js's mean
// pooling and normalization, texts that share words get similar vectors, which is all behaviour tests need.
import { FLOAT, INT64, GraphBuilder, randomMatrix, seededRandom } from './onnx-graph.mjs';
import { trigramWordPieceTokenizer } from './tokenizers.mjs';

const HIDDEN = 64;
const BUCKETS = 4096;

/** `seed` picks the random table: two seeds give two embedders whose vectors cannot be mixed. */
export function tinyEmbedder({ seed = 1 } = {}) {
  const { tokenizer, config: tokenizerConfig, vocabSize } = trigramWordPieceTokenizer();
  const random = seededRandom(seed);
  const g = new GraphBuilder();
  const dims = ['batch_size', 'sequence_length'];
  const inputIds = g.input('input_ids', INT64, dims);
  const attentionMask = g.input('attention_mask', INT64, dims);
  g.input('token_type_ids', INT64, dims);
  g.output('last_hidden_state', FLOAT, [...dims, HIDDEN]);

  // Hashing the 36k-token vocabulary into 4k rows keeps the file near 1 MB; collisions only add a little noise.
  const table = g.constant('embeddings.word_embeddings.weight', [BUCKETS, HIDDEN], randomMatrix(random, BUCKETS, HIDDEN, 1));
  const bucket = g.op('Mod', [inputIds, g.int64Scalar(BUCKETS)]);
  const tokens = g.op('Gather', [table, bucket]);
  const mask = g.op('Unsqueeze', [g.op('Cast', [attentionMask], { to: FLOAT }), g.int64s([2])]);
  g.op('Mul', [tokens, mask], {}, ['last_hidden_state']);

  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: HIDDEN,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: HIDDEN,
    max_position_embeddings: 512,
    vocab_size: vocabSize,
    type_vocab_size: 2,
    pad_token_id: 0,
  };
  return {
    'config.json': JSON.stringify(config, null, 2),
    'tokenizer.json': JSON.stringify(tokenizer),
    'tokenizer_config.json': JSON.stringify(tokenizerConfig, null, 2),
    'onnx/model.onnx': g.encode('tiny-embedder'),
  };
}
