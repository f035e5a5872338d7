import type { DuplicateFile } from '../../core/protocol';
import { describeDuplicate } from '../format';

/** Files of the latest drop that were not added because the library holds them already, each saying under which name. */
export function DuplicateNotice({ files, onDismiss }: { files: readonly DuplicateFile[]; onDismiss: () => void }) {
  if (files.length === 0) return null;
  return (
    <div role="status" aria-label="Already in your library" className="app-notice duplicates">
      <ul>
        {files.map((file, index) => (
          <li key={`${index}:${file.name}`}>{describeDuplicate(file)}</li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
