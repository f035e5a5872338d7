import type { SearchHit } from '../core/library';

export type TurnStatus = 'searching' | 'writing' | 'done' | 'stopped' | 'failed';

/** One question and its answer. `sources[n - 1]` is what citation `[n]` points at. */
export interface Turn {
  id: string;
  question: string;
  status: TurnStatus;
  answer: string;
  sources: SearchHit[];
  error?: string;
}
