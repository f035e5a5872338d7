import type { ChunkId } from '../../core/ids';
import type { DocumentSummary } from '../../core/library';
import type { SourceView } from '../../core/protocol';
import { highlightBoxes } from '../../core/text/highlight';
import { openPdf } from './pdf-document';
import { getChunks, getFile, getPage, unpackRuns, type LibraryDb } from './storage';

/** Wide enough to read on a laptop screen, small enough to render in a fraction of a second. */
const RENDER_WIDTH = 1000;

async function renderPdfPage(data: Uint8Array, pageNumber: number, password?: string): Promise<Blob> {
  const pdf = openPdf(data, password);
  try {
    const page = await (await pdf.task.promise).getPage(pageNumber);
    const viewport = page.getViewport({ scale: RENDER_WIDTH / page.getViewport({ scale: 1 }).width });
    const canvas = new OffscreenCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d')!;
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    return await canvas.convertToBlob({ type: 'image/png' });
  } finally {
    await pdf.close();
  }
}

/** An image file drawn at the viewer's width (never larger than it is). */
async function renderImage(blob: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(blob);
  const scale = Math.min(1, RENDER_WIDTH / bitmap.width);
  const canvas = new OffscreenCanvas(Math.ceil(bitmap.width * scale), Math.ceil(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/png' });
}

/**
 * A cited passage where it stands: the PDF page (or image) drawn as it looks with the passage's text boxed, marked
 * when its text was read by OCR, or, for other formats, the page's text with the passage marked.
 */
export async function sourceView(db: LibraryDb, chunkId: ChunkId, documentOf: (chunkId: ChunkId) => DocumentSummary | undefined): Promise<SourceView> {
  const [chunk] = await getChunks(db, [chunkId]);
  const document = documentOf(chunkId);
  const page = chunk && (await getPage(db, chunk.docId, chunk.pageStart));
  if (!chunk || !document || !page) throw new Error('This passage is no longer in your library.');
  const start = chunk.charStart - page.start;
  const end = Math.min(chunk.charEnd - page.start, page.text.length);
  const common = { documentName: document.name, page: page.page, pageCount: document.pageCount, passage: chunk.text };
  const drawn = (document.format === 'pdf' || document.format === 'image') && page.layout;
  const file = drawn ? await getFile(db, chunk.docId) : undefined;
  if (file && page.layout) {
    const image = document.format === 'image' ? await renderImage(file.blob) : await renderPdfPage(new Uint8Array(await file.blob.arrayBuffer()), page.page, file.password);
    const ocr = document.ocr?.pages.includes(page.page) ? { ocr: { lowConfidence: document.ocr.lowConfidence.includes(page.page) } } : {};
    return { kind: 'pdf-page', ...common, image, highlights: highlightBoxes({ ...page.layout, runs: unpackRuns(page.layout.runs) }, start, end), ...ocr };
  }
  return { kind: 'text', ...common, text: page.text, highlight: { start, end } };
}
