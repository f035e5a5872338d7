// Words that lean on an earlier turn: a question holding one is a follow-up ("and what did it cost?").
const LEANS_ON_CONTEXT = /^(and|but|so|also|then|what about|how about)\b|\b(it|its|they|them|their|theirs|this|that|these|those|he|him|his|she|her|hers|there|one)\b/i;

/** Whether a question depends on the conversation before it to be understood. */
export function isFollowUp(question: string): boolean {
  return LEANS_ON_CONTEXT.test(question.trim());
}

/**
 * What to search for: a follow-up is searched after the previous question, so "it" is searched together with what
 * it was; a question that stands alone is searched as asked, so a change of topic is not dragged back to the last.
 */
export function retrievalQuery(previousQuestions: readonly string[], question: string): string {
  const previous = previousQuestions.at(-1);
  return previous && isFollowUp(question) ? `${previous}\n${question}` : question;
}
