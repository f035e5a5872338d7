export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A retrieved passage as the generator sees it: numbered, named by document and page. */
export interface PromptPassage {
  label: string;
  text: string;
}

/** An earlier exchange of the conversation. */
export interface PastTurn {
  question: string;
  answer: string;
}

export interface PromptRequest {
  question: string;
  /** Earlier turns, oldest first; the most recent ones that fit are kept. */
  history?: readonly PastTurn[];
  /** Best first. */
  passages: readonly PromptPassage[];
  /** Tokens the prompt may use: the model's context minus room for the answer. */
  budgetTokens: number;
  /** Counts the tokens of the messages exactly as the model will see them (chat template included). */
  countTokens: (messages: ChatMessage[]) => number;
}

export interface Prompt {
  messages: ChatMessage[];
  /** Indices into `request.passages` of the passages in the prompt; passage `[n]` is `included[n - 1]`. */
  included: number[];
  /** How many of the most recent history turns are in the prompt. */
  historyTurns: number;
}


export const SYSTEM_INSTRUCTIONS = [
  'You are Docent, an assistant that answers questions using only the numbered passages from the user\'s documents.',
  'Cite every claim with the number of its passage in square brackets, like [1] or [2][3].',
  'If the passages do not contain the answer, say that your documents do not cover it. Do not invent facts.',
].join(' ');

function userMessage(question: string, passages: readonly PromptPassage[]): string {
  if (passages.length === 0) return `No passages were found.\n\nQuestion: ${question}`;
  const numbered = passages.map((passage, i) => `[${i + 1}] (${passage.label})\n${passage.text}`);
  return `Passages:\n\n${numbered.join('\n\n')}\n\nQuestion: ${question}`;
}

function messagesFor(question: string, passages: readonly PromptPassage[], history: readonly PastTurn[]): ChatMessage[] {
  return [
    { role: 'system', content: SYSTEM_INSTRUCTIONS },
    ...history.flatMap((turn): ChatMessage[] => [
      { role: 'user', content: turn.question },
      { role: 'assistant', content: turn.answer },
    ]),
    { role: 'user', content: userMessage(question, passages) },
  ];
}

/**
 * Fits the prompt to the token budget, adding in order of worth while it fits: the best passage, the latest turn of
 * the conversation (a follow-up means little without it), the other passages best first, then older turns newest
 * first. A passage too long for the room left is skipped so a shorter, lower-ranked one can still be used.
 */
export function buildPrompt(request: PromptRequest): Prompt {
  const history = request.history ?? [];
  const included: number[] = [];
  let historyTurns = 0;
  const messages = () =>
    messagesFor(request.question, [...included].sort((a, b) => a - b).map((i) => request.passages[i]), history.slice(history.length - historyTurns));
  const fits = () => request.countTokens(messages()) <= request.budgetTokens;
  const tryPassage = (index: number) => {
    included.push(index);
    if (!fits()) included.pop();
  };
  const tryTurns = (limit: number) => {
    while (historyTurns < limit) {
      historyTurns++;
      if (!fits()) {
        historyTurns--;
        return;
      }
    }
  };
  request.passages.forEach((_, index) => {
    tryPassage(index);
    if (index === 0) tryTurns(Math.min(1, history.length));
  });
  tryTurns(history.length);
  included.sort((a, b) => a - b);
  return { messages: messages(), included, historyTurns };
}
