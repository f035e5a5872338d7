import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A real PDF with one page per entry, so a test knows on which page each fact stands. */
export async function makePdf(pages: readonly string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = pdf.addPage([595, 842]);
    page.drawText(text, { x: 56, y: 780, size: 12, font, maxWidth: 480, lineHeight: 16 });
  }
  return Buffer.from(await pdf.save());
}
