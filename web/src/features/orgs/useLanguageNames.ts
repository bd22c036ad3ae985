// Names for ISO 639-3 codes, fetched on demand from /api/v1/ref/languages and kept for the page's life.
import { useEffect, useState } from 'react';
import { refApi } from '../../api/endpoints';
import type { Language } from '../../api/types';
import type { Lang } from '../../i18n/translate';

const known = new Map<string, Language>();
// q=code also matches names, sorted by code: ask for enough rows that the exact code is among them.
const LOOKUP_LIMIT = 500;

export function rememberLanguages(list: readonly Language[]): void {
  for (const l of list) known.set(l.code, l);
}

export function languageName(l: Language, lang: Lang): string {
  return lang === 'en' ? l.name_en : l.name_sv;
}

/** Returns a function naming each code ("Romani (rom)"); unknown codes show as themselves until loaded. */
export function useLanguageNames(codes: readonly string[], lang: Lang): (code: string) => string {
  const [, setLoaded] = useState(0);
  const missing = codes.filter((c) => !known.has(c)).join(',');

  useEffect(() => {
    if (!missing) return;
    let cancelled = false;
    const lookups = missing.split(',').map((code) =>
      refApi.languages(code, LOOKUP_LIMIT).then(
        (r) => {
          rememberLanguages(r.items);
        },
        () => undefined,
      ),
    );
    void Promise.all(lookups).then(() => {
      if (!cancelled) setLoaded((n) => n + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [missing]);

  return (code) => {
    const l = known.get(code);
    return l ? `${languageName(l, lang)} (${code})` : code;
  };
}
