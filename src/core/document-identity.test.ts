import { describe, expect, it } from 'vitest';
import { distinctRunningLines, identityText } from './document-identity';

describe('identityText', () => {
  it('joins title, file name, metadata and running lines, each once, the title first', () => {
    expect(
      identityText({
        fileName: 'report_0412.pdf',
        title: 'Northwind Logistics Annual Report 2018',
        subject: 'Form 10-K   fiscal year 2018',
        author: 'Northwind Logistics Inc.',
        runningLines: ['Northwind Logistics Inc. — Annual Report FY2018', 'northwind logistics annual report 2018'],
      }),
    ).toBe('Northwind Logistics Annual Report 2018 · report_0412.pdf · Form 10-K fiscal year 2018 · Northwind Logistics Inc. · Northwind Logistics Inc. — Annual Report FY2018');
  });

  it('is the file name alone when nothing else is known', () => {
    expect(identityText({ fileName: 'notes.md', title: '  ' })).toBe('notes.md');
  });
});

describe('distinctRunningLines', () => {
  it('keeps each header once whatever its numbers, drops page numbers, and puts the most repeated first', () => {
    const lines = ['Acme — Annual Report FY2018 — page 1', '1', 'Confidential', 'Acme — Annual Report FY2018 — page 2', '2', 'Acme — Annual Report FY2018 — page 3'];
    expect(distinctRunningLines(lines)).toEqual(['Acme — Annual Report FY2018 — page 1', 'Confidential']);
  });
});
