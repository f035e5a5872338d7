// How many documents the library held, kept in localStorage: apart from IndexedDB, so that a library the browser
// cleared (storage pressure, a profile reset, the person clearing only site databases) can be noticed and restored.
const MARKER = 'docent.library';

export function readLibraryMarker(): number {
  try {
    const documents = (JSON.parse(localStorage.getItem(MARKER) ?? 'null') as { documents?: unknown } | null)?.documents;
    return typeof documents === 'number' ? documents : 0;
  } catch {
    return 0;
  }
}

export function writeLibraryMarker(documents: number): void {
  try {
    if (readLibraryMarker() !== documents) localStorage.setItem(MARKER, JSON.stringify({ documents }));
  } catch {
    // Storage refused (private mode, quota): nothing to remember with.
  }
}
