// The languages Docent's OCR reads, each from an npm package of tesseract.js's language data (@tesseract.js-data/*,
// the LSTM "best_int" models), served by the site under ocr/lang/. English is built in (precached with the app);
// the others are fetched from the site when a person turns them on in Settings, and kept for offline use.

export interface OcrLanguage {
  /** tesseract's code, the data file's name: `<code>.traineddata` (gzipped bytes; see ocrLanguagePath). */
  code: string;
  name: string;
  /** Size of the gzipped data file the site serves (checked against the packages by scripts/vite/ocr-assets.test.ts). */
  bytes: number;
}

export const BUILT_IN_OCR_LANGUAGE: OcrLanguage = { code: 'eng', name: 'English', bytes: 2_952_873 };

/** Languages fetched on demand, in the order Settings lists them. */
export const ON_DEMAND_OCR_LANGUAGES: readonly OcrLanguage[] = [
  { code: 'fra', name: 'French', bytes: 707_406 },
  { code: 'deu', name: 'German', bytes: 1_333_102 },
  { code: 'spa', name: 'Spanish', bytes: 2_100_190 },
];

export const OCR_LANGUAGES: readonly OcrLanguage[] = [BUILT_IN_OCR_LANGUAGE, ...ON_DEMAND_OCR_LANGUAGES];

/** The Cache Storage cache that keeps the on-demand languages a person turned on (the service worker serves them). */
export const OCR_LANGUAGE_CACHE = 'docent-ocr-languages';

/**
 * The path of a language's data under the site's OCR folder. The bytes are the package's gzipped file, named without
 * `.gz`: hosts (vite preview among them) serve a `.gz` file with `Content-Encoding: gzip`, so the browser would unzip
 * it on the way, the service worker's hash check would fail and the app would not install for offline use.
 * tesseract.js unzips data that starts as gzip does, whatever its name.
 */
export const ocrLanguagePath = (code: string) => `lang/${code}.traineddata`;

/**
 * The languages the engine loads, English always first (its page segmentation and digits are what a mixed page
 * needs), then the chosen ones Docent knows, each once.
 */
export function ocrLanguagesToLoad(chosen: readonly string[]): string[] {
  const known = new Set(ON_DEMAND_OCR_LANGUAGES.map((language) => language.code));
  return [BUILT_IN_OCR_LANGUAGE.code, ...new Set(chosen.filter((code) => known.has(code)))];
}
