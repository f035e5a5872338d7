import { Marked } from 'marked';
import { decodeText } from '../../../core/text/decode';
import type { PageWithLayout } from '../../../core/text/layout';
import { htmlToText, structuredPage } from './html';

const marked = new Marked({ gfm: true, breaks: false });

/** YAML (`---`) or TOML (`+++`) front matter: metadata, not text. */
const FRONT_MATTER = /^(?:---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)|\+\+\+[ \t]*\n[\s\S]*?\n\+\+\+)[ \t]*(?:\n|$)/;

/**
 * The text of a Markdown document: rendered by marked (CommonMark + GitHub tables), then read as HTML, so the text
 * is what a reader sees (no `#`, `*`, link targets or image addresses; code kept line by line; raw HTML inside
 * treated as HTML, scripts dropped) and headings (ATX and setext) become the heading outline.
 */
export function markdownToText(markdown: string) {
  const source = markdown.replace(/\r\n?/g, '\n').replace(FRONT_MATTER, '');
  return htmlToText(marked.parse(source, { async: false }));
}

/** A Markdown file is one page: it has no pages, and its headings say where things are. */
export function readMarkdown(bytes: Uint8Array): PageWithLayout[] {
  return [structuredPage(markdownToText(decodeText(bytes).text))];
}
