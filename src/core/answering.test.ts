import { describe, expect, it } from 'vitest';
import { answerAsText } from './answer-text';
import { keySentences } from './extractive';
import { isFollowUp, retrievalQuery } from './follow-up';
import { buildPrompt, type ChatMessage } from './prompt';
import { isRelevant } from './relevance';
import { contentTerms } from './terms';

describe('contentTerms', () => {
  it('drops function words and stems the rest', () => {
    expect(contentTerms("Where does the keeper's cat sleep? It sleeps on lanterns.")).toEqual(['keeper', 'cat', 'sleep', 'sleep', 'lantern']);
  });
  it('keeps numbers and letters of any script', () => {
    expect(contentTerms('Opened in 1871, Münster')).toEqual(['open', '1871', 'münster']);
  });
});

describe('isRelevant', () => {
  const passage = { text: 'Her cat, named Marmalade, sleeps on the lantern gallery.', score: 0.1 };
  it('accepts a passage that shares a content word with the question', () => {
    expect(isRelevant('Where do cats sleep?', passage, 0.9)).toBe(true);
  });
  it('rejects a passage with no shared content word and a similarity under the floor', () => {
    expect(isRelevant('What is the GDP of Mongolia?', passage, 0.9)).toBe(false);
  });
  it('accepts a passage the embedder rates above the floor, even without shared words', () => {
    expect(isRelevant('What is the GDP of Mongolia?', { ...passage, score: 0.95 }, 0.9)).toBe(true);
  });
  it('finds no evidence in function words alone', () => {
    expect(isRelevant('What is it about?', passage, 0.9)).toBe(false);
  });
  it('accepts a passage the reranker judges more likely than not to answer, and no other by its judgement', () => {
    expect(isRelevant('What is the GDP of Mongolia?', { ...passage, rerank: 0.7 }, 0.9)).toBe(true);
    expect(isRelevant('What is the GDP of Mongolia?', { ...passage, rerank: 0.3 }, 0.9)).toBe(false);
  });
});

describe('keySentences', () => {
  const passages = [
    'The harbor opened in 1871. It still serves the fishing fleet.',
    'The lighthouse keeper is Ada Lindqvist. Her cat, named Marmalade, sleeps on the lantern gallery.',
  ];
  it('finds the sentence that answers, with its passage and exact offsets', () => {
    const [best] = keySentences("What is the name of the keeper's cat?", passages);
    expect(best.source).toBe(2);
    expect(best.text).toBe('Her cat, named Marmalade, sleeps on the lantern gallery.');
    expect(passages[1].slice(best.start, best.end)).toBe(best.text);
  });
  it('weights rare words above common ones and returns at most `limit`', () => {
    const found = keySentences('When did the harbor open for the keeper?', passages, 1);
    expect(found).toHaveLength(1);
    expect(found[0].source).toBe(1);
  });
  it('returns nothing when no sentence shares a word with the question', () => {
    expect(keySentences('Mongolian GDP figures', passages)).toEqual([]);
  });
});

describe('follow-up questions', () => {
  it.each(['And what did it cost?', 'What about its launch date?', 'Who built them?', 'how about the harbor', 'Is that true?'])(
    '"%s" leans on the conversation',
    (question) => expect(isFollowUp(question)).toBe(true),
  );
  it.each(['Which cat was adopted in 2020?', 'What is the name of the keeper’s cat?', 'When did Andrea arrive?', 'Thematic analysis?'])(
    '"%s" stands alone',
    (question) => expect(isFollowUp(question)).toBe(false),
  );
  it('searches a follow-up after the previous question, and anything else as asked', () => {
    expect(retrievalQuery([], 'And what did it cost?')).toBe('And what did it cost?');
    expect(retrievalQuery(['Old?', 'When was Borealis launched?'], 'And what did it cost?')).toBe('When was Borealis launched?\nAnd what did it cost?');
    expect(retrievalQuery(['When was Borealis launched?'], 'Which cat was adopted in 2020?')).toBe('Which cat was adopted in 2020?');
  });
});

describe('buildPrompt with history', () => {
  const words = (messages: ChatMessage[]) => messages.reduce((sum, m) => sum + m.content.split(/\s+/).length, 0);
  const passages = [
    { label: 'a.pdf, p. 1', text: 'one two three four five six seven eight nine ten' },
    { label: 'a.pdf, p. 2', text: 'eleven twelve thirteen' },
  ];
  const history = [
    { question: 'first question here', answer: 'first answer here' },
    { question: 'second question here', answer: 'second answer here' },
  ];

  it('keeps the whole conversation when it fits, oldest first, before the new question', () => {
    const prompt = buildPrompt({ question: 'third?', passages, history, budgetTokens: 500, countTokens: words });
    expect(prompt.historyTurns).toBe(2);
    expect(prompt.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user']);
    expect(prompt.messages[1].content).toBe('first question here');
    expect(prompt.messages.at(-1)!.content).toContain('Question: third?');
  });

  it('drops the oldest turns first and never goes over budget', () => {
    const full = words(buildPrompt({ question: 'third?', passages, history, budgetTokens: 500, countTokens: words }).messages);
    const prompt = buildPrompt({ question: 'third?', passages, history, budgetTokens: full - 3, countTokens: words });
    expect(prompt.historyTurns).toBe(1);
    expect(prompt.messages[1].content).toBe('second question here');
    expect(words(prompt.messages)).toBeLessThanOrEqual(full - 3);
  });

  it('keeps the best passage and the latest turn before further passages', () => {
    const withoutHistory = words(buildPrompt({ question: 'third?', passages, budgetTokens: 500, countTokens: words }).messages);
    const prompt = buildPrompt({ question: 'third?', passages, history, budgetTokens: withoutHistory, countTokens: words });
    expect(prompt.included).toEqual([0]);
    expect(prompt.historyTurns).toBe(1);
  });
});

describe('answerAsText', () => {
  const hit = (page: number, text: string) => ({
    chunk: { id: `d#${page}` as never, docId: 'd' as never, ordinal: page, text, pageStart: page, pageEnd: page, charStart: 0, charEnd: text.length },
    documentName: 'almanac.pdf',
    documentFormat: 'pdf' as const,
    scores: { fused: 0.03, similarity: 0.5 },
  });
  const turn = {
    id: 't',
    question: 'Whose cat?',
    status: 'done' as const,
    answer: 'Ada keeps it [2], since 1871 [1][9].',
    sources: [hit(1, 'Opened in 1871.'), hit(2, 'Her cat, Marmalade.')],
    promptSources: [0, 1],
    keySentences: [{ source: 2, start: 0, end: 19, text: 'Her cat, Marmalade.', score: 1 }],
  };

  it('numbers citations as the sources are numbered and lists the cited sources, dropping dangling markers', () => {
    expect(answerAsText(turn)).toBe(
      'Q: Whose cat?\n\nAda keeps it [2], since 1871 [1].\n\nSources:\n[1] almanac.pdf, p. 1\n[2] almanac.pdf, p. 2',
    );
  });

  it('quotes the key sentences when there is no generated answer', () => {
    expect(answerAsText({ ...turn, answer: '', promptSources: [] })).toBe(
      'Q: Whose cat?\n\n“Her cat, Marmalade.” [2]\n\nSources:\n[2] almanac.pdf, p. 2',
    );
  });
});
