import { proxy } from 'comlink';
import type { DocId } from '../core/ids';
import type { DocumentSummary } from '../core/library';
import { NO_MODEL, type ModelChoice, type ModelSpec } from '../core/models';
import type { DuplicateFile, EngineEvent, ModelStatus } from '../core/protocol';
import { searchScopeOf, type SearchScope } from '../core/search-scope';
import type { Workers } from '../rpc/workers';
import { readLibraryMarker, writeLibraryMarker } from './backup/library-marker';
import { modelSources, readDevicePreference, saveModelChoice } from './model-settings';
import { readOcrLanguages } from './settings/ocr-language-store';
import { Store } from './store';

interface LibraryState {
  documents: DocumentSummary[];
  /** Documents left out of answers by the person; all others are searched. */
  excluded: ReadonlySet<DocId>;
  error?: string;
  /** The search model in use, or being loaded to replace it. */
  embedder: ModelSpec;
  embedderStatus: ModelStatus;
  /** The reranker chosen, if any, and how it is. */
  reranker: ModelSpec | null;
  rerankerStatus: ModelStatus;
  /** The library being embedded again with another search model, while the current one keeps answering. */
  reindex?: { model: ModelSpec; done: number; total: number };
  /** Files of the latest drop that the library holds already, until dismissed. */
  duplicates: DuplicateFile[];
  /** The library this browser held is gone (its storage was cleared): how many documents it had. */
  lost?: number;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The library as the UI shows it, fed by the library worker's events; the intent to add files. */
export class LibraryStore extends Store<LibraryState> {
  constructor(
    private readonly workers: Workers,
    private readonly models: ModelChoice,
  ) {
    super({ documents: [], excluded: new Set(), embedder: models.embedder, embedderStatus: { kind: 'idle' }, reranker: models.reranker, rerankerStatus: { kind: 'idle' }, duplicates: [] });
  }

  /** Opens the library; must be called before anything else asks the library worker for work. */
  open(): void {
    const onEvent = (event: EngineEvent) => {
      if (event.type === 'library') return this.#setDocuments(event.documents);
      if (event.type === 'model-status') {
        return this.update(event.model.task === 'reranker' ? { rerankerStatus: event.status } : { embedder: event.model, embedderStatus: event.status });
      }
      if (event.type === 'duplicates') return this.update({ duplicates: event.files });
      this.update({ reindex: event.done < event.total ? event : undefined });
    };
    this.workers.engine
      .init({ embedder: this.models.embedder, reranker: this.models.reranker, sources: modelSources(), device: readDevicePreference(), pdfAssetsUrl: new URL('pdfjs/', document.baseURI).href, ocrAssetsUrl: new URL('ocr/', document.baseURI).href, ocrLanguages: readOcrLanguages() }, proxy(onEvent))
      .then(
        (documents) => {
          this.#opened = true;
          if (this.#held > 0 && documents.length === 0) this.update({ lost: this.#held });
          this.#setDocuments(documents);
          this.#libraryOpened();
        },
        (error: unknown) => {
          this.update({ error: `Your library could not be opened: ${messageOf(error)}` });
          this.#libraryOpened();
        },
      );
    this.workers.onCrash((error) => this.update({ error }));
  }

  /** How many documents the library held when this browser last saw it, read before the library opens. */
  readonly #held = readLibraryMarker();
  #opened = false;
  #libraryOpened: () => void = () => {};
  readonly #openedLibrary = new Promise<void>((resolve) => (this.#libraryOpened = resolve));

  /**
   * The library as the worker reports it. Once it has opened, the count kept apart from IndexedDB follows it, unless
   * the library is gone and nothing replaced it yet.
   */
  #setDocuments(documents: DocumentSummary[]) {
    const ready = documents.filter((document) => document.state.kind === 'ready').length;
    if (this.#opened && (ready > 0 || !this.state.lost)) writeLibraryMarker(ready);
    this.update({ documents, lost: ready > 0 ? undefined : this.state.lost });
  }

  readonly dismissLost = () => {
    writeLibraryMarker(0);
    this.update({ lost: undefined });
  };

  readonly setIncluded = (id: DocId, included: boolean) =>
    this.update(({ excluded }) => {
      const next = new Set(excluded);
      if (included) next.delete(id);
      else next.add(id);
      return { excluded: next };
    });

  /** What a question asked now searches, once the library has opened (a question may come first). */
  readonly searchScope = async (): Promise<SearchScope> => {
    await this.#openedLibrary;
    return searchScopeOf(this.state.documents, this.state.excluded);
  };

  /** Changes the search model: the library is embedded again in the background, the current model answering meanwhile. */
  readonly setEmbedder = (model: ModelSpec) => {
    saveModelChoice('embedder', model.id);
    this.workers.engine.setEmbedder(model).catch((error: unknown) => this.update({ error: `The search model could not be changed: ${messageOf(error)}` }));
  };

  /** Changes the reranker (or takes it away) from the next question on. */
  readonly setReranker = (model: ModelSpec | null) => {
    saveModelChoice('reranker', model?.id ?? NO_MODEL);
    this.update({ reranker: model, rerankerStatus: { kind: 'idle' } });
    this.workers.engine.setReranker(model).catch((error: unknown) => this.update({ error: `The reranker could not be changed: ${messageOf(error)}` }));
  };

  readonly unlock = (id: DocId, password: string) => {
    this.workers.engine.unlock(id, password).catch((error: unknown) => this.update({ error: `That file could not be opened: ${messageOf(error)}` }));
  };

  readonly removeDocument = (document: DocumentSummary) => {
    if (document.state.kind === 'ready' && !window.confirm(`Remove "${document.name}" from your library? Chats that cite it stay readable.`)) return;
    this.workers.engine.removeDocument(document.id).catch((error: unknown) => this.update({ error: `${document.name} could not be removed: ${messageOf(error)}` }));
  };

  readonly dismissDuplicates = () => this.update({ duplicates: [] });

  readonly addFiles = (files: File[]) => {
    this.update({ duplicates: [] });
    this.workers.engine.addFiles(files).catch((error: unknown) => this.update({ error: `Those files could not be added: ${messageOf(error)}` }));
  };
}
