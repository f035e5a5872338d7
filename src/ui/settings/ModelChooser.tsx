import { useId, useState } from 'react';
import { MODEL_CATALOG, MODEL_ROLES, NO_MODEL, resolveModel, weightsBytes, type ModelSpec, type ModelTask } from '../../core/models';
import { withWeightsHere } from '../device';
import { readOwnModels } from '../model-settings';
import { formatBytes } from '../format';

const OTHER = 'other';

/** What a person weighs when choosing: the download, and for chat models how much they read at once. */
function describe(model: ModelSpec): string {
  const bytes = weightsBytes(withWeightsHere(model));
  const facts = [
    bytes && `${formatBytes(bytes)} download`,
    model.contextTokens && `reads ${model.contextTokens.toLocaleString('en')} tokens at once`,
  ].filter(Boolean);
  return facts.length ? `${model.label} (${facts.join(', ')})` : model.label;
}

interface Props {
  task: ModelTask;
  current: ModelSpec | null;
  onChoose: (model: ModelSpec | null) => void;
}

/** One role's model: a short list, "none" for the chat model, or any transformers.js model id. */
function ModelSelect({ task, current, onChoose }: Props) {
  const id = useId();
  // Generated test models are offered only while one is in use: they exist for tests and for trying Docent out.
  const isTest = (model: ModelSpec | null) => model?.id.startsWith('docent-test/') ?? false;
  const own = readOwnModels();
  const offered = [...MODEL_CATALOG, ...own].filter((model) => model.task === task && (!isTest(model) || isTest(current)));
  const currentValue = current === null ? NO_MODEL : offered.some((model) => model.id === current.id) ? current.id : OTHER;
  const [value, setValue] = useState(currentValue);
  const [customId, setCustomId] = useState(currentValue === OTHER ? (current?.id ?? '') : '');
  const choose = (next: string) => {
    setValue(next);
    if (next === OTHER) return;
    onChoose(next === NO_MODEL ? null : resolveModel(task, next, own));
  };
  const why = offered.find((model) => model.id === value)?.why;
  return (
    <div className="model-chooser__row">
      <label htmlFor={id}>{MODEL_ROLES[task]}</label>
      <select id={id} value={value} aria-describedby={why ? `${id}-why` : undefined} onChange={(event) => choose(event.target.value)}>
        {offered.map((model) => (
          <option key={model.id} value={model.id}>
            {describe(model)}
          </option>
        ))}
        {task === 'generator' && <option value={NO_MODEL}>None: answers quote your documents, nothing to download</option>}
        {task === 'reranker' && <option value={NO_MODEL}>None: passages keep their search order</option>}
        <option value={OTHER}>Another transformers.js model…</option>
      </select>
      {why && (
        <p id={`${id}-why`} className="hint">
          {why}
        </p>
      )}
      {value === OTHER && (
        <form
          className="model-chooser__custom"
          onSubmit={(event) => {
            event.preventDefault();
            if (customId.trim()) onChoose(resolveModel(task, customId.trim()));
          }}
        >
          <label>
            {MODEL_ROLES[task]} id (for example your own fine-tuned model on the Hugging Face hub)
            <input value={customId} placeholder="owner/name" onChange={(event) => setCustomId(event.target.value)} />
          </label>
          <button type="submit" disabled={!customId.trim()}>
            Use this model
          </button>
        </form>
      )}
    </div>
  );
}

export function ModelChooser({ embedder, generator, reranker, onEmbedder, onGenerator, onReranker }: {
  embedder: ModelSpec;
  generator: ModelSpec | null;
  reranker: ModelSpec | null;
  onEmbedder: (model: ModelSpec) => void;
  onGenerator: (model: ModelSpec | null) => void;
  onReranker: (model: ModelSpec | null) => void;
}) {
  return (
    <div className="model-chooser">
      <ModelSelect key={embedder.id} task="embedder" current={embedder} onChoose={(model) => model && model.id !== embedder.id && onEmbedder(model)} />
      <p className="hint">A new search model embeds your library again in the background; answers use the current one until it is done.</p>
      <ModelSelect key={generator?.id ?? NO_MODEL} task="generator" current={generator} onChoose={(model) => model?.id !== generator?.id && onGenerator(model)} />
      <ModelSelect key={reranker?.id ?? NO_MODEL} task="reranker" current={reranker} onChoose={(model) => model?.id !== reranker?.id && onReranker(model)} />
      <p className="hint">The reranker reorders the best passages when it is in this browser (Make available offline downloads it).</p>
    </div>
  );
}
