import { describe, expect, it } from 'vitest';
import { buildPrompt, SYSTEM_INSTRUCTIONS, type ChatMessage, type PromptPassage } from './prompt';

/** A stand-in tokenizer: one token per four characters of content. */
const countTokens = (messages: ChatMessage[]) =>
  Math.ceil(messages.reduce((sum, message) => sum + message.content.length, 0) / 4);

const passage = (label: string, words: number): PromptPassage => ({ label, text: `${label} `.repeat(words).trim() });

const userOf = (messages: ChatMessage[]) => {
  expect(messages.map((message) => message.role)).toEqual(['system', 'user']);
  return messages[1].content;
};

/** Tokens of the prompt with no passages at all: the floor every budget below is built on. */
const baseTokens = (question: string) => countTokens(buildPrompt({ question, passages: [], budgetTokens: 0, countTokens }).messages);

describe('buildPrompt', () => {
  it('numbers the passages [1]..[n] with their labels, then asks the question', () => {
    const passages = [
      { label: 'report.pdf, p. 3', text: 'Revenue grew 12% in 2023.' },
      { label: 'notes.pdf, pp. 1–2', text: 'The board met twice.' },
    ];
    const prompt = buildPrompt({ question: 'How much did revenue grow?', passages, budgetTokens: 10_000, countTokens });
    expect(prompt.included).toEqual([0, 1]);
    const user = userOf(prompt.messages);
    expect(user).toContain('[1] (report.pdf, p. 3)\nRevenue grew 12% in 2023.');
    expect(user).toContain('[2] (notes.pdf, pp. 1–2)\nThe board met twice.');
    expect(user.indexOf('[1]')).toBeLessThan(user.indexOf('[2]'));
    expect(user.trimEnd().endsWith('Question: How much did revenue grow?')).toBe(true);
  });

  it('tells the model to cite passages and to say when the documents do not cover the question', () => {
    const prompt = buildPrompt({ question: 'Q?', passages: [passage('a', 3)], budgetTokens: 10_000, countTokens });
    expect(prompt.messages[0]).toEqual({ role: 'system', content: SYSTEM_INSTRUCTIONS });
    expect(SYSTEM_INSTRUCTIONS).toMatch(/cite/i);
    expect(SYSTEM_INSTRUCTIONS).toContain('[1]');
    expect(SYSTEM_INSTRUCTIONS).toMatch(/documents do not cover it/);
    expect(userOf(prompt.messages)).not.toContain(SYSTEM_INSTRUCTIONS);
  });

  it('skips a passage too long for the budget and still includes a later, shorter one', () => {
    const question = 'What is in the documents?';
    const passages = [passage('first', 20), passage('huge', 400), passage('short', 5), passage('last', 80)];
    const budgetTokens = baseTokens(question) + 100;
    const prompt = buildPrompt({ question, passages, budgetTokens, countTokens });
    expect(prompt.included).toEqual([0, 2]);
    const user = userOf(prompt.messages);
    expect(user).toContain('[1] (first)');
    expect(user).toContain('[2] (short)');
    expect(user).not.toContain('huge');
    expect(user).not.toContain('last');
    expect(countTokens(prompt.messages)).toBeLessThanOrEqual(budgetTokens);
  });

  it('maps included indices back to the original passages, in rank order', () => {
    const question = 'Which?';
    const passages = [passage('p0', 200), passage('p1', 4), passage('p2', 200), passage('p3', 4), passage('p4', 4)];
    const prompt = buildPrompt({ question, passages, budgetTokens: baseTokens(question) + 40, countTokens });
    expect(prompt.included).toEqual([1, 3, 4]);
    const user = userOf(prompt.messages);
    prompt.included.forEach((original, n) => {
      const { label, text } = passages[original];
      expect(user).toContain(`[${n + 1}] (${label})\n${text}`);
    });
  });

  it('never exceeds the budget when at least the question fits', () => {
    const question = 'Where?';
    const passages = Array.from({ length: 12 }, (_, i) => passage(`doc${i}`, (i * 37) % 60 + 1));
    for (let extra = 0; extra <= 400; extra += 13) {
      const budgetTokens = baseTokens(question) + extra;
      const prompt = buildPrompt({ question, passages, budgetTokens, countTokens });
      expect(countTokens(prompt.messages)).toBeLessThanOrEqual(budgetTokens);
    }
  });

  it('says no passages were found, and keeps the question, when none fits', () => {
    const question = 'Is anything relevant?';
    const prompt = buildPrompt({ question, passages: [passage('big', 500)], budgetTokens: baseTokens(question) + 5, countTokens });
    expect(prompt.included).toEqual([]);
    const user = userOf(prompt.messages);
    expect(user).toMatch(/no passages were found/i);
    expect(user).toContain(question);
    expect(user).not.toContain('big');
  });

  it('says no passages were found when there are none', () => {
    const prompt = buildPrompt({ question: 'Anything?', passages: [], budgetTokens: 10_000, countTokens });
    expect(prompt.included).toEqual([]);
    expect(userOf(prompt.messages)).toMatch(/no passages were found[\s\S]*Anything\?/i);
  });

  it('returns the question-only prompt even when that alone is over the budget', () => {
    const question = 'A question longer than the whole budget allows for.';
    const prompt = buildPrompt({ question, passages: [passage('a', 1)], budgetTokens: 1, countTokens });
    expect(prompt.included).toEqual([]);
    expect(userOf(prompt.messages)).toContain(question);
    expect(countTokens(prompt.messages)).toBeGreaterThan(1);
  });

  it('counts whole messages, so the budget includes the system prompt and question', () => {
    const seen: ChatMessage[][] = [];
    const counting = (messages: ChatMessage[]) => {
      seen.push(messages);
      return countTokens(messages);
    };
    buildPrompt({ question: 'Q?', passages: [passage('a', 2), passage('b', 2)], budgetTokens: 10_000, countTokens: counting });
    expect(seen.length).toBeGreaterThan(0);
    for (const messages of seen) {
      expect(messages[0].content).toBe(SYSTEM_INSTRUCTIONS);
      expect(messages[1].content).toContain('Question: Q?');
    }
  });
});
