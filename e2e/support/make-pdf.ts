import { PDFDocument, StandardFonts } from 'pdf-lib';

interface PdfOptions {
  /** A line printed at the top of every page, as a court's filing stamp or a running header is. */
  stamp?: (page: number, pageCount: number) => string;
}

/** A real PDF with one page per entry, so a test knows on which page each fact stands. */
export async function makePdf(pages: readonly string[], { stamp }: PdfOptions = {}): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pages.forEach((text, index) => {
    const page = pdf.addPage([595, 842]);
    if (stamp) page.drawText(stamp(index + 1, pages.length), { x: 56, y: 815, size: 8, font });
    page.drawText(text, { x: 56, y: 780, size: 12, font, maxWidth: 480, lineHeight: 16 });
  });
  return Buffer.from(await pdf.save());
}
