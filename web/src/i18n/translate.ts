// Pure lookup and interpolation over the typed dictionaries.
import { en } from './en';
import { sv, type MessageKey } from './sv';

export type Lang = 'sv' | 'en';
export const LANGS: readonly Lang[] = ['sv', 'en'];
export const DEFAULT_LANG: Lang = 'sv';

export type Params = Record<string, string | number>;
export type Dictionary = Record<MessageKey, string>;

export const dictionaries: Record<Lang, Dictionary> = { sv, en };

export function isLang(v: unknown): v is Lang {
  return v === 'sv' || v === 'en';
}

/** Replaces each {name} in the message by params.name; unknown placeholders stay visible. */
export function interpolate(message: string, params?: Params): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(sv, key);
}

/** Looks up a key computed at run time (e.g. `kind.${code}`); undefined when the dictionary lacks it. */
export function translateDynamic(lang: Lang, key: string, params?: Params): string | undefined {
  return hasKey(key) ? translate(lang, key, params) : undefined;
}

/** With params.count === 1, a key "x_one" (if the dictionary has it) replaces "x": "1 organisation". */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const one = `${key}_one`;
  const chosen = params?.count === 1 && hasKey(one) ? one : key;
  return interpolate(dictionaries[lang][chosen], params);
}
