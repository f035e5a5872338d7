import { useEffect, useRef } from 'react';
import { sourceLabel } from '../../core/library';
import type { SourceView } from '../../core/protocol';
import type { OpenSource } from './source-store';

function PdfPage({ view, imageUrl }: { view: Extract<SourceView, { kind: 'pdf-page' }>; imageUrl: string }) {
  return (
    <figure className="source-page">
      <div className="source-page__sheet">
        <img src={imageUrl} alt={`Page ${view.page} of ${view.documentName}, with the cited passage highlighted`} />
        {view.highlights.map((box, i) => (
          <div
            key={i}
            className="source-page__highlight"
            data-testid="passage-highlight"
            aria-hidden="true"
            style={{ left: `${box.left * 100}%`, top: `${box.top * 100}%`, width: `${box.width * 100}%`, height: `${box.height * 100}%` }}
          />
        ))}
      </div>
      <figcaption>
        {view.ocr && (
          <p className="source-page__ocr">
            Read by OCR{view.ocr.lowConfidence ? ': the engine was unsure of many words on this page, so check the passage against the image.' : '.'}
          </p>
        )}
        <blockquote>{view.passage}</blockquote>
      </figcaption>
    </figure>
  );
}

function TextPage({ view }: { view: Extract<SourceView, { kind: 'text' }> }) {
  const mark = useRef<HTMLElement>(null);
  // A block body: recent Chromium returns a promise from scrollIntoView, which React would take for a cleanup.
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [view]);
  const { text, highlight } = view;
  return (
    <div className="source-text">
      {text.slice(0, highlight.start)}
      <mark ref={mark}>{text.slice(highlight.start, highlight.end)}</mark>
      {text.slice(highlight.end)}
    </div>
  );
}

/** The cited passage where it stands in its document; a modal dialog (Esc or Close return to the answer). */
export function SourceViewer({ source, onClose }: { source?: OpenSource; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Focus goes back to what opened the source (a citation) whichever way the dialog closes (Esc, Close, or the app),
  // from the dialog's close event: the browser's own restoring left focus on the page when Esc came while it loaded.
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (source && !dialog.current?.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.current?.showModal();
    }
    if (!source && dialog.current?.open) dialog.current.close();
  }, [source]);
  const onDialogClose = () => {
    const returnTo = opener.current;
    opener.current = null;
    onClose();
    // The answer may have changed while its source was open (the model's answer replacing the key sentences, then
    // rendered with links when done): back to the same citation as it is now, or to the source it points to.
    const href = returnTo?.getAttribute('href');
    const target =
      returnTo?.isConnected || !href?.startsWith('#')
        ? returnTo
        : (document.querySelector<HTMLElement>(`a[href="${CSS.escape(href)}"]`) ?? document.getElementById(href.slice(1)));
    target?.focus();
  };
  const view = source?.view;
  const title = !source ? '' : view?.kind === 'pdf-page' ? `${view.documentName} — page ${view.page} of ${view.pageCount}${view.ocr ? ', read by OCR' : ''}` : sourceLabel(source.hit);
  return (
    <dialog ref={dialog} className="source-viewer" aria-labelledby="source-viewer-title" onClose={onDialogClose}>
      <header className="source-viewer__header">
        <h2 id="source-viewer-title">{title}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </header>
      {source && !view && !source.error && <p role="status">Opening the page…</p>}
      {source?.error && (
        <>
          <p role="alert">{source.error} The passage as it was cited:</p>
          <blockquote>{source.hit.chunk.text}</blockquote>
        </>
      )}
      {view?.kind === 'pdf-page' && source?.imageUrl && <PdfPage view={view} imageUrl={source.imageUrl} />}
      {view?.kind === 'text' && <TextPage view={view} />}
    </dialog>
  );
}
