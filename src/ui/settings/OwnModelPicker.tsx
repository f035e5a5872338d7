import { useId, useState } from 'react';
import { checkModelFolder } from '../../core/model-folder';
import type { ModelSpec } from '../../core/models';
import { saveOwnModel } from '../model-settings';
import type { SettingsStore } from './settings-store';

/** The folder's files, their paths relative to the folder the person picked. */
function folderFiles(list: FileList) {
  const files = [...list];
  const folderName = files[0].webkitRelativePath.split('/')[0] || 'model';
  return { folderName, files: files.map((file) => ({ path: file.webkitRelativePath.split('/').slice(1).join('/') || file.name, file })) };
}

/**
 * "Use a model from this computer": a folder holding a transformers.js export, checked here, kept in the browser
 * (offline too) and used as the search or the chat model, as its config.json says it is.
 */
export function OwnModelPicker({ store, onUse }: { store: SettingsStore; onUse: (model: ModelSpec) => void }) {
  const id = useId();
  const [problems, setProblems] = useState<string[]>([]);
  const pick = async (list: FileList | null) => {
    if (!list?.length) return;
    const { folderName, files } = folderFiles(list);
    const text = (path: string) => files.find((file) => file.path === path)?.file.text();
    const check = checkModelFolder(
      folderName,
      files.map(({ path, file }) => ({ path, bytes: file.size })),
      { config: await text('config.json'), tokenizerConfig: await text('tokenizer_config.json') },
    );
    if (!check.ok) return setProblems(check.problems.map((problem) => `${folderName}: ${problem}`));
    setProblems([]);
    if (await store.keepOwnModel(check.model, files.filter((file) => check.files.includes(file.path)))) {
      saveOwnModel(check.model);
      onUse(check.model);
    }
  };
  return (
    <div className="own-model">
      <label htmlFor={id}>Use a model from this computer (a folder with config.json, the tokenizer files and onnx/)</label>
      <input
        id={id}
        type="file"
        // A folder, not files: a model is several files in a known layout.
        {...{ webkitdirectory: '' }}
        onChange={(event) => {
          void pick(event.target.files);
          event.target.value = '';
        }}
      />
      {problems.length > 0 && (
        <ul role="alert" aria-label="Problems with the model folder" className="settings__error">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
