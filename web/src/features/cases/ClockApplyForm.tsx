// The team's form that applies for a clock for a person of the case (e.g. the social welfare board
// applies for a reflection period), or records one already decided with its dates; the rule's
// conditions are confirmed one by one. The server's problems show beside the field they name.
import { useState, type SubmitEvent } from 'react';
import type { CasePerson } from '../../api/caseTypes';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxList, FieldGroup, SelectField, TextField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { clockApi } from './caseWorkApi';
import type { NewClock } from './caseWorkTypes';
import { clockRule, useClockRules } from './clockRules';
import { todayInSweden, useFormWrite } from './useCaseWork';
import { clockRuleLabel } from './workLabels';

interface Draft {
  rule: string;
  person: string;
  mode: 'applied' | 'granted';
  applicant: string;
  appliedOn: string;
  decidedOn: string;
  startsOn: string;
  endsOn: string;
  conditions: string[];
}

export function clockInput(d: Draft): NewClock {
  const input: NewClock = { rule_id: d.rule, person_id: d.person, conditions: d.conditions };
  if (d.applicant) input.applicant = d.applicant;
  if (d.appliedOn) input.applied_on = d.appliedOn;
  if (d.mode === 'granted') {
    if (d.decidedOn) input.decided_on = d.decidedOn;
    if (d.startsOn) input.starts_on = d.startsOn;
    if (d.endsOn) input.ends_on = d.endsOn;
  }
  return input;
}

export function ClockApplyForm({ caseId, persons, onDone }: {
  caseId: string; persons: readonly CasePerson[]; onDone: (message: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const empty: Draft = {
    rule: 'reflection_period', person: '', mode: 'applied', applicant: '', appliedOn: todayInSweden(),
    decidedOn: '', startsOn: '', endsOn: '', conditions: [],
  };
  const [d, setD] = useState<Draft>(empty);
  const set = (patch: Partial<Draft>) => { setD((x) => ({ ...x, ...patch })); };
  // The rules in force on the clock's first step (the server picks the version the same way).
  const { rules, error: rulesError } = useClockRules(d.appliedOn || d.decidedOn || d.startsOn);
  const rule = clockRule(rules, d.rule);
  const w = useFormWrite('clock', {
    rule_id: { id: 'clock-rule', label: t('clock.field.rule') },
    person_id: { id: 'clock-person', label: t('clock.field.person') },
    applicant: { id: 'clock-applicant', label: t('clock.field.applicant') },
    applied_on: { id: 'clock-applied-on', label: t('clock.field.appliedOn') },
    decided_on: { id: 'clock-decided-on', label: t('clock.field.decidedOn') },
    starts_on: { id: 'clock-starts-on', label: t('clock.field.startsOn') },
    start: { id: 'clock-starts-on', label: t('clock.field.startsOn') },
    ends_on: { id: 'clock-ends-on', label: t('clock.field.endsOn') },
    end: { id: 'clock-ends-on', label: t('clock.field.endsOn') },
    conditions: { id: 'clock-conditions', label: t('clock.field.conditions') },
  });
  const errors = w.form.errorsFor;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const local = d.person ? [] : [{ field: 'person_id', rule: 'required', detail: '' }];
    const ok = await w.run(() => clockApi.apply(caseId, clockInput(d)), local);
    if (ok) {
      setD(empty);
      onDone(t(d.mode === 'applied' ? 'clock.applied' : 'clock.started', { rule: clockRuleLabel(i18n, d.rule) }));
    }
  };

  return (
    <form className="narrow-form" noValidate aria-labelledby="clock-apply-title" onSubmit={(e) => void submit(e)}>
      <h3 id="clock-apply-title">{t('clock.apply.title')}</h3>
      <p>{t('clock.apply.intro')}</p>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      {rulesError ? <ProblemAlert error={rulesError} /> : null}
      <SelectField id="clock-rule" label={t('clock.field.rule')} value={d.rule} errors={errors('rule_id')}
        options={rules.map((r) => ({ value: r.id, label: clockRuleLabel(i18n, r.id) }))}
        onChange={(r) => { set({ rule: r, applicant: '', conditions: [] }); }} />
      <SelectField id="clock-person" label={t('clock.field.person')} value={d.person} required errors={errors('person_id')}
        options={[{ value: '', label: t('work.choosePerson') }, ...persons.map((p) => ({ value: p.id, label: p.code }))]}
        onChange={(person) => { set({ person }); }} />
      <FieldGroup id="clock-mode" label={t('clock.field.mode')}>
        <ul className="choice-list">
          {(['applied', 'granted'] as const).map((m) => (
            <li key={m}>
              <input id={`clock-mode-${m}`} type="radio" name="clock-mode" checked={d.mode === m}
                onChange={() => { set({ mode: m }); }} />
              <label htmlFor={`clock-mode-${m}`}>{t(m === 'applied' ? 'clock.mode.applied' : 'clock.mode.granted')}</label>
            </li>
          ))}
        </ul>
      </FieldGroup>
      {rule?.applicants.length ? (
        <SelectField id="clock-applicant" label={t('clock.field.applicant')} value={d.applicant} errors={errors('applicant')}
          options={[{ value: '', label: t('work.choose') }, ...rule.applicants.map((a) => ({ value: a, label: i18n.tDynamic(`clock.party.${a}`, a) }))]}
          onChange={(applicant) => { set({ applicant }); }} />
      ) : null}
      <TextField id="clock-applied-on" label={t('clock.field.appliedOn')} type="date" value={d.appliedOn}
        errors={errors('applied_on')} onChange={(appliedOn) => { set({ appliedOn }); }} />
      {d.mode === 'granted' ? (
        <>
          <TextField id="clock-decided-on" label={t('clock.field.decidedOn')} type="date" value={d.decidedOn}
            errors={errors('decided_on')} onChange={(decidedOn) => { set({ decidedOn }); }} />
          <TextField id="clock-starts-on" label={t('clock.field.startsOn')} type="date" value={d.startsOn}
            errors={[...(errors('starts_on') ?? []), ...(errors('start') ?? [])]} onChange={(startsOn) => { set({ startsOn }); }} />
          <TextField id="clock-ends-on" label={t('clock.field.endsOn')} hint={t('clock.endsOn.hint')} type="date" value={d.endsOn}
            errors={[...(errors('ends_on') ?? []), ...(errors('end') ?? [])]} onChange={(endsOn) => { set({ endsOn }); }} />
        </>
      ) : null}
      {rule?.conditions.length ? (
        <FieldGroup id="clock-conditions" label={t('clock.field.conditions')} hint={t('clock.conditions.hint')}
          errors={errors('conditions')}>
          <CheckboxList idPrefix="clock-condition" selected={d.conditions}
            options={rule.conditions.map((c) => ({ value: c, label: i18n.tDynamic(`clock.condition.${c}`, rule.conditionText[c] ?? c) }))}
            onChange={(conditions) => { set({ conditions }); }} />
        </FieldGroup>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={w.busy}>
          {w.busy ? t('action.saving') : t(d.mode === 'applied' ? 'clock.apply.button' : 'clock.start.button')}
        </button>
      </div>
    </form>
  );
}
