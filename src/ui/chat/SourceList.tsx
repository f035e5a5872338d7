import type { KeySentence } from '../../core/extractive';
import { sourceLabel, type SearchHit } from '../../core/library';
import { useContext } from 'react';
import { ocrNote } from '../format';
import { ShowSource, sourceAnchor } from './AnswerText';
import { OcrPagesOf } from './ocr-pages';

interface Props {
  turnId: string;
  sources: SearchHit[];
  /** Indices of the sources the answer cites; the others are listed as also retrieved. */
  cited: ReadonlySet<number>;
  keySentences: KeySentence[];
}

function ShowInDocument({ hit }: { hit: SearchHit }) {
  const showSource = useContext(ShowSource);
  return (
    <button type="button" className="sources__show" aria-label={`Show in document: ${sourceLabel(hit)}`} onClick={() => showSource(hit)}>
      Show in document
    </button>
  );
}

/** The passage's text with its key sentences marked. */
function PassageText({ text, marks }: { text: string; marks: KeySentence[] }) {
  const parts: React.ReactNode[] = [];
  let position = 0;
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    if (mark.start < position) continue;
    parts.push(text.slice(position, mark.start), <mark key={mark.start}>{text.slice(mark.start, mark.end)}</mark>);
    position = mark.end;
  }
  parts.push(text.slice(position));
  return <blockquote>{parts}</blockquote>;
}

/** "read by OCR" beside a source whose page was a scan. */
function OcrMark({ hit }: { hit: SearchHit }) {
  const note = ocrNote(useContext(OcrPagesOf).get(hit.chunk.docId), hit.chunk.pageStart, hit.chunk.pageEnd);
  return note ? <span className="sources__ocr">{note}</span> : null;
}

function SourceGroup({ heading, turnId, indices, sources, keySentences }: { heading: string; indices: number[] } & Omit<Props, 'cited'>) {
  if (indices.length === 0) return null;
  const headingId = `${heading.replace(/\W+/g, '-').toLowerCase()}-${turnId}`;
  return (
    <section className="sources" aria-labelledby={headingId}>
      <h4 id={headingId}>{heading}</h4>
      <ol>
        {indices.map((index) => {
          const { chunk, scores, followed } = sources[index];
          return (
            <li key={chunk.id} id={sourceAnchor(turnId, index)} tabIndex={-1}>
              <span className="sources__label">
                [{index + 1}] {sourceLabel(sources[index])}
              </span>{' '}
              <OcrMark hit={sources[index]} />{' '}
              {scores.rerank !== undefined && (
                <span className="sources__score" title="How likely the reranker judges this passage to answer your question">
                  relevance {Math.round(scores.rerank * 100)}%
                </span>
              )}{' '}
              {scores.similarity !== undefined && (
                <span className="sources__score" title="Similarity in meaning to your question">
                  {Math.round(scores.similarity * 100)}%
                </span>
              )}{' '}
              {followed && <span className="sources__followed">found by following up {followed}</span>}
              <PassageText text={chunk.text} marks={keySentences.filter((sentence) => sentence.source === index + 1)} />
              <ShowInDocument hit={sources[index]} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The passages an answer drew on, numbered as found, cited ones first. */
export function SourceList({ cited, ...props }: Props) {
  const all = props.sources.map((_, index) => index);
  return (
    <>
      <SourceGroup heading="Sources" indices={all.filter((index) => cited.has(index))} {...props} />
      <SourceGroup heading="Also retrieved" indices={all.filter((index) => !cited.has(index))} {...props} />
    </>
  );
}
