// Turns the raw measurements into the printed table (Markdown, so docs/PERFORMANCE.md can take it as is).

export const ms = (value) => (Number.isFinite(value) ? (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 1)} ms`) : 'n/a');
export const num = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const mb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1048576).toFixed(1)} MB` : 'n/a');
export const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(2)} KB` : 'n/a');
export const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a');

/** Rows: {section, case, figure, baseline, ratio, notes, load}; load is the 1-minute load average when measured. */
export function markdownTable(rows) {
  const header = ['section', 'case', 'figure', 'baseline (same run)', 'vs baseline', 'notes', 'load'];
  const cells = rows.map((row) =>
    [row.section, row.case, row.figure, row.baseline ?? '', row.ratio ?? '', row.notes ?? '', row.load ?? ''].map((cell) => String(cell).replaceAll('|', '\\|')),
  );
  const lines = [header, header.map(() => '---'), ...cells].map((line) => `| ${line.join(' | ')} |`);
  return lines.join('\n');
}
