// Tokenizer files in the Hugging Face `tokenizers` JSON format, as transformers.js loads them.

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

function specialToken(id, content) {
  return { id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true };
}

function grams(maxLength) {
  let level = [''];
  const all = [];
  for (let length = 1; length <= maxLength; length++) {
    level = level.flatMap((prefix) => [...LETTERS].map((letter) => prefix + letter));
    all.push(...level);
  }
  return all;
}

/**
 * A BERT WordPiece tokenizer whose vocabulary is every letter 1- to 3-gram, as word starts and as `##` continuations.
 * Words split into trigrams, so texts that share words share tokens: enough lexical signal for a test embedder.
 */
export function trigramWordPieceTokenizer() {
  const specials = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
  const pieces = [...PUNCTUATION, ...DIGITS, ...[...DIGITS].map((d) => `##${d}`), ...grams(3)];
  pieces.push(...grams(3).map((gram) => `##${gram}`));
  const vocab = Object.fromEntries([...specials, ...pieces].map((token, id) => [token, id]));
  const idOf = (token) => vocab[token];
  const special = (token) => ({ id: token, ids: [idOf(token)], tokens: [token] });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials.map((token) => specialToken(idOf(token), token)),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: { '[CLS]': special('[CLS]'), '[SEP]': special('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
  const config = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: 512,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
    clean_up_tokenization_spaces: true,
  };
  return { tokenizer, config, vocabSize: specials.length + pieces.length, specialIds: specials.map(idOf) };
}

/** GPT-2's reversible map from bytes to printable characters, used by byte-level BPE. */
function bytesToUnicode() {
  const printable = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  const map = new Map(printable.map((b) => [b, String.fromCharCode(b)]));
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    if (!map.has(b)) map.set(b, String.fromCharCode(256 + extra++));
  }
  return map;
}

export const CHATML_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

/**
 * A byte-level BPE tokenizer (as SmolLM's and Qwen's) with ChatML special tokens. `words` become single tokens
 * through left-to-right merges; everything else falls back to bytes, so any text round-trips.
 */
export function byteLevelBpeTokenizer(words, modelMaxLength) {
  const byteChar = bytesToUnicode();
  const encodeBytes = (text) => [...new TextEncoder().encode(text)].map((b) => byteChar.get(b)).join('');
  const specials = ['<|endoftext|>', '<|im_start|>', '<|im_end|>'];
  const tokens = [...specials, ...[...byteChar.values()]];
  const merges = [];
  const known = new Set(tokens);
  for (const word of words) {
    const chars = [...encodeBytes(word)];
    let merged = chars[0];
    for (const next of chars.slice(1)) {
      const rule = `${merged} ${next}`;
      merged += next;
      if (!known.has(merged)) {
        known.add(merged);
        tokens.push(merged);
        merges.push(rule);
      }
    }
  }
  const vocab = Object.fromEntries(tokens.map((token, id) => [token, id]));
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials.map((token) => specialToken(vocab[token], token)),
    normalizer: null,
    pre_tokenizer: byteLevel,
    post_processor: null,
    decoder: { ...byteLevel, add_prefix_space: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      vocab,
      merges,
    },
  };
  const config = {
    tokenizer_class: 'GPT2Tokenizer',
    add_prefix_space: false,
    bos_token: '<|im_start|>',
    eos_token: '<|im_end|>',
    pad_token: '<|im_end|>',
    unk_token: '<|endoftext|>',
    model_max_length: modelMaxLength,
    clean_up_tokenization_spaces: false,
    chat_template: CHATML_TEMPLATE,
  };
  const idOfText = (text) => vocab[encodeBytes(text)];
  return { tokenizer, config, vocab, vocabSize: tokens.length, idOfText };
}
