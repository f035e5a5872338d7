import { useEffect, useId, useRef } from 'react';
import { isOwnModel } from '../../core/model-folder';
import { MODEL_ROLES, weightsBytes, type ModelChoice, type ModelSpec } from '../../core/models';
import type { CachedModel } from '../../core/protocol';
import { formatBytes, formatProgress } from '../format';
import { BackupSection } from '../backup/BackupSection';
import type { BackupStore } from '../backup/backup-store';
import { DeviceChoice } from './DeviceChoice';
import { ModelChooser } from './ModelChooser';
import { OcrLanguages } from './OcrLanguages';
import type { OcrLanguageStore } from './ocr-language-store';
import { OwnModelPicker } from './OwnModelPicker';
import { useStore } from '../store';
import { appShell } from './app-shell';
import type { SettingsStore, StorageState } from './settings-store';


interface Props {
  store: SettingsStore;
  models: ModelChoice;
  backup: BackupStore;
  ocrLanguages: OcrLanguageStore;
  onEmbedder: (model: ModelSpec) => void;
  onGenerator: (model: ModelSpec | null) => void;
  onReranker: (model: ModelSpec | null) => void;
  onClose: () => void;
}

/**
 * A modal dialog (the browser's own: the page behind is inert, Esc closes it, focus stays inside) with the models
 * kept for offline use, the storage this site uses, and the library's backup.
 */
export function SettingsDialog({ store, models, backup, ocrLanguages, onEmbedder, onGenerator, onReranker, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const state = useStore(store);
  const shell = useStore(appShell);
  useEffect(() => {
    const element = dialog.current!;
    element.showModal();
    void store.refresh();
    return () => element.close();
  }, [store]);
  const chosen = [models.embedder, models.generator, models.reranker].filter((model) => model !== null);
  const cached = (model: ModelSpec) => state.models?.find((entry) => entry.model.id === model.id);
  const allOffline = state.models !== undefined && chosen.every((model) => cached(model)?.offline);
  return (
    <dialog
      ref={dialog}
      className="settings"
      aria-labelledby={titleId}
      // A close the dialog itself reports (Esc, the Close button); React may reopen it in development.
      onClose={() => !dialog.current?.open && onClose()}
    >
      <h2 id={titleId}>Settings</h2>

      <section aria-labelledby={`${titleId}-models`}>
        <h3 id={`${titleId}-models`}>Models</h3>
        <ModelChooser {...models} onEmbedder={onEmbedder} onGenerator={onGenerator} onReranker={onReranker} />
        <OwnModelPicker store={store} onUse={(model) => ({ embedder: onEmbedder, generator: onGenerator, reranker: onReranker })[model.task](model)} />
        <DeviceChoice />
        <ul className="settings__models" aria-label="Models kept in this browser">
          {chosen.map((model) => (
            <ModelRow key={model.id} model={model} cached={cached(model)} busy={state.downloading} onDelete={() => void store.remove(model)} />
          ))}
        </ul>
        <button type="button" disabled={state.downloading || allOffline} onClick={() => void store.makeAvailableOffline()}>
          {allOffline ? 'Available offline' : 'Make available offline'}
        </button>
        {state.progress.length > 0 && (
          <ul className="settings__progress" aria-label="Download progress">
            {state.progress.map((file) => (
              <li key={`${file.modelId}/${file.file}`}>
                {file.modelId}/{file.file}: {file.done ? `${formatBytes(file.loadedBytes)}, done` : formatProgress(file.loadedBytes, file.totalBytes)}
                <progress value={file.done ? 1 : file.loadedBytes} max={file.done ? 1 : file.totalBytes || undefined} aria-hidden="true" />
              </li>
            ))}
          </ul>
        )}
        {state.error && (
          <p role="alert" className="settings__error">
            {state.error}
          </p>
        )}
        {state.notices
          .filter((notice) => notice.kind === 'repaired')
          .map((notice) => (
            <p key={notice.message} className="hint">
              {notice.message}
            </p>
          ))}
      </section>

      <section aria-labelledby={`${titleId}-storage`}>
        <h3 id={`${titleId}-storage`}>Storage</h3>
        <StorageInfo storage={state.storage} onAsk={() => void store.askPersistence()} />
        <p className="hint">
          {!shell.supported
            ? 'Docent is not kept for offline use here (no service worker: a development server or an older browser).'
            : shell.offlineReady
              ? 'This version of Docent is saved in this browser: it opens without a network.'
              : 'Docent is being saved for offline use.'}{' '}
          {shell.isolated ? 'Models run on several threads.' : 'Models run on one thread (this page is not cross-origin isolated).'}
        </p>
      </section>

      <OcrLanguages store={ocrLanguages} />
      <BackupSection store={backup} headingId={`${titleId}-backup`} />

      <button type="button" className="settings__close" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}

function ModelRow({ model, cached, busy, onDelete }: { model: ModelSpec; cached?: CachedModel; busy: boolean; onDelete: () => void }) {
  const name = model.label === model.id ? model.id : `${model.label} (${model.id})`;
  let state = 'checking…';
  const download = cached && weightsBytes(cached.model);
  if (cached) {
    state = cached.offline
      ? `available offline, ${formatBytes(cached.bytes)} on disk`
      : cached.bytes > 0
        ? `partly downloaded (${formatBytes(cached.bytes)} on disk): needs the network`
        : isOwnModel(model.id)
          ? 'not kept in this browser any more: choose its folder again under "Use a model from this computer"'
          : `not downloaded: loads from the network when first needed${download ? ` (about ${formatBytes(download)})` : ''}`;
  }
  return (
    <li aria-label={`${MODEL_ROLES[model.task]}: ${name}`}>
      <span>
        <strong>{MODEL_ROLES[model.task]}</strong> {name}: {state}
      </span>
      {cached && cached.bytes > 0 && (
        <button type="button" disabled={busy} aria-label={`Delete ${model.label}`} onClick={onDelete}>
          Delete
        </button>
      )}
    </li>
  );
}

function StorageInfo({ storage, onAsk }: { storage?: StorageState; onAsk: () => void }) {
  if (!storage) return <p className="hint">This browser does not say how much storage Docent uses.</p>;
  return (
    <>
      <p>
        Docent uses {formatBytes(storage.usage)} of the {formatBytes(storage.quota)} this browser allows this site.
      </p>
      {storage.persisted ? (
        <p>{storage.asked ? 'Granted: ' : ''}storage is persistent. The browser will not clear your documents and models to free space.</p>
      ) : (
        <>
          <p>
            {storage.asked
              ? 'Not granted: the browser may still clear Docent’s data when space runs low (browsers grant this to sites you use often or install).'
              : 'The browser may clear Docent’s data when space runs low.'}
          </p>
          <button type="button" onClick={onAsk}>
            Ask to keep Docent’s data
          </button>
        </>
      )}
    </>
  );
}
