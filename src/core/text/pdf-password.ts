// The forms of a typed password a PDF may have been encrypted with. PDF 2.0 (AES-256, revision 6) and Adobe's
// extension level 3 (revision 5) prepare the password with SASLprep and encode it as UTF-8; older revisions take
// bytes, which writers fill with Latin-1 or with UTF-8. pdf.js 5.6 UTF-8-encodes for revision 6 only and prepares
// nothing, so a password with a soft hyphen or an "ª", or any non-ASCII password of revision 5, is refused although
// it is right. Trying these forms in turn opens such files.

/** RFC 3454 table B.1, "commonly mapped to nothing": removed by SASLprep. */
const MAPPED_TO_NOTHING = /\u00AD|\u034F|\u1806|[\u180B-\u180D]|[\u200B-\u200D]|\u2060|[\uFE00-\uFE0F]|\uFEFF/g;
/** RFC 3454 table C.1.2, non-ASCII spaces: a plain space after SASLprep. */
const NON_ASCII_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** SASLprep (RFC 4013) mapping and normalization: what revisions 5 and 6 hash. Prohibited characters are kept. */
export function saslPrep(password: string): string {
  return password.replace(MAPPED_TO_NOTHING, '').replace(NON_ASCII_SPACES, ' ').normalize('NFKC');
}

/** A string as its UTF-8 bytes, one character per byte: how pdf.js hands a password's bytes to the cipher. */
export function utf8Bytes(text: string): string {
  return String.fromCharCode(...new TextEncoder().encode(text));
}

/**
 * The password as typed, then the other forms a writer may have encrypted it with, each once: SASLprep'd (pdf.js
 * encodes it as UTF-8 for revision 6), and as UTF-8 bytes, prepared and not (revision 5, and older files written with
 * UTF-8 passwords). An ASCII password has one form.
 */
export function passwordForms(password: string): string[] {
  const prepared = saslPrep(password);
  return [...new Set([password, prepared, utf8Bytes(prepared), utf8Bytes(password)])];
}
