import type { Root, RootContent } from 'mdast';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { parseCitations } from '../../core/citations';
import type { DocId } from '../../core/ids';
import { sourceLabel, type SearchHit } from '../../core/library';

export const sourceAnchor = (turnId: string, sourceIndex: number) => `source-${turnId}-${sourceIndex + 1}`;

const CITATION_HREF = '#docent-citation-';

interface Props {
  turnId: string;
  text: string;
  sources: SearchHit[];
  /** Citation [k] of the text means sources[promptSources[k - 1]]. */
  promptSources: number[];
}

/** The ids of the documents in the library now, to tell citations of removed documents apart. */
export const LibraryDocuments = createContext<ReadonlySet<DocId>>(new Set());

/** Opens a cited passage where it stands in its document. */
export const ShowSource = createContext<(hit: SearchHit) => void>(() => {});

export function CitationLink({ turnId, sources, sourceIndex }: { turnId: string; sources: SearchHit[]; sourceIndex: number }) {
  const { chunk } = sources[sourceIndex];
  const removed = !useContext(LibraryDocuments).has(chunk.docId);
  const showSource = useContext(ShowSource);
  return (
    <a
      className={removed ? 'citation citation--removed' : 'citation'}
      href={`#${sourceAnchor(turnId, sourceIndex)}`}
      onClick={(event) => {
        event.preventDefault();
        showSource(sources[sourceIndex]);
      }}
    >
      {sourceLabel(sources[sourceIndex])}
      {removed && ' (removed from library)'}
    </a>
  );
}

/** Raw HTML in the answer is shown as the text it is, never parsed into elements. */
function htmlAsText() {
  const visit = (node: Root | RootContent) => {
    if (node.type === 'html') Object.assign(node, { type: 'text' });
    if ('children' in node) node.children.forEach(visit);
  };
  return visit;
}

/** Valid citation markers become links the renderer recognises; invalid ones are dropped (core/citations). */
function withCitationLinks(text: string, citationCount: number): string {
  return parseCitations(text, citationCount)
    .segments.map((segment) => (segment.kind === 'text' ? segment.text : `[](${CITATION_HREF}${segment.source})`))
    .join('');
}

/** The answer being rendered: what its citation links point to. */
const AnswerSources = createContext<Omit<Props, 'text'>>({ turnId: '', sources: [], promptSources: [] });

function AnswerLink({ href, children }: { href?: string; children?: ReactNode }) {
  const { turnId, sources, promptSources } = useContext(AnswerSources);
  if (href?.startsWith(CITATION_HREF)) {
    const citation = Number(href.slice(CITATION_HREF.length));
    return <CitationLink turnId={turnId} sources={sources} sourceIndex={promptSources[citation - 1]} />;
  }
  return (
    <span className="answer__link">
      {children} ({href})
    </span>
  );
}

// One object for every render: components made per render would remount the links as the answer streams and its
// sources update, and a link that had focus (a source open from it) would lose it.
const COMPONENTS: Components = {
  a: AnswerLink,
  img: ({ alt }) => <span className="answer__image">[image: {alt || 'no description'}]</span>,
};

/**
 * The answer, rendered as markdown safely: model output is untrusted, so raw HTML stays text, images are not
 * fetched (their description is shown), and links are shown with their address but not followed.
 */
export function AnswerText({ turnId, text, sources, promptSources }: Props) {
  const answerSources = useMemo(() => ({ turnId, sources, promptSources }), [turnId, sources, promptSources]);
  return (
    <div className="answer">
      <AnswerSources.Provider value={answerSources}>
        <Markdown remarkPlugins={[htmlAsText]} components={COMPONENTS}>
          {withCitationLinks(text, promptSources.length)}
        </Markdown>
      </AnswerSources.Provider>
    </div>
  );
}
