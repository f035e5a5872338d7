import type { ModelChoice, ModelTask } from '../../core/models';
import type { ModelStatus } from '../../core/protocol';
import { describeModelStatus } from '../format';

const ROLE: Record<ModelTask, string> = { embedder: 'Search model', generator: 'Chat model' };

export function ModelStatusBar({ models, status }: { models: ModelChoice; status: Record<ModelTask, ModelStatus> }) {
  return (
    <ul className="model-status" aria-label="Models">
      {(['embedder', 'generator'] as const).map((task) => (
        <li key={task} className={`model-status--${status[task].kind}`}>
          <span role="status">
            {ROLE[task]} {models[task]?.label ?? 'none (answers quote your documents)'}
            {models[task] && `: ${describeModelStatus(status[task])}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
