import type { ChangeEvent } from 'react';
import { describeBackupProgress } from '../format';
import { useStore } from '../store';
import type { BackupStore } from './backup-store';

/** Settings → Library backup: export the library to one file, import one, with progress and what happened. */
export function BackupSection({ store, headingId }: { store: BackupStore; headingId: string }) {
  const { running, outcome } = useStore(store);
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const [file] = event.target.files ?? [];
    event.target.value = '';
    if (file) void store.importLibrary(file);
  };
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Library backup</h3>
      <p className="hint">
        One file with your documents (and their original PDFs), their passages and vectors, and your chats: keep it safe, or
        import it in Docent on another browser or computer. Documents already in the library are skipped.
      </p>
      <div className="settings__actions">
        <button type="button" disabled={running !== undefined} onClick={() => void store.exportLibrary()}>
          Export library
        </button>
        <label className={running ? 'file-button file-button--disabled' : 'file-button'}>
          Import library
          <input type="file" accept=".docent" disabled={running !== undefined} onChange={onFile} />
        </label>
      </div>
      {running && (
        <p role="status">
          {running.progress ? describeBackupProgress(running.progress) : running.kind === 'export' ? 'Exporting…' : 'Reading the backup…'}{' '}
          {running.kind === 'export' && (
            <button type="button" onClick={store.cancelExport}>
              Cancel export
            </button>
          )}
        </p>
      )}
      {outcome && (
        <p role={outcome.problem ? 'alert' : 'status'} className={outcome.problem ? 'settings__error' : undefined}>
          {outcome.message}
        </p>
      )}
    </section>
  );
}
