// IBM Granite 4.0's dense "nano" chat models, the app's chat defaults (granite-4.0-350m on the CPU, granite-4.0-1b
// on a GPU), as config.json and tokenizer files for random-weight models of their exact shape.
//
// No Granite file is at hand here (no hub access, no skeleton), so:
// - config.json: the public config values of the two models (model_type granitemoehybrid with every layer
//   "attention", i.e. a dense llama-like decoder with Granite's scalar multipliers). The special token ids are ours.
// - tokenizer: SmolLM's real byte-level BPE (English token counts in the same range as Granite's), its vocabulary
//   padded with added tokens to Granite's 100,352 ids, so token ids, the embedding table and the LM head have the
//   real sizes; a Granite-style chat template (roles between <|start_of_role|> and <|end_of_role|>, turns ended by
//   <|end_of_text|>), without the real template's default system prompt, tools and documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const GRANITE_SPECIAL_TOKENS = ['<|end_of_text|>', '<|start_of_role|>', '<|end_of_role|>', '<|tool_call|>', '<|pad|>'];

const GRANITE_CHAT_TEMPLATE =
  "{% for message in messages %}{{ '<|start_of_role|>' + message['role'] + '<|end_of_role|>' + message['content'] + '<|end_of_text|>\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|start_of_role|>assistant<|end_of_role|>' }}{% endif %}";

/** What the two models share (public config.json values of granite-4.0-350m / -1b). */
const GRANITE_COMMON = {
  architectures: ['GraniteMoeHybridForCausalLM'],
  model_type: 'granitemoehybrid',
  vocab_size: 100352,
  num_attention_heads: 16,
  num_key_value_heads: 4,
  hidden_act: 'silu',
  attention_bias: false,
  mlp_bias: false,
  num_local_experts: 0,
  num_experts_per_tok: 0,
  position_embedding_type: 'rope',
  rope_theta: 10000,
  rope_scaling: null,
  rms_norm_eps: 1e-5,
  normalization_function: 'rmsnorm',
  max_position_embeddings: 32768,
  tie_word_embeddings: true,
  embedding_multiplier: 12.0,
  use_cache: true,
};

export const GRANITE_CONFIGS = {
  '350m': {
    ...GRANITE_COMMON,
    _name_or_path: 'ibm-granite/granite-4.0-350m',
    hidden_size: 1024,
    num_hidden_layers: 28,
    intermediate_size: 2048,
    shared_intermediate_size: 2048,
    residual_multiplier: 0.263,
    attention_multiplier: 0.015625,
    logits_scaling: 4.0,
  },
  '1b': {
    ...GRANITE_COMMON,
    _name_or_path: 'ibm-granite/granite-4.0-1b',
    hidden_size: 2048,
    num_hidden_layers: 40,
    intermediate_size: 4096,
    shared_intermediate_size: 4096,
    residual_multiplier: 0.22,
    attention_multiplier: 0.0078125,
    logits_scaling: 8.0,
  },
};

/**
 * The config.json of a Granite bench model: `base` with `overrides` (tests: fewer layers), its layer_types as long as
 * its layers (transformers.js reads them to name the cache inputs: "attention" layers have key/value, no Mamba state),
 * and the special token ids of the padded tokenizer.
 */
export function graniteConfig(base, overrides = {}) {
  const config = { ...base, ...overrides };
  const ids = graniteTokenIds(config.vocab_size);
  return {
    ...config,
    layer_types: Array.from({ length: config.num_hidden_layers }, () => 'attention'),
    bos_token_id: ids['<|end_of_text|>'],
    eos_token_id: ids['<|end_of_text|>'],
    pad_token_id: ids['<|pad|>'],
  };
}

/** Ids of Granite's special tokens in the padded tokenizer: the first ids after SmolLM's 49,152. */
function graniteTokenIds(vocabSize, firstId = 49152) {
  if (vocabSize < firstId + GRANITE_SPECIAL_TOKENS.length) throw new Error(`vocab_size ${vocabSize} leaves no room for Granite's tokens`);
  return Object.fromEntries(GRANITE_SPECIAL_TOKENS.map((token, i) => [token, firstId + i]));
}

const addedToken = (id, content, special) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special });

/**
 * tokenizer.json, tokenizer_config.json and generation_config.json for `config`, from the SmolLM tokenizer in
 * `smollmFolder`: Granite's special tokens, then unused tokens up to vocab_size. The unused ones are not special, so
 * a random-weight model that writes them still streams visible text.
 */
export function graniteTokenizerFiles(smollmFolder, config) {
  const tokenizer = JSON.parse(readFileSync(join(smollmFolder, 'tokenizer.json'), 'utf8'));
  const used = Object.keys(tokenizer.model.vocab).length;
  const ids = graniteTokenIds(config.vocab_size, used);
  if (ids['<|end_of_text|>'] !== config.eos_token_id) throw new Error('config.json was not made by graniteConfig for this tokenizer');
  const padded = [];
  for (let id = used; id < config.vocab_size; id++) {
    const special = GRANITE_SPECIAL_TOKENS[id - used];
    padded.push(addedToken(id, special ?? `<|unused_${id}|>`, Boolean(special)));
  }
  tokenizer.added_tokens = [...tokenizer.added_tokens, ...padded];
  const tokenizerConfig = {
    add_prefix_space: false,
    bos_token: '<|end_of_text|>',
    eos_token: '<|end_of_text|>',
    pad_token: '<|pad|>',
    unk_token: '<|end_of_text|>',
    chat_template: GRANITE_CHAT_TEMPLATE,
    clean_up_tokenization_spaces: false,
    model_max_length: config.max_position_embeddings,
    tokenizer_class: 'GPT2Tokenizer',
    vocab_size: config.vocab_size,
  };
  const generationConfig = { bos_token_id: config.bos_token_id, eos_token_id: config.eos_token_id, pad_token_id: config.pad_token_id };
  return {
    'tokenizer.json': JSON.stringify(tokenizer),
    'tokenizer_config.json': JSON.stringify(tokenizerConfig, null, 2),
    'generation_config.json': JSON.stringify(generationConfig, null, 2),
  };
}
