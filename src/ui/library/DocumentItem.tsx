import type { DocumentSummary } from '../../core/library';
import { describeDocumentState } from '../format';

interface Props {
  document: DocumentSummary;
  included: boolean;
  onIncludedChange: (included: boolean) => void;
  onRemove: () => void;
}

export function DocumentItem({ document, included, onIncludedChange, onRemove }: Props) {
  const { id, name, state, pageCount, chunkCount } = document;
  const nameId = `doc-${id}-name`;
  const stateId = `doc-${id}-state`;
  return (
    <li className={`document document--${state.kind}`} aria-labelledby={`${nameId} ${stateId}`}>
      <span id={nameId} className="document__name">
        {name}
      </span>
      <span id={stateId} className="document__state" role={state.kind === 'failed' ? 'alert' : undefined}>
        {describeDocumentState(state, pageCount, chunkCount)}
      </span>
      {state.kind === 'indexing' && (
        <progress aria-label={`Indexing ${name}`} value={state.done} max={state.total || undefined} />
      )}
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
      <button type="button" className="document__remove" aria-label={`Remove ${name}`} onClick={onRemove}>
        {state.kind === 'indexing' ? 'Cancel' : 'Remove'}
      </button>
    </li>
  );
}
