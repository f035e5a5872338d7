import { proxy } from 'comlink';
import type { DocId } from '../core/ids';
import type { DocumentSummary } from '../core/library';
import type { ModelChoice, ModelSpec } from '../core/models';
import type { EngineEvent, ModelStatus } from '../core/protocol';
import type { Workers } from '../rpc/workers';
import { modelSources, saveModelChoice } from './model-settings';
import { Store } from './store';

interface LibraryState {
  documents: DocumentSummary[];
  /** Documents left out of answers by the person; all others are searched. */
  excluded: ReadonlySet<DocId>;
  error?: string;
  /** The search model in use, or being loaded to replace it. */
  embedder: ModelSpec;
  embedderStatus: ModelStatus;
  /** The library being embedded again with another search model, while the current one keeps answering. */
  reindex?: { model: ModelSpec; done: number; total: number };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The library as the UI shows it, fed by the library worker's events; the intent to add files. */
export class LibraryStore extends Store<LibraryState> {
  constructor(
    private readonly workers: Workers,
    private readonly models: ModelChoice,
  ) {
    super({ documents: [], excluded: new Set(), embedder: models.embedder, embedderStatus: { kind: 'idle' } });
  }

  /** Opens the library; must be called before anything else asks the library worker for work. */
  open(): void {
    const onEvent = (event: EngineEvent) => {
      if (event.type === 'library') return this.update({ documents: event.documents });
      if (event.type === 'model-status') return this.update({ embedder: event.model, embedderStatus: event.status });
      this.update({ reindex: event.done < event.total ? event : undefined });
    };
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

  /** Changes the search model: the library is embedded again in the background, the current model answering meanwhile. */
  readonly setEmbedder = (model: ModelSpec) => {
    saveModelChoice('embedder', model.id);
    this.workers.engine.setEmbedder(model).catch((error: unknown) => this.update({ error: `The search model could not be changed: ${messageOf(error)}` }));
  };

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
