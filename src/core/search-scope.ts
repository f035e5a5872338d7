import type { DocId } from './ids';
import type { TurnStatus } from './conversation';
import type { DocumentSummary } from './library';

/** What a question searches, as the library stands when it is asked. */
export interface SearchScope {
  /** Search these documents only; all when absent. */
  onlyDocs?: DocId[];
  /** Documents ready to be searched. */
  ready: number;
  /** Of those, the ones the document filter leaves in. */
  searched: number;
  /** Documents still being read or embedded. */
  indexing: number;
}

export const NOT_IN_DOCUMENTS = "I couldn't find this in your documents.";
export const EMPTY_LIBRARY = 'Your library has nothing to answer from yet. Add documents, then ask again.';
export const STILL_INDEXING = 'Your documents are still being read. Ask again once one of them is ready.';
export const ALL_LEFT_OUT = 'Every document is left out of answers. Choose at least one in the library, then ask again.';

/** The scope of a question: every ready document the person has not left out. */
export function searchScopeOf(documents: readonly DocumentSummary[], excluded: ReadonlySet<DocId>): SearchScope {
  const ready = documents.filter((document) => document.state.kind === 'ready');
  return {
    onlyDocs: excluded.size === 0 ? undefined : documents.filter((document) => !excluded.has(document.id)).map((document) => document.id),
    ready: ready.length,
    searched: ready.filter((document) => !excluded.has(document.id)).length,
    indexing: documents.filter((document) => document.state.kind === 'indexing').length,
  };
}

/**
 * What to answer when no passage is left to answer from, saying why: nothing searchable yet (an empty library, or
 * documents still being read), every document left out by the filter, or documents that do not cover the question.
 */
export function answerWithoutPassages(scope: SearchScope): { status: TurnStatus; answer: string } {
  if (scope.ready === 0) return { status: 'done', answer: scope.indexing > 0 ? STILL_INDEXING : EMPTY_LIBRARY };
  if (scope.searched === 0) return { status: 'done', answer: ALL_LEFT_OUT };
  return { status: 'not-found', answer: NOT_IN_DOCUMENTS };
}
