import { OCR_LANGUAGE_CACHE, ON_DEMAND_OCR_LANGUAGES, ocrLanguagePath } from '../../core/ocr-languages';
import type { OcrLanguageProgress } from '../../core/protocol';

const urlOf = (assetsUrl: string, code: string) => new URL(ocrLanguagePath(code), assetsUrl).href;

/** The on-demand languages kept in this browser (their data in the OCR language cache). */
export async function keptOcrLanguages(assetsUrl: string): Promise<string[]> {
  const cache = await caches.open(OCR_LANGUAGE_CACHE);
  const kept = await Promise.all(ON_DEMAND_OCR_LANGUAGES.map(async ({ code }) => ((await cache.match(urlOf(assetsUrl, code))) ? code : undefined)));
  return kept.filter((code) => code !== undefined);
}

/** Fetches a language's data from the site, reporting its bytes as they arrive, and keeps it whole or not at all. */
async function keepLanguage(assetsUrl: string, code: string, onProgress: (progress: OcrLanguageProgress) => void): Promise<void> {
  const url = urlOf(assetsUrl, code);
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`The ${code} language data could not be fetched from this site (HTTP ${response.status}).`);
  const totalBytes = Number(response.headers.get('Content-Length')) || (ON_DEMAND_OCR_LANGUAGES.find((language) => language.code === code)?.bytes ?? 0);
  const chunks: Uint8Array[] = [];
  let loadedBytes = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loadedBytes += value.length;
    onProgress({ code, loadedBytes, totalBytes });
  }
  if (totalBytes && loadedBytes !== totalBytes) throw new Error(`The ${code} language data arrived incomplete (${loadedBytes} of ${totalBytes} bytes).`);
  const cache = await caches.open(OCR_LANGUAGE_CACHE);
  await cache.put(url, new Response(new Blob(chunks as BlobPart[]), { headers: { 'Content-Type': 'application/gzip', 'Content-Length': String(loadedBytes) } }));
}

/**
 * Keeps exactly the chosen on-demand languages in this browser: fetches those missing (one after the other, with
 * progress), deletes the others. Returns the languages kept.
 */
export async function keepOcrLanguages(assetsUrl: string, chosen: readonly string[], onProgress: (progress: OcrLanguageProgress) => void): Promise<string[]> {
  const kept = await keptOcrLanguages(assetsUrl);
  const cache = await caches.open(OCR_LANGUAGE_CACHE);
  for (const code of kept.filter((code) => !chosen.includes(code))) await cache.delete(urlOf(assetsUrl, code));
  for (const code of chosen.filter((code) => !kept.includes(code) && ON_DEMAND_OCR_LANGUAGES.some((language) => language.code === code))) {
    await keepLanguage(assetsUrl, code, onProgress);
  }
  return keptOcrLanguages(assetsUrl);
}
