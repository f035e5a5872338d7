import { GlobalWorkerOptions, getDocument, type PDFDocumentLoadingTask } from 'pdfjs-dist/legacy/build/pdf.mjs';
import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

// The legacy build carries polyfills: the modern one needs Map.getOrInsertComputed (Chrome 145+, Safari 26.2+).
GlobalWorkerOptions.workerSrc = pdfWorkerUrl;

let assetsUrl: string | undefined;

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

/** Opens a PDF the one way Docent opens PDFs. The caller destroys the task when done. */
export function openPdf(data: Uint8Array, password?: string): PDFDocumentLoadingTask {
  return getDocument({
    data,
    password,
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
}
