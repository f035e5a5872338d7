// The only module that imports tesseract.js (lint-enforced): it starts tesseract's own worker with every file from
// the site (never its CDN defaults), reads one image at a time, and hands back plain OcrPage values.
import { createWorker, OEM, PSM, type Block, type Worker as TesseractWorker } from 'tesseract.js';
import type { OcrLine, OcrPage } from '../../core/text/ocr';

export class OcrPageError extends Error {
  override name = 'OcrPageError';
}

export class OcrCancelled extends Error {
  override name = 'OcrCancelled';
  constructor() {
    super('Reading with OCR was cancelled.');
  }
}

export interface OcrReader {
  /**
   * Reads the text of an image (PNG, JPEG, BMP, or a canvas). Fails with OcrPageError when the engine cannot read it
   * or takes more than `timeoutMs` (the engine is then ended and started afresh for the next image), and with
   * OcrCancelled when `signal` aborts.
   */
  read(image: Blob | OffscreenCanvas, options: { timeoutMs: number; signal?: AbortSignal }): Promise<OcrPage>;
  /** Ends the engine's worker; the next read starts one again. */
  close(): Promise<void>;
}

/** The file names tesseract.js loads under `assetsUrl` (served by scripts/vite/ocr-assets.ts). */
function workerOptions(assetsUrl: string) {
  return {
    workerPath: `${assetsUrl}worker.min.js`,
    // A file, not a folder: tesseract.js would otherwise pick among builds by feature tests, and the site serves one.
    corePath: `${assetsUrl}tesseract-core-simd-lstm.wasm.js`,
    langPath: `${assetsUrl}lang`,
    // The site names the (gzipped) data `<code>.traineddata`: see core/ocr-languages.ts.
    gzip: false,
    // The service worker keeps these files for offline use; tesseract.js's own IndexedDB copy would be a second one.
    cacheMethod: 'none',
    // A blob: worker would importScripts the site's file anyway, and a blob: URL is one more origin to reason about.
    workerBlobURL: false,
  };
}

function toLines(blocks: Block[] | null): OcrLine[] {
  return (blocks ?? []).flatMap((block) =>
    block.paragraphs.flatMap((paragraph) =>
      paragraph.lines.map((line) => ({
        box: line.bbox,
        words: line.words.map((word) => ({ text: word.text, confidence: word.confidence, box: word.bbox })),
      })),
    ),
  );
}

async function imageSize(image: Blob | OffscreenCanvas): Promise<{ width: number; height: number }> {
  if (!(image instanceof Blob)) return { width: image.width, height: image.height };
  const bitmap = await createImageBitmap(image).catch(() => {
    throw new OcrPageError('This image could not be decoded: it is damaged or not an image.');
  });
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

/** The engine's worker (and its wasm memory, with the language loaded) ends after this long unused. */
const IDLE_MS = 60_000;

export function createOcrReader(assetsUrl: string, languages: readonly string[] = ['eng']): OcrReader {
  let started: Promise<TesseractWorker> | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const start = () =>
    (started ??= createWorker([...languages], OEM.LSTM_ONLY, workerOptions(assetsUrl)).then(async (worker) => {
      // Automatic page segmentation: columns and tables are read block by block, in reading order.
      await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '0' });
      return worker;
    }));
  const end = async () => {
    const worker = started;
    started = undefined;
    await worker?.then((w) => w.terminate()).catch(() => undefined);
  };

  /** One image read, within its time bound; the worker ended when that bound passes or the read is cancelled. */
  const read: OcrReader['read'] = async (image, { timeoutMs, signal }) => {
    if (signal?.aborted) throw new OcrCancelled();
    const { width, height } = await imageSize(image);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const stopped = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new OcrPageError(`Reading it with OCR took more than ${Math.round(timeoutMs / 1000)} seconds.`)), timeoutMs);
      onAbort = () => reject(new OcrCancelled());
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const worker = await Promise.race([start(), stopped]);
      const { data } = await Promise.race([worker.recognize(image, {}, { blocks: true, text: false }), stopped]);
      return { width, height, lines: toLines(data.blocks) };
    } catch (error) {
      // A page that timed out or was cancelled is still being read: only ending the worker stops it.
      if (error instanceof OcrPageError || error instanceof OcrCancelled) {
        await end();
        throw error;
      }
      throw new OcrPageError(`The OCR engine could not read it: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  };

  return {
    async read(image, options) {
      clearTimeout(idle);
      try {
        return await read(image, options);
      } finally {
        idle = setTimeout(() => void end(), IDLE_MS);
      }
    },
    async close() {
      clearTimeout(idle);
      await end();
    },
  };
}
