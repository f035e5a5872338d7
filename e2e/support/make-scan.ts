import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';

/** How a page of known text is printed and scanned. Sizes in points of an A4 page (595 × 842). */
export interface ScanSpec {
  /** Paragraphs of text, wrapped to the column width. */
  paragraphs: string[];
  font?: string;
  size?: number;
  /** Two columns side by side (text flows down the left one, then the right). */
  columns?: 1 | 2;
  /** Rows of cells drawn as a ruled table below the text. */
  table?: string[][];
  /** Grey speckles per million pixels, as a photocopy has. */
  noise?: number;
  /** The page turned this many degrees, as a sheet fed askew. */
  skew?: number;
  dpi?: number;
}

/**
 * Draws pages of known text as scanner images (PNG, grey on white) in the browser's canvas: several fonts and sizes,
 * two columns, a table, noise and skew. Returns each page's PNG and the text as it stands on it, in reading order.
 */
export async function renderScans(page: Page, specs: ScanSpec[]): Promise<{ png: Buffer; text: string }[]> {
  const pages = await page.evaluate(async (all) => {
    const results: { png: string; text: string }[] = [];
    for (const spec of all) {
      const dpi = spec.dpi ?? 300;
      const scale = dpi / 72;
      const canvas = new OffscreenCanvas(Math.round(595 * scale), Math.round(842 * scale));
      const context = canvas.getContext('2d')!;
      context.fillStyle = 'white';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.save();
      context.translate(canvas.width / 2, canvas.height / 2);
      context.rotate(((spec.skew ?? 0) * Math.PI) / 180);
      context.translate(-canvas.width / 2, -canvas.height / 2);
      context.scale(scale, scale);
      context.fillStyle = '#111';
      const size = spec.size ?? 12;
      context.font = `${size}px ${spec.font ?? 'serif'}`;
      const columns = spec.columns ?? 1;
      const margin = 56;
      const gap = 24;
      const width = (595 - 2 * margin - (columns - 1) * gap) / columns;
      const lineHeight = size * 1.35;
      const lines: string[] = [];
      for (const paragraph of spec.paragraphs) {
        let line = '';
        for (const word of paragraph.split(/\s+/)) {
          const next = line ? `${line} ${word}` : word;
          if (context.measureText(next).width > width && line) {
            lines.push(line);
            line = word;
          } else line = next;
        }
        lines.push(line, '');
      }
      const perColumn = Math.ceil(lines.length / columns);
      const placed: string[] = [];
      let bottom = margin;
      for (let column = 0; column < columns; column++) {
        const slice = lines.slice(column * perColumn, (column + 1) * perColumn);
        slice.forEach((text, row) => context.fillText(text, margin + column * (width + gap), margin + size + row * lineHeight));
        placed.push(...slice.filter(Boolean));
        bottom = Math.max(bottom, margin + size + slice.length * lineHeight);
      }
      if (spec.table) {
        const cellWidth = (595 - 2 * margin) / spec.table[0].length;
        const rowHeight = size * 2;
        context.lineWidth = 0.75;
        spec.table.forEach((row, r) => {
          const y = bottom + gap + r * rowHeight;
          row.forEach((cell, c) => {
            context.strokeRect(margin + c * cellWidth, y, cellWidth, rowHeight);
            context.fillText(cell, margin + c * cellWidth + 6, y + rowHeight * 0.68);
          });
          placed.push(row.join(' '));
        });
      }
      context.restore();
      if (spec.noise) {
        // A fixed sequence (not Math.random): the same spec always gives the same image.
        let seed = 12345;
        const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
        const count = Math.round((spec.noise * canvas.width * canvas.height) / 1e6);
        for (let i = 0; i < count; i++) {
          const grey = Math.round(random() * 160);
          context.fillStyle = `rgb(${grey},${grey},${grey})`;
          context.fillRect(random() * canvas.width, random() * canvas.height, 1 + random() * 2, 1 + random() * 2);
        }
      }
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      results.push({ png: btoa(binary), text: placed.join('\n') });
    }
    return results;
  }, specs);
  return pages.map(({ png, text }) => ({ png: Buffer.from(png, 'base64'), text }));
}

/** An image-only PDF: one A4 page per image (or a blank page for null), as a scanner writes it, with no text layer. */
export async function makeScannedPdf(images: readonly (Buffer | null)[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (const image of images) {
    const page = pdf.addPage([595, 842]);
    if (image) page.drawImage(await pdf.embedPng(image), { x: 0, y: 0, width: 595, height: 842 });
  }
  return Buffer.from(await pdf.save());
}
