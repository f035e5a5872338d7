import { parseCitations } from '../../core/citations';
import { sourceLabel, type SearchHit } from '../../core/library';

export const sourceAnchor = (turnId: string, number: number) => `source-${turnId}-${number}`;

/** The answer as plain text (never HTML: model output is untrusted) with its citation markers turned into links. */
export function AnswerText({ turnId, text, sources }: { turnId: string; text: string; sources: SearchHit[] }) {
  const { segments } = parseCitations(text, sources.length);
  return (
    <p className="answer">
      {segments.map((segment, i) => {
        if (segment.kind === 'text') return <span key={i}>{segment.text}</span>;
        const { documentName, chunk } = sources[segment.source - 1];
        return (
          <a key={i} className="citation" href={`#${sourceAnchor(turnId, segment.source)}`}>
            {sourceLabel(documentName, chunk.pageStart, chunk.pageEnd)}
          </a>
        );
      })}
    </p>
  );
}
