/**
 * What to search for: the question, preceded by the previous question, so a follow-up such as "and what did it
 * cost?" is searched together with what "it" was.
 */
export function retrievalQuery(previousQuestions: readonly string[], question: string): string {
  const previous = previousQuestions.at(-1);
  return previous ? `${previous}\n${question}` : question;
}
