import { parseCitations } from './citations';
import type { Turn } from './conversation';
import { sourceLabel } from './library';

/**
 * An answer as plain text to paste elsewhere: the answer with its citations numbered as its sources, then the
 * sources it cites. Without a generated answer, its key sentences stand in.
 */
export function answerAsText(turn: Turn): string {
  const label = (index: number) => sourceLabel(turn.sources[index]);
  const cited = new Set<number>();
  let body: string;
  if (turn.answer && turn.promptSources.length > 0) {
    body = parseCitations(turn.answer, turn.promptSources.length)
      .segments.map((segment) => {
        if (segment.kind === 'text') return segment.text;
        const index = turn.promptSources[segment.source - 1];
        cited.add(index);
        return `[${index + 1}]`;
      })
      .join('');
  } else if (turn.keySentences.length > 0) {
    body = turn.keySentences
      .map((sentence) => {
        cited.add(sentence.source - 1);
        return `“${sentence.text}” [${sentence.source}]`;
      })
      .join('\n');
  } else {
    body = turn.answer;
  }
  const sources = [...cited].sort((a, b) => a - b).map((index) => `[${index + 1}] ${label(index)}`);
  return [`Q: ${turn.question}`, '', body.trim(), ...(sources.length ? ['', 'Sources:', ...sources] : [])].join('\n');
}
