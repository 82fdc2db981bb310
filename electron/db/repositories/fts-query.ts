/**
 * Turns what a person types into an FTS5 query: every word must match as a prefix, so
 * "berg lind" finds "Mara Bergström, Lindqvist". Words are quoted, so FTS5's operators
 * (AND, NEAR, -, *, ") typed by accident are taken literally instead of raising a syntax error.
 */
export function toFtsPrefixQuery(typed: string): string | null {
  const words = typed
    .normalize('NFC')
    .split(/\s+/)
    .map((word) => word.replace(/"/g, '').trim())
    // A word made only of separators would become an empty phrase, which FTS5 rejects.
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}
