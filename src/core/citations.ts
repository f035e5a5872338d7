/** An answer cut into plain text and citation markers that point at sources by their 1-based number. */
export type AnswerSegment = { kind: 'text'; text: string } | { kind: 'citation'; source: number };

export interface ParsedAnswer {
  segments: AnswerSegment[];
  /** Source numbers cited, in order of first citation, without repeats. */
  cited: number[];
}

// One bracket may hold several numbers: [1], [1, 3], [2,4]. Anything else in brackets is ordinary text.
const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

/**
 * Finds citation markers in generated text. Numbers that name no source (0, or beyond `sourceCount`) are
 * dropped with their marker, so a reader never meets a citation that leads nowhere.
 */
export function parseCitations(answer: string, sourceCount: number): ParsedAnswer {
  const segments: AnswerSegment[] = [];
  const cited: number[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    const previous = segments.at(-1);
    if (previous?.kind === 'text') previous.text += text;
    else segments.push({ kind: 'text', text });
  };
  let position = 0;
  for (const match of answer.matchAll(MARKER)) {
    pushText(answer.slice(position, match.index));
    position = match.index + match[0].length;
    for (const source of match[1].split(',').map((n) => Number(n.trim()))) {
      if (source < 1 || source > sourceCount) continue;
      segments.push({ kind: 'citation', source });
      if (!cited.includes(source)) cited.push(source);
    }
  }
  pushText(answer.slice(position));
  return { segments, cited };
}
