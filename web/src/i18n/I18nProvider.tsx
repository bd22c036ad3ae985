// Holds the chosen language, remembers it in localStorage and mirrors it on <html lang>.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18n } from './context';
import { DEFAULT_LANG, isLang, translate, translateDynamic, type Lang } from './translate';

export const LANG_STORAGE_KEY = 'opennrm.lang';

function storedLang(): Lang {
  try {
    const v = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(v) ? v : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? storedLang());

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Private mode may forbid storage; the choice then lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const locale = LOCALES[lang];
    const numberFmt = new Intl.NumberFormat(locale);
    const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const dateTimeFmt = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Stockholm',
    });
    const timeFmt = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'Europe/Stockholm' });
    return {
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      tDynamic: (key, fallback, params) => translateDynamic(lang, key, params) ?? fallback,
      formatNumber: (n) => numberFmt.format(n),
      formatDate: (d) => {
        const parsed = new Date(`${d}T00:00:00Z`);
        return Number.isNaN(parsed.getTime()) ? d : dateFmt.format(parsed);
      },
      formatDateTime: (d) => {
        const parsed = new Date(d);
        return Number.isNaN(parsed.getTime()) ? d : dateTimeFmt.format(parsed);
      },
      formatTime: (d) => timeFmt.format(d),
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
