// Server and local validation problems of a small form: the message beside each field and the
// summary list, in the user's language. (The organisation form has its own richer mapping.)
import { useState } from 'react';
import { isApiError } from '../api/client';
import type { FieldProblem } from '../api/types';
import { useI18n, type I18n } from '../i18n/context';
import type { Params } from '../i18n/translate';
import type { SummaryItem } from './ErrorSummary';

/** A broken rule; `params` fill the placeholders of its message (e.g. how long to wait). */
export interface FormProblem extends FieldProblem {
  params?: Params;
}

/** A field a problem can name: the DOM id of its input and its label for the summary. */
export interface FormField {
  id: string;
  label: string;
}

/** "roles[2]" → "roles": problems about one item belong to the whole field. */
export function basePath(path: string): string {
  return path.replace(/\[\d+\]/g, '');
}

/**
 * The message for a problem in the form called `scope`: the form's own message for this field and
 * rule (`<scope>.error.<field>.<rule>`) or for the rule (`<scope>.error.<rule>`), else in English the
 * server's detail, else the general message for the rule (`rule.<rule>`), else the detail as sent.
 */
export function problemMessage(i: Pick<I18n, 'tDynamic' | 'lang'>, scope: string, p: FormProblem): string {
  const field = basePath(p.field);
  const own =
    (field ? i.tDynamic(`${scope}.error.${field}.${p.rule}`, '', p.params) : '') ||
    i.tDynamic(`${scope}.error.${p.rule}`, '', p.params);
  if (own) return own;
  if (i.lang === 'en' && p.detail) return p.detail;
  return i.tDynamic(`rule.${p.rule}`, p.detail || p.rule, p.params);
}

/** The field problems of a 422 answer (one summary-only problem when it names none); null for other errors. */
export function validationProblems(err: unknown): FormProblem[] | null {
  if (!isApiError(err) || err.kind !== 'validation') return null;
  return err.errors.length ? err.errors : [{ field: '', rule: '', detail: err.message }];
}

/** State and rendering help for a form's problems; `fields` maps server field names to inputs. */
export function useFormProblems(scope: string, fields: Record<string, FormField>) {
  const i18n = useI18n();
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const text = (p: FormProblem) => problemMessage(i18n, scope, p);
  const errorsFor = (field: string): string[] | undefined => {
    const list = problems.filter((p) => basePath(p.field) === field).map(text);
    return list.length ? list : undefined;
  };
  const summary: SummaryItem[] = problems.map((p) => {
    const f = fields[basePath(p.field)];
    return f ? { targetId: f.id, message: `${f.label}: ${text(p)}` } : { targetId: null, message: text(p) };
  });
  return { problems, setProblems, errorsFor, summary, focusToken: problems.length ? problems : null };
}
