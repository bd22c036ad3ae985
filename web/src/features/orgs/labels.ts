// Names in the user's language for the codes an organisation carries.
import type { AgeGroup, CoverageScope, FieldProblem, Gender, Service } from '../../api/types';
import type { I18n } from '../../i18n/context';
import type { Lang } from '../../i18n/translate';
import { fieldKeyFor, genericPath, type OrgFieldKey } from './fieldErrors';

type T = Pick<I18n, 't' | 'tDynamic' | 'lang'>;

export const kindLabel = (i: T, kind: string) => i.tDynamic(`kind.${kind}`, kind);
export const scopeLabel = (i: T, scope: CoverageScope) => i.tDynamic(`scope.${scope}`, scope);
export const genderLabel = (i: T, g: Gender) => i.tDynamic(`gender.${g}`, g);
export const ageLabel = (i: T, a: AgeGroup) => i.tDynamic(`age.${a}`, a);

export function serviceName(s: Service, lang: Lang): string {
  return lang === 'en' ? s.name_en : s.name_sv;
}

/** The label a form field has, for the error summary. */
export function fieldLabel(i: T, key: OrgFieldKey): string {
  const row = /^capacity\.(\d+)(?:\.(\w+))?$/.exec(key);
  if (row) {
    const rowLabel = i.t('org.capacity.row', { n: Number(row[1]) + 1 });
    return row[2] ? `${rowLabel}, ${i.tDynamic(`org.capacity.${row[2]}`, row[2])}` : rowLabel;
  }
  return i.tDynamic(`org.field.${key}`, key);
}

/**
 * The message for one broken rule: a translation for this field and rule if there is one, else (in
 * English) the server's own detail, else a translation of the rule, else the detail as sent.
 */
export function problemText(i: T, p: FieldProblem): string {
  const specific = i.tDynamic(`fieldError.${genericPath(p.field)}.${p.rule}`, '');
  if (specific) return specific;
  if (i.lang === 'en' && p.detail) return p.detail;
  return i.tDynamic(`rule.${p.rule}`, p.detail || p.rule);
}

/** "E-mail: Enter a valid e-mail address." for the summary; unmatched paths name the path. */
export function summaryText(i: T, p: FieldProblem): string {
  const key = fieldKeyFor(p.field);
  const label = key ? fieldLabel(i, key) : p.field;
  return label ? `${label}: ${problemText(i, p)}` : problemText(i, p);
}
