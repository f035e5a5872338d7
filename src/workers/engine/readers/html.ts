import { Parser } from 'htmlparser2';
import { decodeText } from '../../../core/text/decode';
import type { Heading, PageWithLayout } from '../../../core/text/layout';
import { StructuredTextBuilder } from '../../../core/text/structured-text';

/** Elements whose content is not the document's text: metadata, scripts and styles, embedded media, form controls. */
const HIDDEN = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'canvas', 'svg',
  'audio', 'video', 'select', 'datalist', 'textarea', 'button', 'dialog',
]);
/** Blocks set apart by a blank line (paragraphs). */
const PARAGRAPHS = new Set([
  'p', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'table', 'figure', 'section', 'article', 'header', 'footer', 'nav',
  'aside', 'main', 'address', 'fieldset', 'form', 'details', 'hr', 'center',
]);
/** Blocks that start on a new line. */
const LINES = new Set(['div', 'li', 'tr', 'dt', 'dd', 'caption', 'figcaption', 'summary', 'legend', 'thead', 'tbody', 'tfoot', 'body', 'html', 'option']);
const HEADING = /^h([1-6])$/;

const isHidden = (name: string, attributes: Record<string, string>) =>
  HIDDEN.has(name) ||
  'hidden' in attributes ||
  attributes['aria-hidden'] === 'true' ||
  /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attributes.style ?? '');

/**
 * The visible text of an HTML document, laid out as a browser would: no script, style, template, head or hidden
 * content, no attributes; block elements on their own lines, paragraphs apart by a blank line, table cells apart by
 * " | ", `<pre>` kept line by line, entities decoded. `<h1>`–`<h6>` become headings. `hide` leaves out more elements.
 * Pure JavaScript (htmlparser2), so it runs in a Web Worker, where there is no DOMParser.
 */
export function htmlToText(html: string, { hide }: { hide?: (name: string, attributes: Record<string, string>) => boolean } = {}): { text: string; headings: Heading[] } {
  const out = new StructuredTextBuilder();
  const open: string[] = [];
  let hidden = 0;
  let preformatted = 0;
  const cells: number[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        open.push(name);
        if (hidden > 0 || isHidden(name, attributes) || hide?.(name, attributes)) {
          hidden++;
          return;
        }
        const heading = HEADING.exec(name);
        if (heading) out.beginHeading(Number(heading[1]));
        else if (PARAGRAPHS.has(name)) out.paragraphBreak();
        else if (LINES.has(name) || name === 'br') out.lineBreak();
        if (name === 'pre' || name === 'listing' || name === 'plaintext') preformatted++;
        if (name === 'tr') cells.push(0);
        if ((name === 'td' || name === 'th') && cells.length > 0 && cells[cells.length - 1]++ > 0) out.inline(' | ');
      },
      ontext(text) {
        if (hidden > 0) return;
        if (preformatted > 0) out.preformatted(text);
        else out.inline(text);
      },
      onclosetag(name) {
        // htmlparser2 closes every element it opened (void and implied ones too); this guards the counts anyway.
        if (open.pop() === undefined) return;
        if (hidden > 0) {
          hidden--;
          return;
        }
        if (HEADING.test(name)) out.endHeading();
        else if (PARAGRAPHS.has(name)) out.paragraphBreak();
        else if (LINES.has(name)) out.lineBreak();
        if (name === 'pre' || name === 'listing' || name === 'plaintext') preformatted = Math.max(0, preformatted - 1);
        if (name === 'tr') cells.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return out.result();
}

/** The charset an HTML file declares in its first bytes (`<meta charset>` or `http-equiv` content type). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 2048));
  const label = /<meta[^>]*?charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1].toLowerCase();
  if (!label || label.startsWith('utf-16') || label === 'utf-8' || label === 'utf8') return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** Decodes an HTML file: a byte order mark first, then its declared charset, then UTF-8 (or Windows-1252). */
export function decodeHtml(bytes: Uint8Array): string {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const charset = hasBom ? undefined : declaredCharset(bytes);
  return charset ? new TextDecoder(charset).decode(bytes) : decodeText(bytes).text;
}

/** An HTML file is one page: HTML has no pages, and its headings say where things are. */
export function readHtml(bytes: Uint8Array): PageWithLayout[] {
  return [structuredPage(htmlToText(decodeHtml(bytes)))];
}

export function structuredPage({ text, headings }: { text: string; headings: Heading[] }): PageWithLayout {
  return headings.length > 0 ? { page: 1, text, headings } : { page: 1, text };
}
