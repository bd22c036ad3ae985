// Records the decision on an applied clock: refused, or granted with the decision's dates (the clock
// then runs, with its task for the last day).
import { useState, type SubmitEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FieldGroup, TextField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { clockApi } from './caseWorkApi';
import type { Clock, ClockDecision } from './caseWorkTypes';
import { todayInSweden, useFormWrite } from './useCaseWork';
import { clockRuleLabel } from './workLabels';

export function ClockDecisionForm({ caseId, clock, onDone, onCancel }: {
  caseId: string; clock: Clock; onDone: (message: string) => void; onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [outcome, setOutcome] = useState<'granted' | 'refused'>('granted');
  const [decidedOn, setDecidedOn] = useState(todayInSweden());
  const [startsOn, setStartsOn] = useState(todayInSweden());
  const [endsOn, setEndsOn] = useState('');
  const w = useFormWrite('clock', {
    outcome: { id: 'decision-outcome', label: t('clock.field.outcome') },
    decided_on: { id: 'decision-decided-on', label: t('clock.field.decidedOn') },
    starts_on: { id: 'decision-starts-on', label: t('clock.field.startsOn') },
    start: { id: 'decision-starts-on', label: t('clock.field.startsOn') },
    ends_on: { id: 'decision-ends-on', label: t('clock.field.endsOn') },
    end: { id: 'decision-ends-on', label: t('clock.field.endsOn') },
  });
  const errors = (...fields: string[]) => {
    const list = fields.flatMap((f) => w.form.errorsFor(f) ?? []);
    return list.length ? list : undefined;
  };
  const rule = clockRuleLabel(i18n, clock.rule_id);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body: ClockDecision = { outcome, decided_on: decidedOn };
    if (outcome === 'granted') {
      if (startsOn) body.starts_on = startsOn;
      if (endsOn) body.ends_on = endsOn;
    }
    const ok = await w.run(() => clockApi.decide(caseId, clock.id, body));
    if (ok) onDone(t(outcome === 'granted' ? 'clock.granted' : 'clock.refused', { rule }));
  };

  return (
    <form className="narrow-form" noValidate aria-labelledby="clock-decision-title" onSubmit={(e) => void submit(e)}>
      <h3 id="clock-decision-title">{t('clock.decision.title', { rule })}</h3>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <FieldGroup id="decision-outcome" label={t('clock.field.outcome')} errors={errors('outcome')}>
        <ul className="choice-list">
          {(['granted', 'refused'] as const).map((o) => (
            <li key={o}>
              <input id={`decision-outcome-${o}`} type="radio" name="decision-outcome" checked={outcome === o}
                onChange={() => { setOutcome(o); }} />
              <label htmlFor={`decision-outcome-${o}`}>{t(o === 'granted' ? 'clock.outcome.granted' : 'clock.outcome.refused')}</label>
            </li>
          ))}
        </ul>
      </FieldGroup>
      <TextField id="decision-decided-on" label={t('clock.field.decidedOn')} type="date" required value={decidedOn}
        errors={errors('decided_on')} onChange={setDecidedOn} />
      {outcome === 'granted' ? (
        <>
          <TextField id="decision-starts-on" label={t('clock.field.startsOn')} type="date" required value={startsOn}
            errors={errors('starts_on', 'start')} onChange={setStartsOn} />
          <TextField id="decision-ends-on" label={t('clock.field.endsOn')} hint={t('clock.endsOn.hint')} type="date"
            value={endsOn} errors={errors('ends_on', 'end')} onChange={setEndsOn} />
        </>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={w.busy}>{w.busy ? t('action.saving') : t('clock.decision.button')}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{t('action.cancel')}</button>
      </div>
    </form>
  );
}
