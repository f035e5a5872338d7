import type { Heading } from './layout';
import { normalizeCharacters, normalizeLineEndings } from './normalize';

/**
 * Writes text the way a browser lays it out, for readers of structured formats (HTML, Markdown, Word): inline text
 * with its whitespace collapsed, line and paragraph breaks that never pile up, preformatted text kept as it is, and
 * headings recorded with their offsets. The result never starts or ends with whitespace.
 */
export class StructuredTextBuilder {
  #text = '';
  #pendingBreak = 0;
  #pendingSpace = false;
  #headings: Heading[] = [];
  #heading: { level: number; start?: number } | undefined;

  /** Text in normal flow: any run of whitespace is one space. */
  inline(text: string): void {
    const clean = normalizeCharacters(text);
    const words = clean.split(/\s+/);
    words.forEach((word, i) => {
      if (i > 0) this.#pendingSpace = true;
      if (word) this.#write(word);
    });
  }

  /**
   * Preformatted text (`<pre>`, code blocks): its line breaks are kept; spaces inside a line collapse and indentation
   * goes (the text is for reading and search, not for running the code).
   */
  preformatted(text: string): void {
    const lines = normalizeCharacters(normalizeLineEndings(text)).split('\n');
    lines.forEach((line, i) => {
      if (i > 0) this.lineBreak();
      this.inline(line);
    });
  }

  /** The next text starts on a new line (`<br>`, list items, table rows). */
  lineBreak(): void {
    this.#pendingBreak = Math.max(this.#pendingBreak, 1);
  }

  /** The next text starts a new paragraph, after a blank line (`<p>`, headings, block quotes). */
  paragraphBreak(): void {
    this.#pendingBreak = 2;
  }

  beginHeading(level: number): void {
    if (this.#heading) return;
    this.paragraphBreak();
    this.#heading = { level: Math.min(6, Math.max(1, Math.round(level))) };
  }

  endHeading(): void {
    const heading = this.#heading;
    if (!heading) return;
    this.#heading = undefined;
    if (heading.start !== undefined && this.#text.length > heading.start) {
      this.#headings.push({ start: heading.start, end: this.#text.length, level: heading.level });
    }
    this.paragraphBreak();
  }

  result(): { text: string; headings: Heading[] } {
    this.endHeading();
    return { text: this.#text, headings: this.#headings };
  }

  #write(word: string): void {
    if (this.#text) {
      if (this.#pendingBreak > 0) this.#text += '\n'.repeat(this.#pendingBreak);
      else if (this.#pendingSpace) this.#text += ' ';
    }
    this.#pendingBreak = 0;
    this.#pendingSpace = false;
    if (this.#heading && this.#heading.start === undefined) this.#heading.start = this.#text.length;
    this.#text += word;
  }
}
