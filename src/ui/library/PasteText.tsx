import { useRef, useState, type FormEvent } from 'react';

/** Text pasted from anywhere becomes a document of the library, named by the person. */
export function PasteText({ onAdd }: { onAdd: (file: File) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('Pasted text');
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fileName = /\.(txt|md)$/i.test(name.trim()) ? name.trim() : `${name.trim() || 'Pasted text'}.txt`;
    onAdd(new File([text], fileName, { type: 'text/plain' }));
    setText('');
    dialog.current?.close();
  };
  return (
    <>
      <button type="button" className="paste-text" onClick={() => dialog.current?.showModal()}>
        Paste text
      </button>
      <dialog ref={dialog} className="paste-dialog" aria-labelledby="paste-heading">
        <form onSubmit={submit}>
          <h2 id="paste-heading">Add pasted text</h2>
          <label>
            Name
            <input value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <label>
            Text
            <textarea rows={10} value={text} onChange={(event) => setText(event.target.value)} />
          </label>
          <div className="paste-dialog__actions">
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" disabled={!text.trim()}>
              Add to library
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
