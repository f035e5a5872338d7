import { useState } from 'react';
import type { DocumentSummary } from '../../core/library';
import { describeDocumentState } from '../format';

interface Props {
  document: DocumentSummary;
  included: boolean;
  onIncludedChange: (included: boolean) => void;
  onUnlock: (password: string) => void;
  onRemove: () => void;
}

function PasswordForm({ name, onUnlock }: { name: string; onUnlock: (password: string) => void }) {
  const [password, setPassword] = useState('');
  return (
    <form
      className="document__password"
      onSubmit={(event) => {
        event.preventDefault();
        if (password) onUnlock(password);
        setPassword('');
      }}
    >
      <label>
        Password for {name}
        <input type="password" autoComplete="off" value={password} onChange={(event) => setPassword(event.target.value)} />
      </label>
      <button type="submit" disabled={!password}>
        Open
      </button>
    </form>
  );
}

export function DocumentItem({ document, included, onIncludedChange, onUnlock, onRemove }: Props) {
  const { id, name, state, pageCount, chunkCount, warning, ocr } = document;
  const nameId = `doc-${id}-name`;
  const stateId = `doc-${id}-state`;
  const alarming = state.kind === 'failed' || (state.kind === 'needs-password' && state.wrong);
  const removeLabel = state.kind === 'indexing' ? 'Cancel' : 'Remove';
  return (
    <li className={`document document--${state.kind}`} aria-labelledby={`${nameId} ${stateId}`}>
      <span id={nameId} className="document__name">
        {name}
      </span>
      <span id={stateId} className="document__state" role={alarming ? 'alert' : undefined}>
        {describeDocumentState(state, pageCount, chunkCount, warning, ocr)}
      </span>
      {state.kind === 'indexing' && (
        <progress aria-label={`Indexing ${name}`} value={state.done} max={state.total || undefined} />
      )}
      {state.kind === 'needs-password' && <PasswordForm name={name} onUnlock={onUnlock} />}
      {state.kind === 'ready' && (
        <label className="document__include">
          <input
            type="checkbox"
            aria-label={`Use in answers: ${name}`}
            checked={included}
            onChange={(event) => onIncludedChange(event.target.checked)}
          />
          Use in answers
        </label>
      )}
      <button type="button" className="document__remove" aria-label={`${removeLabel} ${name}`} onClick={onRemove}>
        {removeLabel}
      </button>
    </li>
  );
}
