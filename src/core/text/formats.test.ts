import { describe, expect, it } from 'vitest';
import { ACCEPTED_FILES, formatByName, SUPPORTED_FORMATS_LABEL } from './formats';

describe('formats', () => {
  it('finds a format by extension first, then by MIME type', () => {
    expect(formatByName({ name: 'Report.PDF', type: '' })).toBe('pdf');
    expect(formatByName({ name: 'notes.md', type: 'text/plain' })).toBe('markdown');
    expect(formatByName({ name: 'page', type: 'text/html; charset=utf-8' })).toBe('html');
    expect(formatByName({ name: 'a.docx', type: 'application/octet-stream' })).toBe('docx');
    expect(formatByName({ name: 'server.log', type: 'text/plain' })).toBe('text');
    expect(formatByName({ name: 'photo.jpg', type: 'image/jpeg' })).toBe('image');
    expect(formatByName({ name: 'scan.PNG', type: '' })).toBe('image');
    expect(formatByName({ name: 'animation.gif', type: 'image/gif' })).toBeUndefined();
    expect(formatByName({ name: 'old.doc', type: 'application/msword' })).toBeUndefined();
  });

  it('offers every extension and type to the file picker', () => {
    expect(ACCEPTED_FILES.split(',')).toEqual(expect.arrayContaining(['.pdf', '.docx', '.html', '.htm', '.md', '.markdown', '.txt', 'application/pdf', 'text/plain', 'text/markdown', 'text/html']));
    expect(SUPPORTED_FORMATS_LABEL).toContain('Word (.docx)');
  });
});
