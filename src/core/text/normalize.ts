// Character-level clean-up shared by every reader. Only the characters named here change: the text as a whole is
// not NFKC-normalised (that would also rewrite superscripts, fractions, full-width forms and the like).

/** Latin ligatures U+FB00–U+FB06 (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ): PDFs often keep them, and they break search for "find" or "flow". */
const LIGATURES = /[\uFB00-\uFB06]/g;
/**
 * Hebrew and Arabic presentation forms (U+FB1D–U+FDFF, U+FE70–U+FEFC): the shaped glyphs (initial, medial, final,
 * ligatures) some PDFs map their text to. People type the letters, so search needs the letters.
 */
const PRESENTATION_FORMS = /[\uFB1D-\uFDFF\uFE70-\uFEFC]+/g;
/** No-break, fixed-width and ideographic spaces, tabs, vertical tabs and form feeds read as one plain space. */
const SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Invisible characters with no meaning in running text: zero-width space, word joiner, byte order mark. */
const INVISIBLE = /[\u200B\u2060\uFEFF]/g;
/**
 * Control characters other than tab and line breaks (C0, DEL, C1): PDFs whose fonts put glyphs at those codes (symbol
 * and sample tables, odd subsets) give them as text, and they mean nothing to a reader or to search.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
export const SOFT_HYPHEN = '\u00AD';

/**
 * Ligatures and Hebrew and Arabic presentation forms to their letters, exotic spaces to spaces, invisible and control
 * characters and soft hyphens removed (soft hyphens stay with `keepSoftHyphens`, for a reader that still has to join
 * the words they break at line ends).
 */
export function normalizeCharacters(text: string, { keepSoftHyphens = false } = {}): string {
  const clean = text
    .replace(LIGATURES, (ligature) => ligature.normalize('NFKC'))
    .replace(PRESENTATION_FORMS, (forms) => forms.normalize('NFKC'))
    .replace(SPACES, ' ')
    .replace(INVISIBLE, '')
    .replace(CONTROLS, '');
  return keepSoftHyphens ? clean : clean.replaceAll(SOFT_HYPHEN, '');
}

/** Windows and old Mac line endings to `\n`. */
export const normalizeLineEndings = (text: string) => text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');

/** Runs of spaces to one space. Line breaks are kept. */
export const collapseSpaces = (text: string) => text.replace(/ {2,}/g, ' ');
