import { sourceLabel, type SearchHit } from '../../core/library';
import { sourceAnchor } from './AnswerText';

/** The passages an answer was written from, numbered as the answer cites them. */
export function SourceList({ turnId, sources, heading }: { turnId: string; sources: SearchHit[]; heading: string }) {
  const headingId = `sources-${turnId}`;
  return (
    <section className="sources" aria-labelledby={headingId}>
      <h4 id={headingId}>{heading}</h4>
      <ol>
        {sources.map(({ chunk, documentName, score }, i) => (
          <li key={chunk.id} id={sourceAnchor(turnId, i + 1)} tabIndex={-1}>
            <span className="sources__label">
              [{i + 1}] {sourceLabel(documentName, chunk.pageStart, chunk.pageEnd)}
            </span>{' '}
            <span className="sources__score" title="Similarity to your question">
              {Math.round(score * 100)}%
            </span>
            <blockquote>{chunk.text}</blockquote>
          </li>
        ))}
      </ol>
    </section>
  );
}
