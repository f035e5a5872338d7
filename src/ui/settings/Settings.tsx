import { useEffect, useRef, useState } from 'react';
import type { ModelChoice, ModelSpec } from '../../core/models';
import type { BackupStore } from '../backup/backup-store';
import { useStore } from '../store';
import { appShell } from './app-shell';
import { SettingsDialog } from './SettingsDialog';
import type { OcrLanguageStore } from './ocr-language-store';
import { SettingsStore } from './settings-store';

/**
 * The header's Settings control: the button and its dialog, plus what cannot wait for the dialog: an update ready to
 * take over, and a model that could not be kept for offline use.
 */
interface Props {
  models: ModelChoice;
  backup: BackupStore;
  ocrLanguages: OcrLanguageStore;
  onEmbedder: (model: ModelSpec) => void;
  onGenerator: (model: ModelSpec | null) => void;
  onReranker: (model: ModelSpec | null) => void;
}

export function Settings({ models, backup, ocrLanguages, onEmbedder, onGenerator, onReranker }: Props) {
  const [store] = useState(() => new SettingsStore(models));
  useEffect(() => store.choose(models), [store, models]);
  const { notices } = useStore(store);
  const { updateReady, updating } = useStore(appShell);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => store.listen(), [store]);
  return (
    <div className="app-controls">
      {updateReady && (
        <p role="status" className="app-notice">
          {updating ? (
            'Switching to the new version…'
          ) : (
            <>
              Update available.{' '}
              <button type="button" onClick={() => void appShell.applyUpdate()}>
                Reload
              </button>
            </>
          )}
        </p>
      )}
      {notices
        .filter((notice) => notice.kind === 'quota')
        .map((notice) => (
          <p key={notice.message} role="alert" className="app-notice app-notice--problem">
            {notice.message}{' '}
            <button type="button" onClick={() => store.dismiss(notice)}>
              Dismiss
            </button>
          </p>
        ))}
      <button ref={button} type="button" className="settings-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Settings
      </button>
      {open && (
        <SettingsDialog
          store={store}
          models={models}
          backup={backup}
          ocrLanguages={ocrLanguages}
          onEmbedder={onEmbedder}
          onGenerator={onGenerator}
          onReranker={onReranker}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </div>
  );
}
