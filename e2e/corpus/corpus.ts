import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

// The shared PDF corpus (../shared/corpus/pdfs, see ../shared/README.md) and what each file is expected to do.
// Nothing here is copied into the project: files are read where they lie.

export const CORPUS_ROOT = resolve(process.env.DOCENT_CORPUS ?? join(import.meta.dirname, '../../../shared/corpus/pdfs'));
export const corpusPresent = () => existsSync(join(CORPUS_ROOT, 'pdfjs/manifest.json')) && existsSync(join(CORPUS_ROOT, 'pypdf-samples/files.json'));

/**
 * The outcome classes the library shows: `no-text` is a failure whose reason says the PDF holds no text (not even in
 * its images, once read with OCR); `ocr` is a ready document some of whose pages were read with OCR.
 */
export type Outcome = 'ready' | 'ocr' | 'no-text' | 'failed' | 'needs-password' | 'timed-out' | 'not-tried';

/**
 * What a file must end in. `broken` files must end cleanly: read anyway (pdf.js repairs many) or failed with a
 * reason; never stuck, never waiting for a password.
 */
export type Expected = 'ready' | 'ocr' | 'no-text' | 'broken';

/** Text pdf.js's own unit tests assert for a page (`equals`: the whole page; `contains`: somewhere in it). */
export interface ExpectedText {
  page: number;
  mode: 'equals' | 'contains';
  strings: string[];
  /** Who expects it, when not pdf.js's tests. */
  source?: string;
}

/**
 * Right-to-left lines in logical order, checked by hand against poppler's text and the PDFs as they look: the words
 * of each line must come in the order they are read. Not from the manifests; they guard core/text/pdf-pages.ts.
 */
const READING_ORDER: Record<string, ExpectedText> = {
  // Hebrew drawn in logical order, a number and brackets inside the line and no space item before the number.
  'pdfjs/files/issue11656.pdf': {
    page: 1,
    mode: 'contains',
    strings: ['שלום עולם מה שלום כולם?', 'לחיוב פעולות אלה לפי סעיף 15(ב)(4) לחוק מבקר המדינה'],
    source: 'reading order',
  },
  // Arabic drawn word by word from the left, in presentation forms ("انواع الخطوط العربية"; pdf.js itself turns the
  // lam-khah ligature of the middle word into "خل", so that word is left out of the check).
  'pdfjs/files/ArabicCIDTrueType.pdf': { page: 1, mode: 'contains', strings: ['انواع', 'العربية\nانواع'], source: 'reading order' },
  // Arabic drawn glyph by glyph in no order, beside Japanese and Latin.
  'pdfjs/files/issue19971.pdf': { page: 6, mode: 'contains', strings: ['ھذه فقرة إضافیة أطول.'], source: 'reading order' },
};

/** Matches per page that pdf.js's find-controller tests expect for a query (tracemonkey.pdf). */
export interface ExpectedFindCounts {
  query: string;
  caseSensitive?: boolean;
  entireWord?: boolean;
  matchesPerPage: number[];
}

export interface CorpusFile {
  /** Path under the corpus root, e.g. `pdfjs/files/tracemonkey.pdf`. */
  file: string;
  /** Where it lies. */
  path: string;
  /** The name the file is added under (its base name; unique in the corpus). */
  name: string;
  source: 'pdfjs' | 'pypdf-samples';
  category: string;
  subcategory?: string;
  /** The user password to open it with, for files that ask for one. */
  password?: string;
  /** The outcome once opened (with its password, if it has one). */
  expected: Expected;
  /** Page count from files.json (pypdf-samples) or poppler's pdfinfo (pdfjs manifest), when known and trustworthy. */
  pages?: number;
  pagesFrom?: 'files.json' | 'poppler';
  texts: ExpectedText[];
  findCounts: ExpectedFindCounts[];
  /** poppler's first words of the text (pdfjs manifest): reported as a rough measure of what was read. */
  popplerSample?: string;
  /** Docent's document id: the first 16 bytes of the file's SHA-256, in hex (library-engine.ts `contentId`). */
  docId: string;
  bytes: number;
}

interface PdfjsEntry {
  file: string;
  category: string;
  subcategory?: string;
  bytes: number;
  password: string | null;
  poppler: { pages?: number | null; pdftotext_nonspace_chars?: number | null; text_sample?: string | null };
  expected_text_from_pdfjs_unit_tests?: ExpectedText;
  expected_find_counts_from_pdfjs_unit_tests?: ExpectedFindCounts[];
}

interface PypdfEntry {
  path: string;
  pages: number;
  encrypted: boolean;
}

/** Passwords of pypdf-samples files: files.json says only `encrypted`; the folder's README (and SOURCE.txt) name them. */
const PYPDF_PASSWORDS: Record<string, string> = {
  '005-libreoffice-writer-password/libreoffice-writer-password.pdf': 'openpassword',
};

/**
 * pypdf-samples files that hold only images: the 007 folder (SOURCE.txt: "image-only PDFs with ASCII85/CCITTFax/LZW
 * filters") and 019, one grayscale image and nothing else (by inspection: no text operator in its content).
 */
const PYPDF_IMAGE_ONLY = ['007-imagemagick-images/', '019-grayscale-image/'];

const docIdOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

/**
 * Image-only files whose images hold text, read with OCR: checked by eye against their pages drawn by pdf.js. The
 * others (pypdf-samples 007 and 019: photographs and drawings) still hold no text, OCR or not.
 */
const READ_BY_OCR: Record<string, ExpectedText | undefined> = {
  // A password-protected scan from a Kyocera copier: one typed line.
  'files/issue3371.pdf': { page: 1, mode: 'contains', strings: ['This is quite a simple example.'], source: 'its page image, read by eye' },
  // Handwriting on squared paper: read, with low confidence and many words wrong (tesseract is not made for it).
  'files/bug1743245.pdf': undefined,
};

function pdfjsExpected(entry: PdfjsEntry): Expected {
  if (entry.category === 'broken') return 'broken';
  if (entry.file in READ_BY_OCR) return 'ocr';
  // issue3371.pdf is a password-protected scan: once opened, it has no text layer.
  if (entry.category === 'image_only' || entry.subcategory?.includes('scanned')) return 'no-text';
  // Pages poppler read without finding a character of text (bug1782186.pdf, once opened, draws one line).
  if (entry.poppler.pages && entry.poppler.pdftotext_nonspace_chars === 0) return 'no-text';
  return 'ready';
}

export interface Corpus {
  files: CorpusFile[];
  /** Files a manifest lists that are not in the corpus (the shared copy was trimmed). */
  absent: string[];
}

export function loadCorpus(): Corpus {
  const files: CorpusFile[] = [];
  const absent: string[] = [];
  const add = (path: string, make: (bytes: Buffer) => Omit<CorpusFile, 'docId' | 'bytes' | 'name' | 'file' | 'path'>) => {
    const full = join(CORPUS_ROOT, path);
    if (!existsSync(full)) return absent.push(path);
    const bytes = readFileSync(full);
    files.push({ file: path, path: full, name: basename(path), docId: docIdOf(bytes), bytes: bytes.length, ...make(bytes) });
  };

  const pdfjs: PdfjsEntry[] = JSON.parse(readFileSync(join(CORPUS_ROOT, 'pdfjs/manifest.json'), 'utf8'));
  for (const entry of pdfjs) {
    const expected = pdfjsExpected(entry);
    // poppler could not count the pages of encrypted files it cannot open, nor of files it gave up on.
    const pages = expected !== 'broken' && entry.poppler.pages ? entry.poppler.pages : undefined;
    add(`pdfjs/${entry.file}`, () => ({
      source: 'pdfjs',
      category: entry.category,
      subcategory: entry.subcategory,
      password: entry.password ?? undefined,
      expected,
      ...(pages ? { pages, pagesFrom: 'poppler' as const } : {}),
      texts: [entry.expected_text_from_pdfjs_unit_tests, READING_ORDER[`pdfjs/${entry.file}`], READ_BY_OCR[entry.file]].filter((text) => text !== undefined),
      findCounts: entry.expected_find_counts_from_pdfjs_unit_tests ?? [],
      popplerSample: entry.poppler.text_sample?.trim() || undefined,
    }));
  }

  const pypdf: { data: PypdfEntry[] } = JSON.parse(readFileSync(join(CORPUS_ROOT, 'pypdf-samples/files.json'), 'utf8'));
  for (const entry of pypdf.data) {
    const imageOnly = PYPDF_IMAGE_ONLY.some((folder) => entry.path.startsWith(folder));
    add(`pypdf-samples/${entry.path}`, () => ({
      source: 'pypdf-samples',
      category: entry.encrypted ? 'encrypted' : imageOnly ? 'image_only' : 'normal_text',
      password: entry.encrypted ? PYPDF_PASSWORDS[entry.path] : undefined,
      expected: imageOnly ? 'no-text' : 'ready',
      pages: entry.pages,
      pagesFrom: 'files.json',
      texts: [],
      findCounts: [],
    }));
  }

  const seen = new Map<string, number>();
  for (const file of files) seen.set(file.name, (seen.get(file.name) ?? 0) + 1);
  for (const file of files) if (seen.get(file.name)! > 1) file.name = file.file.replaceAll('/', '--');
  return { files, absent };
}

/**
 * Differences from the manifests that are understood, each with its reason: reported, not failed. One that no longer
 * occurs fails the suite, so that this list stays true.
 */
export interface KnownDifference {
  file: string;
  /** Matches the mismatch it explains. */
  mismatch: RegExp;
  why: string;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    file: 'pdfjs/files/secHandler.pdf',
    mismatch: /^expected ready, got no-text/,
    why:
      'its page draws no text: the only words ("Security Handler") are the caption of a form push button, drawn by the ' +
      "button's appearance stream, which poppler's pdftotext prints and pdf.js's text layer does not",
  },
  {
    file: 'pdfjs/files/90ms_rksj_h_sample.pdf',
    mismatch: /^page 1 does not equal "Hello ASCII\\n日本語テスト"/,
    why:
      'pdf.js 5.6 ignores the predefined CMap of a Type0 font that has no FontDescriptor and reads the Shift-JIS bytes ' +
      'as single-byte codes; pdf.js 6.0 reads it (mozilla/pdf.js#21331), but pdfjs-dist 6 needs Node 22 for the unit tests',
  },
  {
    file: 'pdfjs/files/tracemonkey.pdf',
    mismatch: /^"Government" \(whole word\) found per page 0,0,0,0,0,0,0,0,0,0,0,0,1,1,/,
    why:
      'page 14 breaks the word at a line end ("U.S. Gov-" / "ernment"): Docent joins it into "Government"; ' +
      "pdf.js's find controller matches it as part of a word only, so its whole-word count leaves it out",
  },
];

/**
 * Whitespace-insensitive form of a text, as pdf.js's tests compare extracted text with line breaks of their own.
 * Soft hyphens and control characters (which Docent drops: core/text/normalize.ts) do not count.
 */
// eslint-disable-next-line no-control-regex
export const squash = (text: string) => text.replace(/[\u00AD\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, '').replace(/\s+/g, ' ').trim();

/**
 * Whether `pageText` (Docent's cleaned page) holds what pdf.js's test expects. Docent joins words hyphenated at line
 * ends ("neu-\ntral" → "neutral"), so either form counts.
 */
export function holdsExpected(pageText: string, expected: string, mode: ExpectedText['mode']): boolean {
  const page = squash(pageText);
  const forms = [squash(expected), squash(expected.replace(/-\n/g, ''))];
  return forms.some((form) => (mode === 'equals' ? page === form : page.includes(form)));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches of a find query in a page, as pdf.js's find controller counts them (whitespace runs match any whitespace). */
export function countMatches(pageText: string, { query, caseSensitive = false, entireWord = false }: ExpectedFindCounts): number {
  const pattern = squash(query).split(' ').map(escape).join('\\s+');
  const word = entireWord ? ['(?<![\\p{L}\\p{N}])', '(?![\\p{L}\\p{N}])'] : ['', ''];
  return [...pageText.matchAll(new RegExp(`${word[0]}${pattern}${word[1]}`, caseSensitive ? 'gu' : 'giu'))].length;
}

/** Letters as search sees them: compatibility forms (Arabic presentation forms, ligatures) folded, bidi marks gone. */
const comparable = (text: string) => squash(text.normalize('NFKC').replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, ''));

/** Share of poppler's sample words (3+ letters) that Docent's text holds: a rough sign of what was read. */
export function sampleWordsFound(text: string, sample: string): number | undefined {
  const words = comparable(sample)
    .split(' ')
    .filter((word) => [...word.matchAll(/\p{L}/gu)].length >= 3);
  if (words.length === 0) return undefined;
  const haystack = comparable(text);
  return words.filter((word) => haystack.includes(word)).length / words.length;
}
