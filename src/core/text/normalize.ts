// Character-level clean-up shared by every reader. Only the characters named here change: the text as a whole is
// not NFKC-normalised (that would also rewrite superscripts, fractions, full-width forms and the like).

/** Latin ligatures U+FB00–U+FB06 (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ): PDFs often keep them, and they break search for "find" or "flow". */
const LIGATURES = /[\uFB00-\uFB06]/g;
/** No-break, fixed-width and ideographic spaces, tabs, vertical tabs and form feeds read as one plain space. */
const SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Invisible characters with no meaning in running text: zero-width space, word joiner, byte order mark. */
const INVISIBLE = /[\u200B\u2060\uFEFF]/g;
export const SOFT_HYPHEN = '\u00AD';

/**
 * Ligatures to their letters, exotic spaces to spaces, invisible characters and soft hyphens removed (soft hyphens
 * stay with `keepSoftHyphens`, for a reader that still has to join the words they break at line ends).
 */
export function normalizeCharacters(text: string, { keepSoftHyphens = false } = {}): string {
  const clean = text
    .replace(LIGATURES, (ligature) => ligature.normalize('NFKC'))
    .replace(SPACES, ' ')
    .replace(INVISIBLE, '');
  return keepSoftHyphens ? clean : clean.replaceAll(SOFT_HYPHEN, '');
}

/** Windows and old Mac line endings to `\n`. */
export const normalizeLineEndings = (text: string) => text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');

/** Runs of spaces to one space. Line breaks are kept. */
export const collapseSpaces = (text: string) => text.replace(/ {2,}/g, ' ');
