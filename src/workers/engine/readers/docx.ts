import type { PageWithLayout } from '../../../core/text/layout';
import { UnreadableFileError } from '../pdf-text';
import { htmlToText, structuredPage } from './html';

/**
 * A Word (.docx) document: mammoth turns it into HTML (Word's Title and Heading 1–6 styles become `<h1>`–`<h6>`,
 * lists, tables, footnotes and endnotes kept; comments and images left out), and the HTML is read as HTML, so its
 * headings become the outline. One page: a .docx has no pages until Word lays it out.
 *
 * mammoth is loaded on first use (~300 kB built, with its zip and XML readers), from its self-contained browser build:
 * it reads an ArrayBuffer with no Node built-ins, in a module Web Worker as in Node (where the unit tests run it).
 */
export async function readDocx(bytes: Uint8Array): Promise<PageWithLayout[]> {
  const { default: mammoth } = await import('mammoth/mammoth.browser.js');
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { arrayBuffer },
      {
        // mammoth maps Heading 1–6 itself; Word's Title style would otherwise be a plain paragraph.
        styleMap: ["p[style-name='Title'] => h1:fresh", 'p.Title => h1:fresh'],
        // Images would be inlined as base64 data URLs only to be dropped again: give them no source instead.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        ignoreEmptyParagraphs: true,
      },
    );
    html = result.value;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UnreadableFileError(`This file is damaged or is not a Word document (.docx): ${message}`);
  }
  // mammoth links each footnote back to its reference with an "↑": not text.
  const backLink = (name: string, attributes: Record<string, string>) => name === 'a' && /^#(footnote|endnote)-ref-/.test(attributes.href ?? '');
  return [structuredPage(htmlToText(html, { hide: backLink }))];
}
