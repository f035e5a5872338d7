import { keySentences } from '../core/extractive';
import { retrievalQuery } from '../core/follow-up';
import { sourceLabel } from '../core/library';
import { similarityFloor, type ModelChoice } from '../core/models';
import { isRelevant } from '../core/relevance';
import type { Turn } from '../core/conversation';
import type { DocId } from '../core/ids';
import { proxy } from 'comlink';
import type { Workers } from '../rpc/workers';

const PASSAGES_PER_QUESTION = 6;

export const NOT_IN_DOCUMENTS = "I couldn't find this in your documents.";
export const EMPTY_LIBRARY = 'Your library has nothing to answer from yet. Add documents, then ask again.';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Answers one question, reporting each step through `update`: search (with the previous question, for
 * follow-ups), keep only relevant passages, show their key sentences at once, then stream the model's answer.
 */
export interface Question {
  question: string;
  /** The conversation's settled turns before this one. */
  history: readonly Turn[];
  /** Search these documents only; all when absent. */
  onlyDocs?: DocId[];
}

export async function askQuestion(
  { question, history, onlyDocs }: Question,
  workers: Workers,
  models: ModelChoice,
  update: (changes: Partial<Turn>) => void,
): Promise<void> {
  try {
    const query = retrievalQuery(history.map((turn) => turn.question), question);
    const hits = await workers.engine.search(query, PASSAGES_PER_QUESTION, onlyDocs);
    if (hits.length === 0) return update({ status: 'done', answer: EMPTY_LIBRARY });
    const floor = similarityFloor(models.embedder);
    const sources = hits.filter((hit) => isRelevant(query, { text: hit.chunk.text, score: hit.scores.similarity ?? 0 }, floor));
    if (sources.length === 0) return update({ status: 'not-found', answer: NOT_IN_DOCUMENTS });
    const key = keySentences(query, sources.map((hit) => hit.chunk.text));
    update({ status: models.generator ? 'writing' : 'done', sources, keySentences: key });
    if (!models.generator) return;

    const passages = sources.map((hit) => ({ label: sourceLabel(hit), text: hit.chunk.text }));
    const pastTurns = history.filter((turn) => turn.answer).map((turn) => ({ question: turn.question, answer: turn.answer }));
    try {
      const result = await workers.generator.answer({ question, passages, history: pastTurns }, proxy((answer: string) => update({ answer })));
      update({ status: result.stopped ? 'stopped' : 'done', answer: result.text, promptSources: result.included });
    } catch (error) {
      // Without the chat model, the key sentences and passages still answer: keep them, and say why.
      update({ status: 'failed', error: messageOf(error) });
    }
  } catch (error) {
    update({ status: 'failed', error: messageOf(error) });
  }
}
