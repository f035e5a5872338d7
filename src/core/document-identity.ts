// Who and what a document is, for search: a question naming a company and a year must find that company's report
// among look-alikes whose passages differ mainly in who and when. The passages rarely say it ("the Company", "this
// fiscal year"); the title page, the PDF's metadata, the file name and the running headers (which the cleaner rightly
// removes from passage text) do.
import { isPageNumberLine, lineSignature } from './text/running-lines';

export interface DocumentIdentity {
  fileName: string;
  /** From the PDF's metadata (untrusted text, used for search only). */
  title?: string;
  subject?: string;
  author?: string;
  /** The running header and footer lines removed from the pages, each once. */
  runningLines?: readonly string[];
}

/** At most this many running lines: a document's furniture says who it is in a line or two. */
const MAX_RUNNING_LINES = 4;
const MAX_PART_CHARS = 200;

/** Distinct running lines (numbers aside: "Page 3" and "Page 4" are one line), page numbers left out, most pages first. */
export function distinctRunningLines(lines: readonly string[]): string[] {
  const counts = new Map<string, { text: string; count: number }>();
  for (const text of lines) {
    if (isPageNumberLine(text)) continue;
    const signature = lineSignature(text);
    const entry = counts.get(signature) ?? { text: text.trim(), count: 0 };
    entry.count++;
    counts.set(signature, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count).map((entry) => entry.text).slice(0, MAX_RUNNING_LINES);
}

/** The identity as one line of text: each distinct part once, the title first. */
export function identityText({ fileName, title, subject, author, runningLines = [] }: DocumentIdentity): string {
  const parts = [title, fileName, subject, author, ...runningLines].map((part) => part?.replace(/\s+/g, ' ').trim().slice(0, MAX_PART_CHARS));
  const seen = new Set<string>();
  return parts
    .filter((part): part is string => {
      if (!part || seen.has(part.toLowerCase())) return false;
      seen.add(part.toLowerCase());
      return true;
    })
    .join(' · ');
}
