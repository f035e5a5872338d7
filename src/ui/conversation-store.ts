import { proxy } from 'comlink';
import { isSettled, titleFrom, type Conversation, type Turn } from '../core/conversation';
import { NO_MODEL, type ModelSpec } from '../core/models';
import type { ModelStatus, ModelStatusEvent } from '../core/protocol';
import type { SearchScope } from '../core/search-scope';
import type { Workers } from '../rpc/workers';
import { askQuestion } from './ask-question';
import { modelSources, readDevicePreference, saveModelChoice } from './model-settings';
import { Store } from './store';

interface ConversationState {
  /** Saved conversations, most recently updated first. */
  saved: Conversation[];
  /** The conversation in view; a new one is saved with its first answer. */
  active: Conversation;
  /** The chat model in use; null: answers are the passages' key sentences. */
  generator: ModelSpec | null;
  generatorStatus: ModelStatus;
}

const blankConversation = (): Conversation => ({ id: crypto.randomUUID(), title: 'New chat', createdAt: Date.now(), updatedAt: Date.now(), turns: [] });

/** Conversations: asking, stopping, and keeping chats (new, open, rename, delete), saved by the library worker. */
export class ConversationStore extends Store<ConversationState> {
  constructor(
    private readonly workers: Workers,
    generator: ModelSpec | null,
  ) {
    super({ saved: [], active: blankConversation(), generator, generatorStatus: { kind: 'idle' } });
  }

  /** Loads saved chats and prepares the chat model (it downloads on the first question). Call after the library opens. */
  load(): void {
    // Coming back to Docent shows the latest chat, as it was left.
    void this.#refresh().then(() => {
      const [latest] = this.state.saved;
      if (latest && this.state.active.turns.length === 0) this.update({ active: latest });
    });
    this.#startGenerator();
  }

  /** Changes the chat model (or none): remembered, and used from the next question on. */
  readonly setGenerator = (generator: ModelSpec | null) => {
    saveModelChoice('generator', generator?.id ?? NO_MODEL);
    this.update({ generator, generatorStatus: { kind: 'idle' } });
    this.#startGenerator();
  };

  #startGenerator() {
    const { generator } = this.state;
    if (!generator) return;
    const onStatus = (event: ModelStatusEvent) => {
      if (event.model.id === this.state.generator?.id) this.update({ generatorStatus: event.status });
    };
    void this.workers.generator.init({ generator, sources: modelSources(), device: readDevicePreference() }, proxy(onStatus));
  }

  /**
   * Asks in the conversation in view. The library says how it searches: its search model (whose similarity floor
   * judges relevance) and the documents to search.
   */
  readonly ask = async (question: string, { embedder, scope }: { embedder: ModelSpec; scope: Promise<SearchScope> }) => {
    const conversation = this.state.active;
    const turn: Turn = { id: crypto.randomUUID(), question, status: 'searching', answer: '', sources: [], promptSources: [], keySentences: [] };
    const history = conversation.turns.filter(isSettled);
    this.#updateConversation(conversation.id, (c) => ({ title: c.turns.length ? c.title : titleFrom(question), turns: [...c.turns, turn] }));
    await askQuestion({ question, history, scope }, this.workers, { embedder, generator: this.state.generator }, (changes) =>
      this.#updateConversation(conversation.id, (c) => ({ turns: c.turns.map((t) => (t.id === turn.id ? { ...t, ...changes } : t)) })),
    );
    const finished = this.state.active.id === conversation.id ? this.state.active : undefined;
    if (finished) {
      await this.workers.engine.saveConversation({ ...finished, updatedAt: Date.now() });
      await this.#refresh();
    }
  };

  readonly stop = () => void this.workers.generator.stop();

  /** A question is being written: load the models now, so the answer does not wait for them. */
  readonly prepare = () => {
    void this.workers.engine.prepare();
    if (this.state.generator) void this.workers.generator.prepare();
  };

  readonly startNew = () => this.update({ active: blankConversation() });

  readonly open = (id: string) => {
    const conversation = this.state.saved.find((c) => c.id === id);
    if (conversation) this.update({ active: conversation });
  };

  readonly rename = async (id: string, title: string) => {
    const conversation = this.state.saved.find((c) => c.id === id);
    if (!conversation || !title.trim()) return;
    await this.workers.engine.saveConversation({ ...conversation, title: title.trim() });
    this.#updateConversation(id, () => ({ title: title.trim() }));
    await this.#refresh();
  };

  readonly remove = async (id: string) => {
    await this.workers.engine.deleteConversation(id);
    if (this.state.active.id === id) this.startNew();
    await this.#refresh();
  };

  /** Reads the saved conversations again (an import added some). */
  readonly refresh = () => this.#refresh();

  async #refresh() {
    this.update({ saved: await this.workers.engine.conversations() });
  }

  #updateConversation(id: string, change: (conversation: Conversation) => Partial<Conversation>) {
    this.update(({ active }) => (active.id === id ? { active: { ...active, ...change(active) } } : {}));
  }
}
