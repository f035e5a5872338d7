import { useMemo } from 'react';
import { isSettled } from '../core/conversation';
import type { BackupStore } from './backup/backup-store';
import { LostLibraryNotice } from './backup/LostLibraryNotice';
import { LibraryDocuments, ShowSource } from './chat/AnswerText';
import { ChatList } from './chat/ChatList';
import { OcrPagesOf } from './chat/ocr-pages';
import { ChatPanel } from './chat/ChatPanel';
import type { ConversationStore } from './conversation-store';
import { LibraryPanel } from './library/LibraryPanel';
import type { LibraryStore } from './library-store';
import { useFileDrop } from './library/use-file-drop';
import { ModelStatusBar } from './models/ModelStatusBar';
import { Settings } from './settings/Settings';
import { SourceViewer } from './sources/SourceViewer';
import type { SourceStore } from './sources/source-store';
import type { OcrLanguageStore } from './settings/ocr-language-store';
import { useStore } from './store';

interface Props {
  library: LibraryStore;
  chats: ConversationStore;
  sources: SourceStore;
  backup: BackupStore;
  ocrLanguages: OcrLanguageStore;
}

export function App({ library, chats, sources, backup, ocrLanguages }: Props) {
  const { open: openSource } = useStore(sources);
  const { documents, excluded, error, embedder, embedderStatus, reranker, rerankerStatus, reindex, duplicates, lost } = useStore(library);
  const { saved, active, generator, generatorStatus } = useStore(chats);
  const chosen = useMemo(() => ({ embedder, generator, reranker }), [embedder, generator, reranker]);
  const dragging = useFileDrop(library.addFiles);
  const libraryIds = useMemo(() => new Set(documents.map((document) => document.id)), [documents]);
  const ocrPages = useMemo(() => new Map(documents.flatMap((document) => (document.ocr ? [[document.id, document.ocr] as const] : []))), [documents]);
  return (
    <div className={dragging ? 'app app--dragging' : 'app'}>
      <header className="app__header">
        <h1>Docent</h1>
        <p className="tagline">Private answers from your documents. Nothing leaves this device.</p>
        <ModelStatusBar models={chosen} status={{ embedder: embedderStatus, generator: generatorStatus, reranker: rerankerStatus }} />
        <Settings models={chosen} backup={backup} ocrLanguages={ocrLanguages} onEmbedder={library.setEmbedder} onGenerator={chats.setGenerator} onReranker={library.setReranker} />
      </header>
      <main className="app__main">
        <div className="app__side">
          {lost !== undefined && <LostLibraryNotice documents={lost} backup={backup} onDismiss={library.dismissLost} />}
          <LibraryPanel
            documents={documents}
            reindex={reindex}
            excluded={excluded}
            onIncludedChange={library.setIncluded}
            onUnlock={library.unlock}
            error={error}
            duplicates={duplicates}
            onDismissDuplicates={library.dismissDuplicates}
            onAddFiles={library.addFiles}
            onRemove={library.removeDocument}
          />
          <ChatList
            conversations={saved}
            activeId={active.id}
            onNew={chats.startNew}
            onOpen={chats.open}
            onRename={(id, title) => void chats.rename(id, title)}
            onDelete={(id) => void chats.remove(id)}
          />
        </div>
        <LibraryDocuments.Provider value={libraryIds}>
          <OcrPagesOf.Provider value={ocrPages}>
            <ShowSource.Provider value={sources.open}>
              <ChatPanel
                turns={active.turns}
                generatorStatus={generatorStatus}
                answering={active.turns.some((turn) => !isSettled(turn))}
                onAsk={(question) => void chats.ask(question, { embedder, scope: library.searchScope() })}
                onStop={chats.stop}
                onPrepare={chats.prepare}
              />
            </ShowSource.Provider>
          </OcrPagesOf.Provider>
        </LibraryDocuments.Provider>
        <SourceViewer source={openSource} onClose={sources.close} />
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop to add to your library
        </div>
      )}
    </div>
  );
}
