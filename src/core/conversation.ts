import type { KeySentence } from './extractive';
import type { SearchHit } from './library';

export type TurnStatus = 'searching' | 'writing' | 'done' | 'stopped' | 'failed' | 'not-found';

/**
 * One question and its answer. `sources` are the relevant passages found, shown as [1]..[n]; the generator saw
 * those listed in `promptSources`, so its citation [k] means `sources[promptSources[k - 1]]`. Sources are stored as
 * they were found, so an answer stays readable after its document is deleted.
 */
export interface Turn {
  id: string;
  question: string;
  status: TurnStatus;
  answer: string;
  sources: SearchHit[];
  promptSources: number[];
  /** The sentences of `sources` that best answer the question: the answer shown before (or without) a model. */
  keySentences: KeySentence[];
  error?: string;
}

export interface Conversation {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  turns: Turn[];
}

const TITLE_LENGTH = 60;

/** A new conversation's name: its first question, shortened at a word boundary. */
export function titleFrom(question: string): string {
  const oneLine = question.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= TITLE_LENGTH) return oneLine;
  const cut = oneLine.slice(0, TITLE_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : TITLE_LENGTH)}…`;
}

/** Whether a turn is finished, so it can be stored and used as history. */
export const isSettled = (turn: Turn) => turn.status !== 'searching' && turn.status !== 'writing';
