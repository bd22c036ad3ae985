import { describe, expect, it } from 'vitest';
import { translate, translateDynamic, type Lang } from '../../i18n/translate';
import { problemText, summaryText } from './labels';

const i18n = (lang: Lang) => ({
  lang,
  t: (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(lang, k, p),
  tDynamic: (k: string, fallback: string, p?: Record<string, string | number>) =>
    translateDynamic(lang, k, p) ?? fallback,
});

describe('problemText', () => {
  const email = { field: 'contact.email', rule: 'format', detail: 'Not a valid e-mail address.' };

  it('prefers a translation for the field and rule', () => {
    expect(problemText(i18n('sv'), email)).toMatch(/e-postadress/);
    expect(problemText(i18n('en'), email)).toMatch(/e-mail address/);
  });

  it('falls back to the server detail in English and to the rule in Swedish', () => {
    const p = { field: 'contact.fax', rule: 'max_length', detail: 'At most 500 bytes.' };
    expect(problemText(i18n('en'), p)).toBe('At most 500 bytes.');
    expect(problemText(i18n('sv'), p)).not.toBe('At most 500 bytes.');
  });

  it('shows the server detail when nothing is known about the rule', () => {
    const p = { field: 'x', rule: 'brand_new_rule', detail: 'Something new.' };
    expect(problemText(i18n('sv'), p)).toBe('Something new.');
  });

  it('names the field and the capacity row in the summary', () => {
    expect(summaryText(i18n('en'), email)).toMatch(/^E-mail: /);
    const row = { field: 'capacity[1].places', rule: 'range', detail: 'x' };
    expect(summaryText(i18n('en'), row)).toMatch(/^Capacity row 2, Number of places: /);
  });
});
