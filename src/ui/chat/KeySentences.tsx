import type { KeySentence } from '../../core/extractive';
import type { SearchHit } from '../../core/library';
import { CitationLink } from './AnswerText';

/** The best sentences of the passages, each cited: an answer at once, before or without a language model. */
export function KeySentences({ turnId, sentences, sources }: { turnId: string; sentences: KeySentence[]; sources: SearchHit[] }) {
  if (sentences.length === 0) return null;
  return (
    <div className="key-sentences">
      <h4>From your documents</h4>
      <ul>
        {sentences.map((sentence) => (
          <li key={`${sentence.source}-${sentence.start}`}>
            <q>{sentence.text}</q> <CitationLink turnId={turnId} sources={sources} sourceIndex={sentence.source - 1} />
          </li>
        ))}
      </ul>
    </div>
  );
}
