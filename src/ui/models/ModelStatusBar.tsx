import { MODEL_ROLES, type ModelChoice, type ModelTask } from '../../core/models';
import type { ModelStatus } from '../../core/protocol';
import { describeModelStatus } from '../format';


/** What Docent does without a chat model or a reranker. */
const NONE: Record<ModelTask, string> = {
  embedder: 'none',
  generator: 'none (answers quote your documents)',
  reranker: 'none (passages keep their search order)',
};

export function ModelStatusBar({ models, status }: { models: ModelChoice; status: Record<ModelTask, ModelStatus> }) {
  return (
    <ul className="model-status" aria-label="Models">
      {(['embedder', 'generator', 'reranker'] as const).map((task) => (
        <li key={task} className={`model-status--${status[task].kind}`}>
          <span role="status">
            {MODEL_ROLES[task]} {models[task]?.label ?? NONE[task]}
            {models[task] && `: ${describeModelStatus(status[task])}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
