import { describe, expect, it } from 'vitest';
import { filesFromEntries, type DroppedEntry } from './dropped-files';

const file = (name: string): DroppedEntry => ({ isFile: true, isDirectory: false, name, file: (success) => success(new File([name], name)) });
const folder = (name: string, children: DroppedEntry[], batch = 2): DroppedEntry => ({
  isFile: false,
  isDirectory: true,
  name,
  createReader() {
    let position = 0;
    return {
      readEntries(success) {
        const answer = children.slice(position, position + batch);
        position += batch;
        queueMicrotask(() => success(answer));
      },
    };
  },
});

describe('filesFromEntries', () => {
  it('walks folders to the bottom, reading every batch, and skips hidden files', async () => {
    const dropped = [file('a.pdf'), folder('papers', [file('b.pdf'), file('.DS_Store'), folder('old', [file('c.md')]), file('d.txt'), file('e.docx')])];
    const names = (await filesFromEntries(dropped)).map((f) => f.name);
    expect(names).toEqual(['a.pdf', 'b.pdf', 'c.md', 'd.txt', 'e.docx']);
  });
});
