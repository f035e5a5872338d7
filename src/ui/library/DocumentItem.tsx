import type { DocumentSummary } from '../../core/library';
import { describeDocumentState } from '../format';

export function DocumentItem({ document, onRemove }: { document: DocumentSummary; onRemove: () => void }) {
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
      <button type="button" className="document__remove" aria-label={`Remove ${name}`} onClick={onRemove}>
        {state.kind === 'indexing' ? 'Cancel' : 'Remove'}
      </button>
    </li>
  );
}
