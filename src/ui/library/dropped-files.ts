/** The parts of the File and Directory Entries API a drop gives (webkitGetAsEntry), as far as reading goes. */
export interface DroppedEntry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?(success: (file: File) => void, failure: (error: unknown) => void): void;
  createReader?(): { readEntries(success: (entries: DroppedEntry[]) => void, failure: (error: unknown) => void): void };
}

function readAll(directory: DroppedEntry): Promise<DroppedEntry[]> {
  const reader = directory.createReader!();
  const entries: DroppedEntry[] = [];
  // readEntries answers in batches (100 at a time in Chromium) until it answers with none.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(entries);
        entries.push(...batch);
        next();
      }, reject);
    next();
  });
}

/** Every file in the dropped entries, folders walked to the bottom; hidden files (".DS_Store") are left out. */
export async function filesFromEntries(entries: readonly DroppedEntry[]): Promise<File[]> {
  const files: File[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory) files.push(...(await filesFromEntries(await readAll(entry))));
    else if (entry.isFile) files.push(await new Promise<File>((resolve, reject) => entry.file!(resolve, reject)));
  }
  return files;
}
