import type { ChangeEvent } from 'react';
import { describeBackupProgress } from '../format';
import { useStore } from '../store';
import type { BackupStore } from './backup-store';

/**
 * Said on opening when the library that was here is gone (the browser's storage was cleared): how many documents it
 * held, and the way back, importing a backup.
 */
export function LostLibraryNotice({ documents, backup, onDismiss }: { documents: number; backup: BackupStore; onDismiss: () => void }) {
  const { running, outcome } = useStore(backup);
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const [file] = event.target.files ?? [];
    event.target.value = '';
    if (file) void backup.importLibrary(file);
  };
  return (
    <section className="lost-library" aria-label="Your library is gone">
      <p role="alert">
        This browser held a library of {documents} {documents === 1 ? 'document' : 'documents'} for Docent, and it is gone: the
        browser’s storage was cleared (by you, or by the browser to free space). If you exported a backup, import it to bring the
        library back.
      </p>
      <div className="settings__actions">
        <label className="file-button">
          Import a backup
          <input type="file" accept=".docent" disabled={running !== undefined} onChange={onFile} />
        </label>
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      {running?.progress && <p role="status">{describeBackupProgress(running.progress)}</p>}
      {outcome?.problem && <p role="alert">{outcome.message}</p>}
    </section>
  );
}
