import { parseCitations } from '../../core/citations';
import { isSettled, type Turn } from '../../core/conversation';
import type { ModelStatus } from '../../core/protocol';
import { describeModelStatus } from '../format';
import { AnswerText } from './AnswerText';
import { CopyAnswerButton } from './CopyAnswerButton';
import { KeySentences } from './KeySentences';
import { SourceList } from './SourceList';

/** Sources the turn's answer cites: those its text cites, or, without a generated answer, its key sentences'. */
function citedSources(turn: Turn): Set<number> {
  if (turn.answer && turn.promptSources.length > 0) {
    return new Set(parseCitations(turn.answer, turn.promptSources.length).cited.map((n) => turn.promptSources[n - 1]));
  }
  return new Set(turn.keySentences.map((sentence) => sentence.source - 1));
}

export function TurnView({ turn, generatorStatus }: { turn: Turn; generatorStatus: ModelStatus }) {
  const generated = turn.promptSources.length > 0 || (turn.status === 'writing' && turn.answer);
  const waitingForModel = turn.status === 'writing' && !turn.answer;
  return (
    <article className="turn" aria-label={`Question: ${turn.question}`} aria-busy={!isSettled(turn)}>
      <h3 className="turn__question">{turn.question}</h3>
      {turn.status === 'searching' && <p className="turn__status">Searching your documents…</p>}
      <section className="turn__answer" aria-label="Answer">
        {turn.status === 'writing' && turn.answer && <p className="answer answer--streaming">{turn.answer}</p>}
        {(turn.status === 'done' || turn.status === 'stopped') && turn.answer && (
          <AnswerText turnId={turn.id} text={turn.answer} sources={turn.sources} promptSources={turn.promptSources} />
        )}
        {turn.status === 'not-found' && <p className="answer answer--not-found">{turn.answer}</p>}
        {!generated && <KeySentences turnId={turn.id} sentences={turn.keySentences} sources={turn.sources} />}
      </section>
      {waitingForModel && (
        <p className="turn__status" role="status">
          Writing an answer… chat model {describeModelStatus(generatorStatus)}
        </p>
      )}
      {turn.status === 'stopped' && <p className="turn__status">Stopped.</p>}
      {turn.status === 'failed' && <p role="alert">{turn.error}</p>}
      {isSettled(turn) && turn.sources.length > 0 && <CopyAnswerButton turn={turn} />}
      {turn.sources.length > 0 && <SourceList turnId={turn.id} sources={turn.sources} cited={citedSources(turn)} keySentences={turn.keySentences} />}
    </article>
  );
}
