// Accent- and case-insensitive word-prefix matching for place and language names.

/** "Östersund" → "ostersund": lower case, diacritics removed. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** True when any word of `name` (or the code) starts with the query. An empty query matches nothing. */
export function matchesPrefix(query: string, name: string, code?: string): boolean {
  const q = fold(query.trim());
  if (!q) return false;
  if (code?.startsWith(q)) return true;
  const folded = fold(name);
  return folded.startsWith(q) || folded.split(/[\s-]+/).some((w) => w.startsWith(q));
}
