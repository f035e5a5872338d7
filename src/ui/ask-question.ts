import { keySentences } from '../core/extractive';
import { retrievalQuery } from '../core/follow-up';
import { sourceLabel, type SearchHit } from '../core/library';
import { similarityFloor, type ModelChoice } from '../core/models';
import { isRelevant } from '../core/relevance';
import type { Turn } from '../core/conversation';
import { answerWithoutPassages, type SearchScope } from '../core/search-scope';
import { callReporting } from '../rpc/reporting-call';
import type { Workers } from '../rpc/workers';

const PASSAGES_PER_QUESTION = 6;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Answers one question, reporting each step through `update`: search (with the previous question, for
 * follow-ups), keep only relevant passages, show their key sentences at once, then stream the model's answer.
 */
export interface Question {
  question: string;
  /** The conversation's settled turns before this one. */
  history: readonly Turn[];
  /** The documents to search, and what the library holds, once it has opened. */
  scope: Promise<SearchScope>;
}

export async function askQuestion(
  { question, history, scope: whenOpen }: Question,
  workers: Workers,
  models: Pick<ModelChoice, 'embedder' | 'generator'>,
  update: (changes: Partial<Turn>) => void,
): Promise<void> {
  try {
    const query = retrievalQuery(history.map((turn) => turn.question), question);
    const scope = await whenOpen;
    const hits = scope.searched === 0 ? [] : await workers.engine.search(query, PASSAGES_PER_QUESTION, scope.onlyDocs);
    const floor = similarityFloor(models.embedder);
    // A followed passage is evidence when it shares words with the question or names what it was followed for (names
    // a relevant passage introduced): the words the ranking matched it by.
    const evidenceFor = (hit: SearchHit) => (hit.followed ? `${query} ${hit.followed}` : query);
    const sources = hits.filter((hit) => isRelevant(evidenceFor(hit), { text: hit.chunk.text, score: hit.scores.similarity ?? 0, rerank: hit.scores.rerank }, floor));
    if (sources.length === 0) return update(answerWithoutPassages(scope));
    const key = keySentences(query, sources.map((hit) => hit.chunk.text));
    update({ status: models.generator ? 'writing' : 'done', sources, keySentences: key });
    if (!models.generator) return;

    const passages = sources.map((hit) => ({ label: sourceLabel(hit), text: hit.chunk.text }));
    const pastTurns = history.filter((turn) => turn.answer).map((turn) => ({ question: turn.question, answer: turn.answer }));
    try {
      const result = await callReporting((onText) => workers.generator.answer({ question, passages, history: pastTurns }, onText), (answer: string) => update({ answer }));
      update({ status: result.stopped ? 'stopped' : 'done', answer: result.text, promptSources: result.included });
    } catch (error) {
      // Without the chat model, the key sentences and passages still answer: keep them, and say why.
      update({ status: 'failed', error: messageOf(error) });
    }
  } catch (error) {
    update({ status: 'failed', error: messageOf(error) });
  }
}
