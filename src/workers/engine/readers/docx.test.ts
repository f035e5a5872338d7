import { describe, expect, it } from 'vitest';
import { UnreadableFileError } from '../pdf-text';
import { readDocx } from './docx';
import { makeDocx, makeZip } from './make-docx.test-support';

describe('readDocx', () => {
  it('reads a Word document as one page, its heading styles as headings', async () => {
    const bytes = makeDocx([
      { text: 'Harbour Guide', style: 'Title' },
      { text: 'Opening hours', style: 'Heading1' },
      { text: 'The harbour opens at six & closes at ten.' },
      { text: 'Tides', style: 'Heading2' },
      { text: 'High water is at noon.' },
    ]);
    const [page, ...rest] = await readDocx(bytes);
    expect(rest).toEqual([]);
    expect(page.page).toBe(1);
    expect(page.text).toBe('Harbour Guide\n\nOpening hours\n\nThe harbour opens at six & closes at ten.\n\nTides\n\nHigh water is at noon.');
    expect(page.headings!.map((h) => [page.text.slice(h.start, h.end), h.level])).toEqual([
      ['Harbour Guide', 1],
      ['Opening hours', 1],
      ['Tides', 2],
    ]);
  });

  it('reads from a view into a larger buffer', async () => {
    const docx = makeDocx([{ text: 'Only this.' }]);
    const padded = new Uint8Array(docx.length + 20);
    padded.set(docx, 10);
    expect((await readDocx(padded.subarray(10, 10 + docx.length)))[0].text).toBe('Only this.');
  });

  it('fails with a reason for a file that is not a Word document', async () => {
    await expect(readDocx(new TextEncoder().encode('PK\u0003\u0004 not a zip'))).rejects.toThrow(UnreadableFileError);
    await expect(readDocx(makeZip({ 'hello.txt': 'hi' }))).rejects.toThrow(/not a Word document/);
  });
});
