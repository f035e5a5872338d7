/** The encoding a text file was read with, and how it was recognised. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Decodes a text file: a byte order mark decides (UTF-8, UTF-16 LE or BE; the mark is dropped); without one, UTF-16 is
 * recognised by its zero bytes (ASCII text in UTF-16 has a zero in every other byte), then the bytes are read as UTF-8
 * when they are valid UTF-8, else as Windows-1252 (the usual encoding of older Western text files, a superset of
 * Latin-1), so a file is never refused for its encoding.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const decode = (encoding: Exclude<TextEncodingName, 'windows-1252'>, from = 0, fatal = false) =>
    new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes.subarray(from));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode('utf-8', 3), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', 2), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', 2), encoding: 'utf-16be' };
  const guess = guessUtf16(bytes);
  if (guess) return { text: decode(guess), encoding: guess };
  try {
    return { text: decode('utf-8', 0, true), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Windows-1252's characters for bytes 0x80–0x9F (undefined ones stay as the C1 code point, as browsers do). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Windows-1252 by table: Node's TextDecoder reads the label as ISO-8859-1 (0x80–0x9F as control characters), so
 * decoding by hand gives the browser's result everywhere.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
  }
  return text;
}

/** UTF-16 without a byte order mark: most of the even (BE) or odd (LE) bytes of the first 4 KB are zero. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros > 0.4 * pairs && evenZeros < 0.05 * pairs) return 'utf-16le';
  if (evenZeros > 0.4 * pairs && oddZeros < 0.05 * pairs) return 'utf-16be';
  return undefined;
}
