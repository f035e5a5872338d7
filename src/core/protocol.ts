// The typed contracts between the UI and the workers. Every call returns a promise that settles with a result or
// a DocentError; events flow back through the callback given at init.
import type { Conversation } from './conversation';
import type { ChunkId, DocId } from './ids';
import type { DocumentSummary, SearchHit } from './library';
import type { ModelSpec, ModelSources } from './models';
import type { PastTurn, PromptPassage } from './prompt';
import type { DevicePreference, Placement } from './runtime-plan';
import type { HighlightBox } from './text/highlight';

export type ModelStatus =
  | { kind: 'idle' }
  // totalBytes equals loadedBytes when the host sent no size (no Content-Length); `files` has each file.
  | { kind: 'downloading'; loadedBytes: number; totalBytes: number; file: string; files?: FileProgress[] }
  | { kind: 'warming-up' }
  | ({ kind: 'ready' } & Placement)
  /** `retryAt`: when the next attempt starts on its own (ms since the epoch); sooner if the browser comes back online. */
  | { kind: 'failed'; reason: string; retryAt?: number }
  /** Not used, and nothing lost (a reranker not in this browser): why, and what happens instead. */
  | { kind: 'skipped'; reason: string };

/** One file of a model being downloaded; totalBytes is 0 or loadedBytes while its size is not known. */
export interface FileProgress {
  file: string;
  loadedBytes: number;
  totalBytes: number;
}

export interface ModelStatusEvent {
  type: 'model-status';
  model: ModelSpec;
  status: ModelStatus;
}

/** Progress of embedding the library again with another model (after the search model changed). */
export interface ReindexEvent {
  type: 'reindex';
  model: ModelSpec;
  done: number;
  total: number;
}

/** A dropped file whose bytes are already in the library (or on their way in), perhaps under another name. */
export interface DuplicateFile {
  name: string;
  /** The name it is in the library under. */
  existingName: string;
  /** That document is still being added (read, embedded, or waiting for its password). */
  pending: boolean;
}

/** The files of one drop that were not added because the library holds them already. */
export interface DuplicatesEvent {
  type: 'duplicates';
  files: DuplicateFile[];
}

export type EngineEvent = { type: 'library'; documents: DocumentSummary[] } | ModelStatusEvent | ReindexEvent | DuplicatesEvent;

export interface EngineConfig {
  embedder: ModelSpec;
  /** Reorders the search's best candidates where its model is in this browser or on this site; null: none chosen. */
  reranker: ModelSpec | null;
  sources: ModelSources;
  device: DevicePreference;
  /** Absolute URL of the site's pdf.js data folders (CMaps, standard fonts, wasm decoders). */
  pdfAssetsUrl: string;
  /** Absolute URL of the site's OCR engine files (tesseract.js's worker and core, language data). */
  ocrAssetsUrl: string;
  /** The on-demand OCR languages chosen in Settings (core/ocr-languages.ts), read along with English. */
  ocrLanguages: string[];
}

/** An OCR language's data being fetched from the site; totalBytes is 0 while its size is not known. */
export interface OcrLanguageProgress {
  code: string;
  loadedBytes: number;
  totalBytes: number;
}

/** A cited passage shown where it stands in its document. */
export type SourceView = {
  documentName: string;
  page: number;
  pageCount: number;
  passage: string;
} & (
  /** An image of the page (a PDF page drawn, or the image file itself); `ocr` when its text was read by OCR. */
  | { kind: 'pdf-page'; image: Blob; highlights: HighlightBox[]; ocr?: { lowConfidence: boolean } }
  | { kind: 'text'; text: string; highlight: { start: number; end: number } }
);

/** Where an export or import of the library stands. */
export interface BackupProgress {
  /** Exporting documents; checking every part of a backup before anything is written; importing its documents. */
  phase: 'exporting' | 'checking' | 'importing';
  /** Documents done and in all (exporting, importing); bytes of the file read (checking, importing). */
  done: number;
  total: number;
  /** Bytes of the backup written (exporting) or read (checking, importing). */
  bytes: number;
}

export interface ExportSummary {
  documents: number;
  conversations: number;
  bytes: number;
}

export interface ImportSummary {
  /** Names of the documents added, and of those skipped because the library holds them already. */
  added: string[];
  skipped: string[];
  /** Conversations added or brought up to date. */
  conversations: number;
  /** Added documents whose vectors another search model made (or none): they are embedded again in the background. */
  reembedding: number;
}

export interface EngineApi {
  /** Opens the library from storage and returns it; events report every later change. */
  init(config: EngineConfig, onEvent: (event: EngineEvent) => void): Promise<DocumentSummary[]>;
  /** Loads the search model now (a question is coming), so the answer does not wait for it. */
  prepare(): Promise<void>;
  /**
   * Embeds the library again with another search model, in the background ('reindex' events report progress);
   * searches keep using the current model until every document is done, then use the new one.
   */
  setEmbedder(model: ModelSpec): Promise<void>;
  /** Uses another reranker from the next question on, or none. */
  setReranker(model: ModelSpec | null): Promise<void>;
  /** Reads, embeds and stores each file; a file that fails is reported in the library and never stops the rest. */
  addFiles(files: File[]): Promise<void>;
  /** The best passages for a query, by keywords and meaning together; `onlyDocs` limits the search to some documents. */
  search(query: string, limit: number, onlyDocs?: DocId[]): Promise<SearchHit[]>;
  /** Opens an encrypted PDF that is waiting for its password; a wrong password leaves it waiting. */
  unlock(id: DocId, password: string): Promise<void>;
  /** The page a passage stands on, with the passage highlighted. */
  openSource(chunkId: ChunkId): Promise<SourceView>;
  /** The on-demand OCR languages kept in this browser (for offline use). */
  keptOcrLanguages(): Promise<string[]>;
  /**
   * Reads scans in English and the chosen languages from now on: fetches those not kept yet from the site (progress
   * per file), deletes the ones no longer chosen. Resolves with the languages kept.
   */
  setOcrLanguages(chosen: string[], onProgress: (progress: OcrLanguageProgress) => void): Promise<string[]>;
  /** Removes a document from storage and every index at once; the rest stays searchable. */
  removeDocument(id: DocId): Promise<void>;
  /**
   * Writes the library (documents with their files, pages, passages and vectors, and the conversations) as one backup
   * through `write`, a piece at a time; `write` resolving to false cancels, and the export resolves to undefined.
   */
  exportLibrary(write: (bytes: Uint8Array) => Promise<boolean>, onProgress: (progress: BackupProgress) => void): Promise<ExportSummary | undefined>;
  /**
   * Adds a backup's documents and conversations to the library, after checking all of it: a file that is not a whole,
   * intact backup is refused with a sentence that says why, and nothing is written.
   */
  importLibrary(file: Blob, onProgress: (progress: BackupProgress) => void): Promise<ImportSummary>;
  /** Saved conversations, most recently updated first. */
  conversations(): Promise<Conversation[]>;
  saveConversation(conversation: Conversation): Promise<void>;
  deleteConversation(id: string): Promise<void>;
}

export interface GeneratorConfig {
  generator: ModelSpec;
  sources: ModelSources;
  device: DevicePreference;
}

export interface AnswerRequest {
  question: string;
  passages: PromptPassage[];
  /** The conversation so far, oldest first. */
  history: PastTurn[];
}

export interface AnswerResult {
  text: string;
  /** Indices into `request.passages` that were in the prompt; source `[n]` is `included[n - 1]`. */
  included: number[];
  stopped: boolean;
}

export interface GeneratorApi {
  init(config: GeneratorConfig, onStatus: (event: ModelStatusEvent) => void): Promise<void>;
  /** Loads and warms the chat model now (a question is coming), so the first token does not wait for it. */
  prepare(): Promise<void>;
  answer(request: AnswerRequest, onText: (textSoFar: string) => void): Promise<AnswerResult>;
  /** Ends the answer being written; its text so far is kept. */
  stop(): void;
}

// Model cache management (the Settings' "Models" section), run by the models worker where the cache is.

/** A cached file of a model: from the site's own models folder, or from the model host. */
export interface CachedModelFile {
  path: string;
  bytes: number;
  from: 'site' | 'host';
}

export interface CachedModel {
  model: ModelSpec;
  /** Every file the model needs is cached: it loads with no network. */
  offline: boolean;
  /** Size on disk of all its cached files. */
  bytes: number;
  files: CachedModelFile[];
}

/** A file being fetched by "Make available offline"; totalBytes is 0 while its size is not known. */
export interface OfflineDownloadProgress extends FileProgress {
  modelId: string;
  done: boolean;
}

export interface ModelCacheApi {
  inspect(models: ModelSpec[], sources: ModelSources): Promise<CachedModel[]>;
  /**
   * Fetches every file the models need that is not cached yet, one model after the other. A model that cannot be
   * kept whole (storage full) keeps no file, and the call fails with a sentence that says so.
   */
  makeAvailableOffline(models: ModelSpec[], sources: ModelSources, onProgress: (progress: OfflineDownloadProgress) => void): Promise<CachedModel[]>;
  /** Deletes a model's cached files; it downloads again when next needed. */
  remove(model: ModelSpec, sources: ModelSources): Promise<void>;
  /**
   * Keeps a person's own model (a folder checked by core/model-folder.ts) in the model cache, under the site's models
   * folder, so it loads like any self-hosted model, offline too. All files or none; a file that is not what its name
   * says fails the call with a sentence naming it.
   */
  keepOwnModel(model: ModelSpec, files: OwnModelFile[], sources: ModelSources, onProgress: (progress: OfflineDownloadProgress) => void): Promise<CachedModel>;
}

/** A file of a person's own model folder, its path relative to the folder. */
export interface OwnModelFile {
  path: string;
  file: Blob;
}

/** Broadcast (BroadcastChannel MODEL_CACHE_CHANNEL) by any worker that keeps model files, for the UI to show. */
export interface ModelCacheNotice {
  type: 'model-cache';
  /** quota: a model could not be kept (nothing of it was); repaired: a damaged cached file was removed. */
  kind: 'quota' | 'repaired';
  modelId: string;
  message: string;
}

export const MODEL_CACHE_CHANNEL = 'docent-model-cache';

/** Posted by every worker of the app once its modules are loaded and its API is exposed (see rpc/running-workers.ts). */
export const WORKER_STARTED = 'docent-worker-started';
