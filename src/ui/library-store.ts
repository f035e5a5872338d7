import { proxy } from 'comlink';
import type { DocId } from '../core/ids';
import type { DocumentSummary } from '../core/library';
import type { ModelChoice } from '../core/models';
import type { EngineEvent, ModelStatus } from '../core/protocol';
import type { Workers } from '../rpc/workers';
import { modelSources } from './model-settings';
import { Store } from './store';

interface LibraryState {
  documents: DocumentSummary[];
  /** Documents left out of answers by the person; all others are searched. */
  excluded: ReadonlySet<DocId>;
  error?: string;
  embedderStatus: ModelStatus;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The library as the UI shows it, fed by the library worker's events; the intent to add files. */
export class LibraryStore extends Store<LibraryState> {
  constructor(
    private readonly workers: Workers,
    private readonly models: ModelChoice,
  ) {
    super({ documents: [], excluded: new Set(), embedderStatus: { kind: 'idle' } });
  }

  /** Opens the library; must be called before anything else asks the library worker for work. */
  open(): void {
    const onEvent = (event: EngineEvent) =>
      this.update(event.type === 'library' ? { documents: event.documents } : { embedderStatus: event.status });
    this.workers.engine
      .init({ embedder: this.models.embedder, sources: modelSources(), pdfAssetsUrl: new URL('pdfjs/', document.baseURI).href }, proxy(onEvent))
      .then(
        (documents) => this.update({ documents }),
        (error: unknown) => this.update({ error: `Your library could not be opened: ${messageOf(error)}` }),
      );
    this.workers.onCrash((error) => this.update({ error }));
  }

  readonly setIncluded = (id: DocId, included: boolean) =>
    this.update(({ excluded }) => {
      const next = new Set(excluded);
      if (included) next.delete(id);
      else next.add(id);
      return { excluded: next };
    });

  /** The documents to search, or undefined for all of them. */
  get searchScope(): DocId[] | undefined {
    const { documents, excluded } = this.state;
    return excluded.size === 0 ? undefined : documents.filter((document) => !excluded.has(document.id)).map((document) => document.id);
  }

  readonly unlock = (id: DocId, password: string) => {
    this.workers.engine.unlock(id, password).catch((error: unknown) => this.update({ error: `That file could not be opened: ${messageOf(error)}` }));
  };

  readonly removeDocument = (document: DocumentSummary) => {
    if (document.state.kind === 'ready' && !window.confirm(`Remove "${document.name}" from your library? Chats that cite it stay readable.`)) return;
    this.workers.engine.removeDocument(document.id).catch((error: unknown) => this.update({ error: `${document.name} could not be removed: ${messageOf(error)}` }));
  };

  readonly addFiles = (files: File[]) => {
    this.workers.engine.addFiles(files).catch((error: unknown) => this.update({ error: `Those files could not be added: ${messageOf(error)}` }));
  };
}
