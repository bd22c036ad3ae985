// The case's legal clocks (reflection period, residence permit, support programme periods and the
// child track's time limits): days left today, overdue in red, the decision awaited; for the team a
// form that applies for a clock, one that records the decision on an application, and renewal and
// revocation of a running clock whose rule allows them.
import { useState } from 'react';
import type { CasePerson } from '../../api/caseTypes';
import { DataTable, type Column } from '../../components/DataTable';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, type I18n } from '../../i18n/context';
import { clockApi } from './caseWorkApi';
import type { Clock } from './caseWorkTypes';
import type { ClockRuleChoice } from './clockRules';
import { ClockApplyForm } from './ClockApplyForm';
import { ClockRenewForm, ClockRevokeForm } from './ClockChangeForms';
import { ClockDecisionForm } from './ClockDecisionForm';
import { clockRule, useClockRules } from './clockRules';
import { useCaseData } from './useCaseWork';
import { clockRuleLabel, clockStatusLabel } from './workLabels';

interface Props {
  caseId: string;
  stamp: number;
  editable: boolean;
  persons: readonly CasePerson[];
  onChanged: (message: string) => void;
}

/** "12 days left", "Ends today", "3 days overdue" — or the status when the clock does not run. */
export function DaysLeft({ clock }: { clock: Clock }) {
  const { t } = useI18n();
  if (clock.days_left === null) return null;
  if (clock.overdue) {
    return <span className="badge badge--damaged">{t('clock.overdue', { count: -clock.days_left })}</span>;
  }
  if (clock.days_left === 0) return <strong>{t('clock.endsToday')}</strong>;
  return <>{t('clock.daysLeft', { count: clock.days_left })}</>;
}

export function clockDates(i: Pick<I18n, 't' | 'formatDate'>, c: Clock): string {
  const parts: string[] = [];
  if (c.applied_on) parts.push(i.t('clock.appliedOn', { date: i.formatDate(c.applied_on) }));
  if (c.decided_on) parts.push(i.t('clock.decidedOn', { date: i.formatDate(c.decided_on) }));
  if (c.starts_on && c.ends_on) parts.push(i.t('clock.period', { from: i.formatDate(c.starts_on), to: i.formatDate(c.ends_on) }));
  if (c.stopped_on) parts.push(i.t('clock.stoppedOn', { date: i.formatDate(c.stopped_on) }));
  return parts.join(' · ');
}

export function ClocksSection({ caseId, stamp, editable, persons, onChanged }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, reload } = useCaseData(clockApi.list, caseId, stamp);
  const [deciding, setDeciding] = useState<Clock | null>(null);
  // A running clock being renewed or revoked (the rule in force today says whether it may be).
  const [changing, setChanging] = useState<{ clock: Clock; action: 'renew' | 'revoke' } | null>(null);
  const { rules } = useClockRules();
  const personCode = (id: string) => persons.find((p) => p.id === id)?.code ?? '';

  const columns: Column<Clock>[] = [
    { id: 'rule', header: t('clock.field.rule'), cell: (c) => clockRuleLabel(i18n, c.rule_id) },
    { id: 'person', header: t('clock.field.person'), cell: (c) => personCode(c.person_id) },
    { id: 'status', header: t('clock.field.status'), cell: (c) => clockStatusLabel(i18n, c.status) },
    { id: 'dates', header: t('clock.field.dates'), cell: (c) => clockDates(i18n, c) },
    { id: 'left', header: t('clock.field.left'), cell: (c) => <DaysLeft clock={c} /> },
    ...(editable
      ? [{
          id: 'act',
          header: t('clock.field.actions'),
          hideHeader: true,
          cell: (c: Clock) => c.status === 'applied' ? (
            <button type="button" className="button button--secondary button--small"
              onClick={() => { setChanging(null); setDeciding(c); }}>
              {t('clock.decide', { rule: clockRuleLabel(i18n, c.rule_id) })}
            </button>
          ) : c.status === 'running' ? (
            <RunningActions clock={c} rule={clockRule(rules, c.rule_id)}
              onPick={(action) => { setDeciding(null); setChanging({ clock: c, action }); }} />
          ) : null,
        }]
      : []),
  ];

  const changed = (message: string) => {
    setDeciding(null);
    setChanging(null);
    onChanged(message);
  };

  return (
    <section className="form-section" aria-labelledby="clocks-title">
      <h2 id="clocks-title">{t('clock.title')}</h2>
      <p>{t('clock.intro')}</p>
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      {!data && !error ? <Loading /> : null}
      {data?.items.length === 0 ? <p>{t('clock.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <DataTable caption={t('clock.caption')} labelledBy="clocks-title" columns={columns} rows={data.items}
          rowKey={(c) => c.id} rowClassName={(c) => (c.overdue ? 'row--damaged' : undefined)} />
      ) : null}
      {editable && deciding ? (
        <ClockDecisionForm caseId={caseId} clock={deciding} onDone={changed} onCancel={() => { setDeciding(null); }} />
      ) : null}
      {editable && changing?.action === 'renew' ? (
        <ClockRenewForm key={changing.clock.id} caseId={caseId} clock={changing.clock} rule={clockRule(rules, changing.clock.rule_id)}
          onDone={changed} onCancel={() => { setChanging(null); }} />
      ) : null}
      {editable && changing?.action === 'revoke' ? (
        <ClockRevokeForm key={changing.clock.id} caseId={caseId} clock={changing.clock} onDone={changed}
          onCancel={() => { setChanging(null); }} />
      ) : null}
      {editable ? <ClockApplyForm caseId={caseId} persons={persons} onDone={changed} /> : null}
    </section>
  );
}

/** Renew and revoke buttons for a running clock whose rule allows them. */
function RunningActions({ clock, rule, onPick }: {
  clock: Clock; rule: ClockRuleChoice | undefined; onPick: (action: 'renew' | 'revoke') => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const name = clockRuleLabel(i18n, clock.rule_id);
  if (!rule?.renewable && !rule?.revocable) return null;
  return (
    <span className="button-row">
      {rule.renewable ? (
        <button type="button" className="button button--secondary button--small" onClick={() => { onPick('renew'); }}>
          {t('clockForms.renew', { rule: name })}
        </button>
      ) : null}{' '}
      {rule.revocable ? (
        <button type="button" className="button button--secondary button--small" onClick={() => { onPick('revoke'); }}>
          {t('clockForms.revoke', { rule: name })}
        </button>
      ) : null}
    </span>
  );
}
