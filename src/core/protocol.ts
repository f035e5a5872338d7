// The typed contracts between the UI and the workers. Every call returns a promise that settles with a result or
// a DocentError; events flow back through the callback given at init.
import type { Conversation } from './conversation';
import type { DocId } from './ids';
import type { DocumentSummary, SearchHit } from './library';
import type { ModelSpec, ModelSources } from './models';
import type { PastTurn, PromptPassage } from './prompt';

export type ModelStatus =
  | { kind: 'idle' }
  | { kind: 'downloading'; loadedBytes: number; totalBytes: number; file: string }
  | { kind: 'warming-up' }
  | { kind: 'ready' }
  | { kind: 'failed'; reason: string };

export interface ModelStatusEvent {
  type: 'model-status';
  model: ModelSpec;
  status: ModelStatus;
}

export type EngineEvent = { type: 'library'; documents: DocumentSummary[] } | ModelStatusEvent;

export interface EngineConfig {
  embedder: ModelSpec;
  sources: ModelSources;
}

export interface EngineApi {
  /** Opens the library from storage and returns it; events report every later change. */
  init(config: EngineConfig, onEvent: (event: EngineEvent) => void): Promise<DocumentSummary[]>;
  /** Reads, embeds and stores each file; a file that fails is reported in the library and never stops the rest. */
  addFiles(files: File[]): Promise<void>;
  search(query: string, limit: number): Promise<SearchHit[]>;
  /** Removes a document from storage and every index at once; the rest stays searchable. */
  removeDocument(id: DocId): Promise<void>;
  /** Saved conversations, most recently updated first. */
  conversations(): Promise<Conversation[]>;
  saveConversation(conversation: Conversation): Promise<void>;
  deleteConversation(id: string): Promise<void>;
}

export interface GeneratorConfig {
  generator: ModelSpec;
  sources: ModelSources;
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
  answer(request: AnswerRequest, onText: (textSoFar: string) => void): Promise<AnswerResult>;
  /** Ends the answer being written; its text so far is kept. */
  stop(): void;
}
