/** "page 4", "pages 4 and 7", "pages 2–5, 9 and 12": page numbers as a person writes them. */
export function describePages(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    ranges.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : j > i ? `${sorted[i]}, ${sorted[j]}` : `${sorted[i]}`);
    i = j;
  }
  const list = ranges.join(', ').replace(/, ([^,]*)$/, ' and $1');
  return `${sorted.length === 1 ? 'page' : 'pages'} ${list}`;
}

/**
 * What a person should know about a document that was only partly read: pages that failed, and pages with no text
 * (scanned images, most likely). Undefined when every page was read.
 */
export function readingWarning(pageCount: number, unreadable: readonly number[], withoutText: readonly number[]): string | undefined {
  const notes: string[] = [];
  if (unreadable.length > 0) notes.push(`${unreadable.length} of ${pageCount} pages could not be read (${describePages(unreadable)}).`);
  if (withoutText.length > 0) notes.push(`No text on ${describePages(withoutText)}: scanned images, most likely, so not searchable.`);
  return notes.length > 0 ? notes.join(' ') : undefined;
}
