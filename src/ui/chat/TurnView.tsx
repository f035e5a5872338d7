import type { Turn } from '../conversation';
import { AnswerText } from './AnswerText';
import { SourceList } from './SourceList';

const STATUS_TEXT: Partial<Record<Turn['status'], string>> = {
  searching: 'Searching your documents…',
  writing: 'Writing…',
  stopped: 'Stopped.',
};

export function TurnView({ turn }: { turn: Turn }) {
  const complete = turn.status === 'done' || turn.status === 'stopped';
  return (
    <article className="turn" aria-label={`Question: ${turn.question}`}>
      <h3 className="turn__question">{turn.question}</h3>
      {complete ? (
        <AnswerText turnId={turn.id} text={turn.answer} sources={turn.sources} />
      ) : (
        turn.answer && <p className="answer answer--streaming">{turn.answer}</p>
      )}
      {STATUS_TEXT[turn.status] && <p className="turn__status">{STATUS_TEXT[turn.status]}</p>}
      {turn.status === 'failed' && <p role="alert">{turn.error}</p>}
      {turn.sources.length > 0 && (
        <SourceList turnId={turn.id} sources={turn.sources} heading={turn.status === 'failed' ? 'Matching passages' : 'Sources'} />
      )}
    </article>
  );
}
