/**
 * Turns what a person types into an FTS5 query: every word must match as a prefix, so
 * "berg lind" finds "Mara Bergström, Lindqvist". Words are quoted, so FTS5's operators
 * (AND, NEAR, -, *, ") typed by accident are taken literally instead of raising a syntax error,
 * and control characters (a NUL pasted in) separate words.
 */
export function toFtsPrefixQuery(typed: string): string | null {
  const words = typed
    .normalize('NFC')
    // FTS5 reads the query as a C string, so a NUL inside a phrase ends it early ("unterminated
    // string"); no control character is part of a word anyone searches for.
    // The pattern names control characters on purpose: they are what is replaced.
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/"/g, '').trim())
    // A word made only of separators would become an empty phrase, which FTS5 rejects.
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}
