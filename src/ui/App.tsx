import type { ModelChoice } from '../core/models';
import type { Workers } from '../rpc/workers';
import { ChatPanel } from './chat/ChatPanel';
import { LibraryPanel } from './library/LibraryPanel';
import { useFileDrop } from './library/use-file-drop';
import { ModelStatusBar } from './models/ModelStatusBar';
import { useDocent } from './use-docent';

export function App({ workers, models }: { workers: Workers; models: ModelChoice }) {
  const docent = useDocent(workers, models);
  const dragging = useFileDrop(docent.addFiles);
  return (
    <div className={dragging ? 'app app--dragging' : 'app'}>
      <header className="app__header">
        <h1>Docent</h1>
        <p className="tagline">Private answers from your documents. Nothing leaves this device.</p>
        <ModelStatusBar models={models} status={docent.modelStatus} />
      </header>
      <main className="app__main">
        <LibraryPanel documents={docent.documents} error={docent.libraryError} onAddFiles={docent.addFiles} />
        <ChatPanel turns={docent.turns} answering={docent.answering} onAsk={(q) => void docent.ask(q)} onStop={docent.stop} />
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop to add to your library
        </div>
      )}
    </div>
  );
}
