/** Text as compared for OCR accuracy: every run of white space one space (line breaks and columns are layout, not text). */
export const comparable = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Levenshtein distance between two strings, in characters (insertions, deletions, substitutions), in O(n) memory. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Character error rate of `read` against the `truth`: edits to turn one into the other per character of the truth. */
export function characterErrorRate(truth: string, read: string): number {
  const expected = comparable(truth);
  return expected.length === 0 ? (comparable(read).length === 0 ? 0 : 1) : editDistance(expected, comparable(read)) / expected.length;
}
