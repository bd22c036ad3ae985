// Words of the case work in the user's language: tracks, steps, facts (with what each means and how it
// gets recorded), timeline entries and their details, clock rules and task words. The server sends
// stable ids; an id this app does not know yet is shown as sent.
import type { I18n } from '../../i18n/context';

type Tr = Pick<I18n, 'tDynamic'>;

export const trackLabel = (i: Tr, track: string) => i.tDynamic(`work.track.${track}`, track);
export const stepLabel = (i: Tr, step: string) => i.tDynamic(`work.step.${step}`, step);
export const factLabel = (i: Tr, fact: string) => i.tDynamic(`work.fact.${fact}`, fact);

/** One plain sentence on what the fact means for the person, e.g. "A safety plan is made with the person." */
export const factExplanation = (i: Tr, fact: string) => i.tDynamic(`work.fact.${fact}.explain`, '');

/** How a missing fact gets recorded: marked as done here, or by saving the record that implies it. */
export const recordedByText = (i: Tr, how: string) => i.tDynamic(`work.recordedBy.${how}`, how);

export const timelineKindLabel = (i: Tr, kind: string) => i.tDynamic(`timeline.kind.${kind}`, kind);
export const sectionLabel = (i: Tr, section: string) => i.tDynamic(`work.section.${section}`, section);
export const clockRuleLabel = (i: Tr, rule: string) => i.tDynamic(`clock.rule.${rule}`, rule);
export const clockStatusLabel = (i: Tr, status: string) => i.tDynamic(`clock.status.${status}`, status);
export const taskKindLabel = (i: Tr, kind: string) => i.tDynamic(`task.kind.${kind}`, kind);
export const closureReasonLabel = (i: Tr, reason: string) => i.tDynamic(`work.closure.${reason}`, reason);

const DATE_KEYS = new Set([
  'on', 'due_on', 'applied_on', 'decided_on', 'starts_on', 'ends_on', 'revoked_on', 'review_on',
]);

/** A timeline detail as "label: value", with steps, facts, rules, dates and codes in plain words. */
export function detailText(i: Pick<I18n, 'tDynamic' | 'formatDate'>, key: string, value: string): string {
  const label = i.tDynamic(`timeline.detail.${key}`, key);
  let shown = value;
  if (key === 'from' || key === 'to') shown = value ? stepLabel(i, value) : i.tDynamic('work.notStarted', '–');
  else if (key === 'track') shown = trackLabel(i, value);
  else if (key === 'fact') shown = factLabel(i, value);
  else if (key === 'rule_id') shown = clockRuleLabel(i, value);
  else if (key === 'task') shown = taskKindLabel(i, value);
  else if (key === 'reason' || key === 'previous_reason') shown = value ? closureReasonLabel(i, value) : '–';
  else if (DATE_KEYS.has(key) && /^\d{4}-\d{2}-\d{2}$/.test(value)) shown = i.formatDate(value);
  else shown = i.tDynamic(`timeline.value.${key}.${value}`, value);
  return `${label}: ${shown}`;
}
