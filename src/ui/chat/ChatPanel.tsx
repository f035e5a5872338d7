import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Turn } from '../../core/conversation';
import type { ModelStatus } from '../../core/protocol';
import { TurnView } from './TurnView';

interface Props {
  turns: Turn[];
  generatorStatus: ModelStatus;
  answering: boolean;
  onAsk: (question: string) => void;
  onStop: () => void;
  /** The person started on a question: a moment to load the models. */
  onPrepare: () => void;
}

export function ChatPanel({ turns, generatorStatus, answering, onAsk, onStop, onPrepare }: Props) {
  const [question, setQuestion] = useState('');
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = question.trim();
    if (!trimmed || answering) return;
    onAsk(trimmed);
    setQuestion('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) submit(event);
    if (event.key === 'Escape' && answering) onStop();
  };
  return (
    <section className="chat" aria-labelledby="chat-heading">
      <h2 id="chat-heading">Chat</h2>
      <div className="chat__log" role="log" aria-label="Conversation">
        {turns.length === 0 && <p className="empty">Ask anything about your documents. Answers cite the page they come from.</p>}
        {turns.map((turn) => (
          <TurnView key={turn.id} turn={turn} generatorStatus={generatorStatus} />
        ))}
      </div>
      <form className="ask" onSubmit={submit}>
        <label htmlFor="question">Ask a question</label>
        <textarea
          id="question"
          rows={2}
          value={question}
          onFocus={onPrepare}
          onChange={(event) => setQuestion(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {answering ? (
          <button type="button" onClick={onStop}>
            Stop
          </button>
        ) : (
          <button type="submit" disabled={!question.trim()}>
            Send
          </button>
        )}
      </form>
    </section>
  );
}
