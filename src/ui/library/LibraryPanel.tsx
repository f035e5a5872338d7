import type { ChangeEvent } from 'react';
import type { DocId } from '../../core/ids';
import type { DocumentSummary } from '../../core/library';
import type { ModelSpec } from '../../core/models';
import { ACCEPTED_FILES, SUPPORTED_FORMATS_LABEL } from '../../core/text/formats';
import type { DuplicateFile } from '../../core/protocol';
import { DocumentItem } from './DocumentItem';
import { DuplicateNotice } from './DuplicateNotice';
import { PasteText } from './PasteText';

interface Props {
  documents: DocumentSummary[];
  reindex?: { model: ModelSpec; done: number; total: number };
  excluded: ReadonlySet<DocId>;
  onIncludedChange: (id: DocId, included: boolean) => void;
  onUnlock: (id: DocId, password: string) => void;
  error?: string;
  duplicates: readonly DuplicateFile[];
  onDismissDuplicates: () => void;
  onAddFiles: (files: File[]) => void;
  onRemove: (document: DocumentSummary) => void;
}

export function LibraryPanel({ documents, reindex, excluded, onIncludedChange, onUnlock, error, duplicates, onDismissDuplicates, onAddFiles, onRemove }: Props) {
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    onAddFiles([...(event.target.files ?? [])]);
    event.target.value = '';
  };
  return (
    <section className="library" aria-labelledby="library-heading">
      <h2 id="library-heading">Library</h2>
      <label className="add-documents">
        Add documents
        <input type="file" multiple accept={ACCEPTED_FILES} onChange={onChange} />
      </label>
      <PasteText onAdd={(file) => onAddFiles([file])} />
      <p className="hint">or drop files or folders anywhere on the page. {SUPPORTED_FORMATS_LABEL}.</p>
      {error && <p role="alert">{error}</p>}
      <DuplicateNotice files={duplicates} onDismiss={onDismissDuplicates} />
      {reindex && (
        <p role="status" className="reindex">
          Indexing by meaning with {reindex.model.label}: {reindex.done} of {reindex.total} documents. Until then, searches use what
          is indexed already.
        </p>
      )}
      {documents.length === 0 ? (
        <p className="empty">No documents yet. Everything stays on this device.</p>
      ) : (
        <ul aria-label="Documents">
          {documents.map((document) => (
            <DocumentItem
              key={document.id}
              document={document}
              included={!excluded.has(document.id)}
              onIncludedChange={(included) => onIncludedChange(document.id, included)}
              onUnlock={(password) => onUnlock(document.id, password)}
              onRemove={() => onRemove(document)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
