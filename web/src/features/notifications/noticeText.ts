// The words of a notice whose detail is stable parameters rather than text: the case reminders
// ("case=NRM-2026-000045&clock=…&rule=reflection_period&date=2026-03-31&days=7") and the missing-child
// alerts ("case=NRM-2026-000045&date=2026-11-29"). Pure.
import type { Params } from '../../i18n/translate';

/** The kinds whose detail is parameters, worded by `notification.text.<kind>`. */
export const PARAMETER_KINDS: readonly string[] = [
  'clock_reminder', 'clock_overdue', 'task_due', 'task_overdue', 'missing_child_alert', 'missing_child_resolved',
];

const PAIRS = /^[a-z_]+=[\w.:-]*(?:&[a-z_]+=[\w.:-]*)*$/;

/** The parameters of a notice of a parameter kind; null for any other notice or a detail not in that form. */
export function noticeParams(kind: string, detail: string | null): Record<string, string> | null {
  if (!detail || !PARAMETER_KINDS.includes(kind) || !PAIRS.test(detail)) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(detail)) out[k] = v;
  return out.case && out.date ? out : null;
}

interface Wording {
  tDynamic: (key: string, fallback: string, params?: Params) => string;
  formatDate: (isoDate: string) => string;
}

/** The detail to show: the worded text for parameter kinds, else the detail as stored (e.g. a break-glass reason). */
export function noticeText(kind: string, detail: string | null, w: Wording): string | null {
  const p = noticeParams(kind, detail);
  if (!p) return detail;
  const rule = p.rule ? w.tDynamic(`clock.rule.${p.rule}`, p.rule) : '';
  return w.tDynamic(`notification.text.${kind}`, detail ?? '', {
    case: p.case ?? '',
    rule,
    date: w.formatDate(p.date ?? ''),
    count: Number(p.days ?? 0),
  });
}
