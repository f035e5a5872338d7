// Words broken at the end of a line: "inter-\nnational" is one word, "Franco-\nGerman" a compound whose hyphen stays.

/** Hyphens that can end a broken line: hyphen-minus, U+2010 HYPHEN, U+00AD SOFT HYPHEN. Dashes (– —) never join. */
const LINE_END_HYPHEN = /(\p{L}\p{M}*)([-\u2010\u00AD])$/u;
const WORD_AT_END = /([\p{L}\p{M}]+(?:[-\u2010][\p{L}\p{M}]+)*)[-\u2010\u00AD]$/u;
const WORD_AT_START = /^[\p{L}\p{M}]+/u;
const WORDS = /[\p{L}\p{M}]+(?:[-\u2010][\p{L}\p{M}]+)*/gu;

/** Every word and hyphenated compound of the texts, lower-cased: what the document itself says a word looks like. */
export function collectVocabulary(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) {
    // A word broken at a line end is not evidence of anything: read each line without its last hyphenated fragment.
    for (const match of text.replace(/[\p{L}\p{M}]+[-\u2010\u00AD]\n/gu, '\n').matchAll(WORDS)) {
      words.add(match[0].toLowerCase().replaceAll('\u2010', '-'));
    }
  }
  return words;
}

/**
 * How a line that ends in a hyphen joins the next line:
 * - `drop-hyphen`: the hyphen only broke the word ("inter-" + "national" → "international"). Always for a soft hyphen;
 *   for a hyphen when the next line starts with a lower-case letter, unless the document writes the compound with a
 *   hyphen elsewhere and never without ("well-" + "known" → "well-known" when "well-known" occurs and "wellknown" not).
 * - `keep-hyphen`: a compound broken after its hyphen: the next line starts with a capital or a digit
 *   ("Franco-" + "German" → "Franco-German", "COVID-" + "19" → "COVID-19"), or the document says so (above).
 * - `none`: not a broken word (the line does not end in letter + hyphen, or the next line does not start a word).
 * Joining removes the line break either way, so the word is whole in the text and in its search index.
 */
export function hyphenJoin(line: string, nextLine: string, vocabulary?: ReadonlySet<string>): 'drop-hyphen' | 'keep-hyphen' | 'none' {
  const end = LINE_END_HYPHEN.exec(line);
  const next = nextLine.trimStart();
  if (!end || !next) return 'none';
  const first = next[0];
  if (end[2] === '\u00AD') return /^[\p{L}\d]/u.test(first) ? 'drop-hyphen' : 'none';
  if (/^[\p{Lu}\p{Lt}\d]/u.test(first)) return 'keep-hyphen';
  if (!/^\p{Ll}/u.test(first)) return 'none';
  const before = WORD_AT_END.exec(line)?.[1].toLowerCase().replaceAll('\u2010', '-');
  const after = WORD_AT_START.exec(next)?.[0].toLowerCase();
  if (before && after && vocabulary?.has(`${before}-${after}`) && !vocabulary.has(`${before}${after}`)) return 'keep-hyphen';
  return 'drop-hyphen';
}

/** Joins the broken words of a text line by line (for plain text; the PDF reader applies `hyphenJoin` per line). */
export function joinHyphenatedLines(text: string, vocabulary: ReadonlySet<string> = collectVocabulary([text])): string {
  const lines = text.split('\n');
  let out = '';
  let joined = false;
  for (let i = 0; i < lines.length; i++) {
    let line = joined ? lines[i].trimStart() : lines[i];
    joined = false;
    if (i + 1 < lines.length) {
      const join = hyphenJoin(line.trimEnd(), lines[i + 1], vocabulary);
      if (join !== 'none') {
        line = line.trimEnd();
        if (join === 'drop-hyphen') line = line.slice(0, -1);
        joined = true;
      }
    }
    out += line + (joined || i + 1 === lines.length ? '' : '\n');
  }
  return out;
}
