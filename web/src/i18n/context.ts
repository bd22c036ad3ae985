// The language context: which language is on and how to translate into it.
import { createContext, useContext } from 'react';
import type { MessageKey } from './sv';
import type { Lang, Params } from './translate';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** For keys built at run time: returns the fallback when the key is unknown. */
  tDynamic: (key: string, fallback: string, params?: Params) => string;
  formatNumber: (n: number) => string;
  formatDate: (isoDate: string) => string;
  formatDateTime: (isoDateTime: string) => string;
  /** The time of day (hours and minutes) in Swedish time. */
  formatTime: (d: Date) => string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}
