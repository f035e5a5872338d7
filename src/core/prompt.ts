export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A retrieved passage as the generator sees it: numbered, named by document and page. */
export interface PromptPassage {
  label: string;
  text: string;
}

export interface PromptRequest {
  question: string;
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

function messagesFor(question: string, passages: readonly PromptPassage[]): ChatMessage[] {
  return [
    { role: 'system', content: SYSTEM_INSTRUCTIONS },
    { role: 'user', content: userMessage(question, passages) },
  ];
}

/**
 * Packs the best passages that fit the token budget, in rank order; a passage too long for what is left is skipped
 * so a shorter, lower-ranked one can still be used.
 */
export function buildPrompt(request: PromptRequest): Prompt {
  const included: number[] = [];
  const chosen = () => included.map((i) => request.passages[i]);
  request.passages.forEach((passage, index) => {
    const tokens = request.countTokens(messagesFor(request.question, [...chosen(), passage]));
    if (tokens <= request.budgetTokens) included.push(index);
  });
  return { messages: messagesFor(request.question, chosen()), included };
}
