// The formats Docent reads, in one place: the reader picks by them, and the file picker offers them.

export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'markdown' | 'text' | 'image';

export const DOCUMENT_FORMATS: Record<DocumentFormat, { extensions: readonly string[]; mimeTypes: readonly string[] }> = {
  pdf: { extensions: ['pdf'], mimeTypes: ['application/pdf'] },
  docx: { extensions: ['docx'], mimeTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'] },
  html: { extensions: ['html', 'htm', 'xhtml'], mimeTypes: ['text/html', 'application/xhtml+xml'] },
  markdown: { extensions: ['md', 'markdown', 'mdown', 'mkd', 'mkdn'], mimeTypes: ['text/markdown', 'text/x-markdown'] },
  text: { extensions: ['txt', 'text'], mimeTypes: ['text/plain'] },
  // Photos and scans of pages, read with OCR.
  image: { extensions: ['png', 'jpg', 'jpeg'], mimeTypes: ['image/png', 'image/jpeg'] },
};

/** What Docent reads, as messages name it. */
export const SUPPORTED_FORMATS_LABEL = 'PDF, Word (.docx), HTML, Markdown and plain text files, and images of pages (PNG, JPEG)';

/** The `accept` attribute of a file input that offers every readable file. */
export const ACCEPTED_FILES = Object.values(DOCUMENT_FORMATS)
  .flatMap(({ extensions, mimeTypes }) => [...extensions.map((extension) => `.${extension}`), ...mimeTypes])
  .join(',');

/** The format a file's name or type says it has (its extension first, then its MIME type). */
export function formatByName(file: { name: string; type: string }): DocumentFormat | undefined {
  const extension = /\.([a-z0-9]+)$/.exec(file.name.toLowerCase())?.[1];
  const type = file.type.toLowerCase().split(';')[0].trim();
  const formats = Object.entries(DOCUMENT_FORMATS) as [DocumentFormat, (typeof DOCUMENT_FORMATS)[DocumentFormat]][];
  return (
    formats.find(([, { extensions }]) => extension !== undefined && extensions.includes(extension))?.[0] ??
    formats.find(([, { mimeTypes }]) => mimeTypes.includes(type))?.[0]
  );
}
