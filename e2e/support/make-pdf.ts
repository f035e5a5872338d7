import { PDFDocument, StandardFonts } from 'pdf-lib';

interface PdfOptions {
  /** A line printed at the top of every page, as a court's filing stamp or a running header is. */
  stamp?: (page: number, pageCount: number) => string;
  /** The PDF's own metadata (its Info dictionary). */
  metadata?: { title?: string; subject?: string; author?: string };
}

/** A real PDF with one page per entry, so a test knows on which page each fact stands. */
export async function makePdf(pages: readonly string[], { stamp, metadata = {} }: PdfOptions = {}): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  if (metadata.title) pdf.setTitle(metadata.title);
  if (metadata.subject) pdf.setSubject(metadata.subject);
  if (metadata.author) pdf.setAuthor(metadata.author);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pages.forEach((text, index) => {
    const page = pdf.addPage([595, 842]);
    if (stamp) page.drawText(stamp(index + 1, pages.length), { x: 56, y: 815, size: 8, font });
    page.drawText(text, { x: 56, y: 780, size: 12, font, maxWidth: 480, lineHeight: 16 });
  });
  return Buffer.from(await pdf.save());
}
