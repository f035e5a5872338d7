import { GlobalWorkerOptions, PDFWorker, getDocument, type PDFDocumentLoadingTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { passwordForms } from '../../core/text/pdf-password';

// The legacy build carries polyfills: the modern one needs Map.getOrInsertComputed (Chrome 145+, Safari 26.2+).
GlobalWorkerOptions.workerSrc = pdfWorkerUrl;

let assetsUrl: string | undefined;

const CLOSE_GRACE_MS = 1_000;

// pdf.js's PasswordResponses.INCORRECT_PASSWORD.
const INCORRECT_PASSWORD = 2;

/**
 * Where the site serves pdf.js's data folders (see scripts/vite/pdfjs-assets.ts): CMaps for CJK text, standard
 * fonts for PDFs that do not embed theirs, wasm image decoders. Without it those PDFs read or render worse.
 */
export function configurePdfAssets(url: string): void {
  assetsUrl = url;
}

/** pdf.js draws into canvases it creates; a worker has no document, but it has OffscreenCanvas. */
class OffscreenCanvasFactory {
  create(width: number, height: number) {
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true })! };
  }

  reset(target: { canvas: OffscreenCanvas }, width: number, height: number) {
    target.canvas.width = width;
    target.canvas.height = height;
  }

  destroy(target: { canvas: OffscreenCanvas | null; context: unknown }) {
    if (target.canvas) target.canvas.width = target.canvas.height = 0;
    target.canvas = null;
    target.context = null;
  }
}

export interface OpenedPdf {
  task: PDFDocumentLoadingTask;
  /** Ends the document and its parser worker, even one stuck in a file built to never finish. */
  close(): Promise<void>;
}

/**
 * Opens a PDF the one way Docent opens PDFs: parsed in a worker of its own (pdf.js would otherwise parse on this
 * worker's thread: it looks for `window` to start one), so a hostile file can be stopped by ending that worker.
 * A password that pdf.js finds wrong is tried again in the other forms writers encrypt with (see
 * core/text/pdf-password.ts) before the file is reported as needing its password.
 */
export function openPdf(data: Uint8Array, password?: string): OpenedPdf {
  const parser = typeof Worker === 'undefined' ? undefined : new Worker(pdfWorkerUrl, { type: 'module', name: 'docent-pdf-parser' });
  const [typed, ...otherForms] = password === undefined ? [] : passwordForms(password);
  const task = getDocument({
    // pdf.js takes the buffer over (transfers it to its worker); a copy keeps the caller's bytes usable, for a retry.
    data: data.slice(),
    password: typed,
    worker: parser && PDFWorker.create({ port: parser }),
    // Closes CVE-2024-4367 (script run from a crafted font) for good.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    CanvasFactory: typeof OffscreenCanvas === 'undefined' ? undefined : OffscreenCanvasFactory,
    cMapUrl: assetsUrl && `${assetsUrl}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: assetsUrl && `${assetsUrl}standard_fonts/`,
    wasmUrl: assetsUrl && `${assetsUrl}wasm/`,
    // pdf.js's parser fetches the data itself; left unset, pdf.js reads document.baseURI to decide, and a worker
    // has no document.
    useWorkerFetch: assetsUrl !== undefined,
  });
  // pdf.js asks again, in the same parse, while a form is left; an Error ends the asking and the document fails
  // with pdf.js's PasswordException (need or incorrect), as without this handler.
  task.onPassword = (retry: (password: string | Error) => void, reason: number) => {
    const next = reason === INCORRECT_PASSWORD ? otherForms.shift() : undefined;
    retry(next ?? new Error('No other form of the password to try.'));
  };
  return {
    task,
    async close() {
      // destroy() waits for the parser's reply; a parser stuck in a hostile file never replies, so it is ended anyway.
      await Promise.race([task.destroy().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS))]);
      parser?.terminate();
    },
  };
}
