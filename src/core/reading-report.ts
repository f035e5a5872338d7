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
 * What a person should know about a document that was only partly read: pages that failed, pages OCR could not read
 * (with why), and pages with no text (where OCR found none: pictures or blank pages, most likely). Undefined when
 * every page was read.
 */
export function readingWarning(
  pageCount: number,
  unreadable: readonly number[],
  withoutText: readonly number[],
  ocrFailed: readonly { page: number; reason: string }[] = [],
): string | undefined {
  const notes: string[] = [];
  if (unreadable.length > 0) notes.push(`${unreadable.length} of ${pageCount} pages could not be read (${describePages(unreadable)}).`);
  for (const { page, reason } of ocrFailed) notes.push(`OCR could not read page ${page}: ${reason}`);
  const blank = withoutText.filter((page) => !ocrFailed.some((failed) => failed.page === page));
  if (blank.length > 0) notes.push(`No text found on ${describePages(blank)}, even with OCR: pictures or blank pages, most likely.`);
  return notes.length > 0 ? notes.join(' ') : undefined;
}
