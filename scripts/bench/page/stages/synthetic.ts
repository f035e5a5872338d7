// Deterministic synthetic data for the stages that need more chunks than a real PDF gives (query and reload at 1k-50k).

/** mulberry32: a small seeded generator, so every run measures the same data. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function normalize(vector: Float32Array, offset = 0, dims = vector.length): void {
  let sum = 0;
  for (let i = 0; i < dims; i++) sum += vector[offset + i] ** 2;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < dims; i++) vector[offset + i] *= scale;
}

/**
 * Unit vectors drawn around `clusters` random topic centres (each within cosine ~0.7 of its centre), the way real
 * embeddings crowd around topics rather than fill the sphere. A k-d tree's speed depends on this structure; uniform
 * random vectors would be its worst case. Rows are `count` × `dims`, row-major.
 */
export function clusteredVectors(count: number, dims: number, { seed = 7, clusters = 64, spread = 1 } = {}): Float32Array {
  const random = seeded(seed);
  const centres = new Float32Array(clusters * dims);
  for (let c = 0; c < clusters; c++) {
    for (let i = 0; i < dims; i++) centres[c * dims + i] = gaussian(random);
    normalize(centres, c * dims, dims);
  }
  // Noise of total length `spread` around a unit centre: cosine to the centre ~ 1 / sqrt(1 + spread²) ≈ 0.71.
  const sigma = spread / Math.sqrt(dims);
  const rows = new Float32Array(count * dims);
  for (let r = 0; r < count; r++) {
    const c = Math.floor(random() * clusters);
    for (let i = 0; i < dims; i++) rows[r * dims + i] = centres[c * dims + i] + sigma * gaussian(random);
    normalize(rows, r * dims, dims);
  }
  return rows;
}

/** Queries near stored vectors (a question close to one passage): a stored row plus noise, normalized. */
export function queriesNear(rows: Float32Array, dims: number, count: number, seed = 11): { row: number; vector: Float32Array }[] {
  const random = seeded(seed);
  const total = rows.length / dims;
  const sigma = 0.6 / Math.sqrt(dims);
  return Array.from({ length: count }, () => {
    const row = Math.floor(random() * total);
    const vector = new Float32Array(dims);
    for (let i = 0; i < dims; i++) vector[i] = rows[row * dims + i] + sigma * gaussian(random);
    normalize(vector);
    return { row, vector };
  });
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ner', 'tas', 'vo', 'ri', 'den', 'sul', 'pra', 'et', 'on', 'ba', 'qui', 'ster', 'mo'];

/** A vocabulary of pronounceable made-up words; word i is drawn with Zipf's law (frequency ~ 1/rank), as in prose. */
export function zipfText(random: () => number, vocabulary: readonly string[], characters: number): string {
  const words: string[] = [];
  let length = 0;
  const harmonic = Math.log(vocabulary.length) + 0.5772;
  while (length < characters) {
    const rank = Math.min(vocabulary.length - 1, Math.floor(Math.exp(random() * harmonic)) - 1);
    const word = vocabulary[Math.max(0, rank)];
    words.push(word);
    length += word.length + 1;
    if (random() < 0.07) words.push(`${words.pop()}.`);
  }
  return words.join(' ');
}

/** The most frequent words of English prose: the head of the Zipf distribution, as in real passages. */
const FUNCTION_WORDS = 'the of and to a in is that for it as was with be by on not he this are or his from at which but have an they'.split(' ');

export function makeVocabulary(size: number, seed = 3): string[] {
  const random = seeded(seed);
  const words = new Set<string>(FUNCTION_WORDS);
  while (words.size < size) {
    const syllables = 1 + Math.floor(random() * 4);
    words.add(Array.from({ length: syllables }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}

const ENGLISH = [
  'The survey of the northern coast recorded the tides, the winds and the depth of the channel at every season.',
  'Each measurement was repeated three times, and the mean of the readings was entered in the harbour ledger.',
  'In the spring the council reviewed the quotas for herring and mackerel, weighing the reports of the fishermen.',
  'The lighthouse was rebuilt in stone after the storm of 1871 destroyed the wooden tower and its lantern.',
  'Engineers proposed a breakwater to shelter the inner basin, but the cost delayed the work for a decade.',
  'Records from the customs house show that timber, salt and wool were the main goods leaving the port.',
  'A new school opened near the market square, teaching navigation, arithmetic and the keeping of accounts.',
  'The railway reached the town in 1894, and within a few years the fish market doubled in size.',
];

/** English-like prose of about `characters` characters (for prompts: the tokenizer sees real words). */
export function englishText(characters: number, seed = 5): string {
  const random = seeded(seed);
  const sentences: string[] = [];
  let length = 0;
  while (length < characters) {
    const sentence = ENGLISH[Math.floor(random() * ENGLISH.length)];
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  return sentences.join(' ');
}
