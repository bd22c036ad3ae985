// Helpers for i18n.test.ts: find the message keys that source code uses and compare key sets.

/** Keys passed as string literals to t(...), e.g. t('nav.home') or t("dir.count", {...}). */
export function usedKeys(source: string): string[] {
  const keys: string[] = [];
  const call = /(?<![\w$])t\(\s*(['"])([^'"]+)\1/g;
  for (const m of source.matchAll(call)) keys.push(m[2] ?? '');
  return keys;
}

/** Keys in `a` but not in `b`, sorted. */
export function keysMissingFrom(a: Iterable<string>, b: object): string[] {
  return [...new Set(a)].filter((k) => !Object.prototype.hasOwnProperty.call(b, k)).sort();
}

/** Placeholder names like {count} in a message, sorted. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
