import { proxy } from 'comlink';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { sourceLabel, type DocumentSummary } from '../core/library';
import type { ModelChoice, ModelTask } from '../core/models';
import type { EngineEvent, ModelStatus, ModelStatusEvent } from '../core/protocol';
import type { Workers } from '../rpc/workers';
import type { Turn } from './conversation';
import { modelSources } from './model-settings';

const PASSAGES_PER_QUESTION = 6;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Docent's state as the UI sees it, and the intents it can send. Behaviour lives in the workers and core. */
export function useDocent(workers: Workers, models: ModelChoice) {
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [libraryError, setLibraryError] = useState<string>();
  const [modelStatus, setModelStatus] = useState<Record<ModelTask, ModelStatus>>({ embedder: { kind: 'idle' }, generator: { kind: 'idle' } });
  const [turns, setTurns] = useState<Turn[]>([]);

  useEffect(() => {
    const onModelStatus = (event: ModelStatusEvent) => setModelStatus((current) => ({ ...current, [event.model.task]: event.status }));
    const onEngineEvent = (event: EngineEvent) => (event.type === 'library' ? setDocuments(event.documents) : onModelStatus(event));
    const sources = modelSources();
    workers.engine
      .init({ embedder: models.embedder, sources }, proxy(onEngineEvent))
      .then(setDocuments, (error: unknown) => setLibraryError(`Your library could not be opened: ${messageOf(error)}`));
    void workers.generator.init({ generator: models.generator, sources }, proxy(onModelStatus));
    return workers.onCrash(setLibraryError);
  }, [workers, models]);

  const addFiles = useCallback(
    (files: File[]) => {
      workers.engine.addFiles(files).catch((error: unknown) => setLibraryError(`Those files could not be added: ${messageOf(error)}`));
    },
    [workers],
  );

  const ask = useCallback(
    async (question: string) => {
      const id = crypto.randomUUID();
      const update = (changes: Partial<Turn>) => setTurns((all) => all.map((turn) => (turn.id === id ? { ...turn, ...changes } : turn)));
      setTurns((all) => [...all, { id, question, status: 'searching', answer: '', sources: [] }]);
      try {
        const hits = await workers.engine.search(question, PASSAGES_PER_QUESTION);
        if (hits.length === 0) {
          update({ status: 'done', answer: 'Your library has nothing to answer from yet. Add documents, then ask again.' });
          return;
        }
        update({ status: 'writing' });
        const passages = hits.map((hit) => ({ label: sourceLabel(hit.documentName, hit.chunk.pageStart, hit.chunk.pageEnd), text: hit.chunk.text }));
        try {
          const result = await workers.generator.answer({ question, passages }, proxy((answer: string) => update({ answer })));
          update({ status: result.stopped ? 'stopped' : 'done', answer: result.text, sources: result.included.map((i) => hits[i]) });
        } catch (error) {
          // Without the chat model the passages still answer: show them, with the reason.
          update({ status: 'failed', error: messageOf(error), sources: hits });
        }
      } catch (error) {
        update({ status: 'failed', error: messageOf(error) });
      }
    },
    [workers],
  );

  const stop = useCallback(() => void workers.generator.stop(), [workers]);
  const answering = useMemo(() => turns.some((turn) => turn.status === 'searching' || turn.status === 'writing'), [turns]);

  return { documents, libraryError, modelStatus, turns, answering, addFiles, ask, stop };
}
