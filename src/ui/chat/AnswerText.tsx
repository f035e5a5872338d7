import { parseCitations } from '../../core/citations';
import { sourceLabel, type SearchHit } from '../../core/library';

export const sourceAnchor = (turnId: string, sourceIndex: number) => `source-${turnId}-${sourceIndex + 1}`;

interface Props {
  turnId: string;
  text: string;
  sources: SearchHit[];
  /** Citation [k] of the text means sources[promptSources[k - 1]]. */
  promptSources: number[];
}

export function CitationLink({ turnId, sources, sourceIndex }: { turnId: string; sources: SearchHit[]; sourceIndex: number }) {
  const { documentName, chunk } = sources[sourceIndex];
  return (
    <a className="citation" href={`#${sourceAnchor(turnId, sourceIndex)}`}>
      {sourceLabel(documentName, chunk.pageStart, chunk.pageEnd)}
    </a>
  );
}

/** The answer as plain text (never HTML: model output is untrusted) with its citation markers turned into links. */
export function AnswerText({ turnId, text, sources, promptSources }: Props) {
  const { segments } = parseCitations(text, promptSources.length);
  return (
    <p className="answer">
      {segments.map((segment, i) =>
        segment.kind === 'text' ? (
          <span key={i}>{segment.text}</span>
        ) : (
          <CitationLink key={i} turnId={turnId} sources={sources} sourceIndex={promptSources[segment.source - 1]} />
        ),
      )}
    </p>
  );
}
