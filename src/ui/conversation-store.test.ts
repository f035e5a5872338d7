import { describe, expect, it } from 'vitest';
import { asDocId, chunkIdOf } from '../core/ids';
import type { SearchHit } from '../core/library';
import type { ModelSpec } from '../core/models';
import type { Workers } from '../rpc/workers';
import { NOT_IN_DOCUMENTS } from '../core/search-scope';
import { ConversationStore } from './conversation-store';

const docId = asDocId('harbour');
// Shares no word with the question: only the search model's similarity can make it relevant.
const hit: SearchHit = {
  chunk: { id: chunkIdOf(docId, 0), docId, ordinal: 0, text: 'Marmalade sleeps on the lantern gallery.', pageStart: 1, pageEnd: 1, charStart: 0, charEnd: 40 },
  documentName: 'harbour.pdf',
  documentFormat: 'pdf',
  scores: { fused: 1, similarity: 0.7 },
};
const scope = Promise.resolve({ ready: 1, searched: 1, indexing: 0 });
const embedder = (id: string, similarityFloor: number): ModelSpec => ({ id, task: 'embedder', label: id, dtype: 'q8', similarityFloor });

function storeAnswering(): ConversationStore {
  const engine = { search: async () => [hit], saveConversation: async () => undefined, conversations: async () => [] };
  return new ConversationStore({ engine, generator: {} } as unknown as Workers, null);
}

describe('ConversationStore', () => {
  it('judges relevance with the search model the library uses now, not one it was made with', async () => {
    const store = storeAnswering();
    await store.ask('Who is the keeper?', { embedder: embedder('lenient', 0.5), scope });
    expect(store.getSnapshot().active.turns[0]).toMatchObject({ status: 'done', sources: [hit] });
    await store.ask('Who is the keeper?', { embedder: embedder('strict', 0.85), scope });
    expect(store.getSnapshot().active.turns[1]).toMatchObject({ status: 'not-found', answer: NOT_IN_DOCUMENTS, sources: [] });
  });
});
