import { describe, expect, it } from 'vitest';
import { asDocId } from './ids';
import type { DocumentState, DocumentSummary } from './library';
import { ALL_LEFT_OUT, answerWithoutPassages, EMPTY_LIBRARY, NOT_IN_DOCUMENTS, searchScopeOf, STILL_INDEXING } from './search-scope';

const doc = (id: string, state: DocumentState): DocumentSummary => ({ id: asDocId(id), name: `${id}.pdf`, bytes: 1, pageCount: 1, chunkCount: 1, addedAt: 1, state });
const ready: DocumentState = { kind: 'ready' };
const indexing: DocumentState = { kind: 'indexing', stage: 'reading', done: 0, total: 1 };
const failed: DocumentState = { kind: 'failed', reason: 'damaged' };

describe('searchScopeOf', () => {
  it('counts ready documents, those the filter leaves in, and those still indexing', () => {
    const documents = [doc('a', ready), doc('b', ready), doc('c', indexing), doc('d', failed)];
    expect(searchScopeOf(documents, new Set())).toEqual({ onlyDocs: undefined, ready: 2, searched: 2, indexing: 1 });
    expect(searchScopeOf(documents, new Set([asDocId('a')]))).toEqual({ onlyDocs: ['b', 'c', 'd'], ready: 2, searched: 1, indexing: 1 });
  });
});

describe('answerWithoutPassages', () => {
  it('says the library is empty only when it is', () => {
    expect(answerWithoutPassages({ ready: 0, searched: 0, indexing: 0 })).toEqual({ status: 'done', answer: EMPTY_LIBRARY });
    expect(answerWithoutPassages({ ready: 0, searched: 0, indexing: 2 })).toEqual({ status: 'done', answer: STILL_INDEXING });
  });
  it('says when the document filter leaves nothing to search', () => {
    expect(answerWithoutPassages({ onlyDocs: [], ready: 2, searched: 0, indexing: 0 })).toEqual({ status: 'done', answer: ALL_LEFT_OUT });
  });
  it('says the documents do not cover it when there were documents to search', () => {
    expect(answerWithoutPassages({ ready: 2, searched: 2, indexing: 0 })).toEqual({ status: 'not-found', answer: NOT_IN_DOCUMENTS });
    expect(answerWithoutPassages({ onlyDocs: [asDocId('a')], ready: 2, searched: 1, indexing: 1 })).toEqual({ status: 'not-found', answer: NOT_IN_DOCUMENTS });
  });
});
