// Changes to a running clock: a renewal decided by the authority (the new last day; one more default
// length when left empty), with the applicant and the rule's conditions confirmed again; and a
// revocation from a date (the clock's open tasks close). The server checks the rule allows either.
import { useState, type SubmitEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxList, FieldGroup, SelectField, TextField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { clockChangeApi, type ClockRenewalInput } from './caseFormsApi';
import type { Clock } from './caseWorkTypes';
import type { ClockRuleChoice } from './clockRules';
import { todayInSweden, useFormWrite } from './useCaseWork';
import { clockRuleLabel } from './workLabels';

export interface RenewalDraft {
  applicant: string;
  appliedOn: string;
  decidedOn: string;
  endsOn: string;
  conditions: string[];
}

export function renewalBody(d: RenewalDraft): ClockRenewalInput {
  const body: ClockRenewalInput = { decided_on: d.decidedOn };
  if (d.applicant) body.applicant = d.applicant;
  if (d.appliedOn) body.applied_on = d.appliedOn;
  if (d.endsOn) body.ends_on = d.endsOn;
  if (d.conditions.length) body.conditions = d.conditions;
  return body;
}

interface Props {
  caseId: string;
  clock: Clock;
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function ClockRenewForm({ caseId, clock, rule, onDone, onCancel }: Props & { rule: ClockRuleChoice | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [d, setD] = useState<RenewalDraft>({
    applicant: clock.applicant ?? '', appliedOn: clock.applicant ? todayInSweden() : '', decidedOn: todayInSweden(), endsOn: '',
    conditions: [],
  });
  const set = (patch: Partial<RenewalDraft>) => { setD((x) => ({ ...x, ...patch })); };
  const w = useFormWrite('clock', {
    applicant: { id: 'renew-applicant', label: t('clock.field.applicant') },
    applied_on: { id: 'renew-applied-on', label: t('clock.field.appliedOn') },
    decided_on: { id: 'renew-decided-on', label: t('clock.field.decidedOn') },
    ends_on: { id: 'renew-ends-on', label: t('clock.field.endsOn') },
    end: { id: 'renew-ends-on', label: t('clock.field.endsOn') },
    conditions: { id: 'renew-conditions', label: t('clock.field.conditions') },
    rule_id: { id: 'renew-decided-on', label: t('clock.field.rule') },
  });
  const errors = (...fields: string[]) => {
    const list = fields.flatMap((f) => w.form.errorsFor(f) ?? []);
    return list.length ? list : undefined;
  };
  const name = clockRuleLabel(i18n, clock.rule_id);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    // An application names both who applied and when (the server asks the same).
    const local = d.applicant && !d.appliedOn ? [{ field: 'applied_on', rule: 'required', detail: '' }] : [];
    if (await w.run(() => clockChangeApi.renew(caseId, clock.id, renewalBody(d)), local)) onDone(t('clockForms.renewed', { rule: name }));
  };

  return (
    <form className="narrow-form" noValidate aria-labelledby="clock-renew-title" onSubmit={(e) => void submit(e)}>
      <h3 id="clock-renew-title">{t('clockForms.renew.title', { rule: name })}</h3>
      <p>{t('clockForms.renew.intro')}</p>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      {rule?.applicants.length ? (
        <SelectField id="renew-applicant" label={t('clock.field.applicant')} value={d.applicant} errors={errors('applicant')}
          options={[{ value: '', label: t('work.choose') }, ...rule.applicants.map((a) => ({ value: a, label: i18n.tDynamic(`clock.party.${a}`, a) }))]}
          onChange={(applicant) => { set({ applicant }); }} />
      ) : null}
      <TextField id="renew-applied-on" label={t('clock.field.appliedOn')} type="date" value={d.appliedOn}
        errors={errors('applied_on')} onChange={(appliedOn) => { set({ appliedOn }); }} />
      <TextField id="renew-decided-on" label={t('clock.field.decidedOn')} type="date" required value={d.decidedOn}
        errors={errors('decided_on', 'rule_id')} onChange={(decidedOn) => { set({ decidedOn }); }} />
      <TextField id="renew-ends-on" label={t('clockForms.field.newEnd')} hint={t('clockForms.newEnd.hint')} type="date" value={d.endsOn}
        errors={errors('ends_on', 'end')} onChange={(endsOn) => { set({ endsOn }); }} />
      {rule?.conditions.length ? (
        <FieldGroup id="renew-conditions" label={t('clock.field.conditions')} hint={t('clock.conditions.hint')} errors={errors('conditions')}>
          <CheckboxList idPrefix="renew-condition" selected={d.conditions}
            options={rule.conditions.map((c) => ({ value: c, label: i18n.tDynamic(`clock.condition.${c}`, rule.conditionText[c] ?? c) }))}
            onChange={(conditions) => { set({ conditions }); }} />
        </FieldGroup>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={w.busy}>{w.busy ? t('action.saving') : t('clockForms.renew.button')}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{t('action.cancel')}</button>
      </div>
    </form>
  );
}

export function ClockRevokeForm({ caseId, clock, onDone, onCancel }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [on, setOn] = useState(todayInSweden());
  const w = useFormWrite('clock', {
    revoked_on: { id: 'revoke-on', label: t('clockForms.field.revokedOn') },
    rule_id: { id: 'revoke-on', label: t('clock.field.rule') },
  });
  const name = clockRuleLabel(i18n, clock.rule_id);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const local = on ? [] : [{ field: 'revoked_on', rule: 'required', detail: '' }];
    if (await w.run(() => clockChangeApi.revoke(caseId, clock.id, on), local)) onDone(t('clockForms.revoked', { rule: name }));
  };

  return (
    <form className="narrow-form" noValidate aria-labelledby="clock-revoke-title" onSubmit={(e) => void submit(e)}>
      <h3 id="clock-revoke-title">{t('clockForms.revoke.title', { rule: name })}</h3>
      <p>{t('clockForms.revoke.intro')}</p>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <TextField id="revoke-on" label={t('clockForms.field.revokedOn')} type="date" required value={on}
        errors={[...(w.form.errorsFor('revoked_on') ?? []), ...(w.form.errorsFor('rule_id') ?? [])]} onChange={setOn} />
      <div className="form-actions">
        <button type="submit" className="button button--warning" disabled={w.busy}>{w.busy ? t('action.saving') : t('clockForms.revoke.button')}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{t('action.cancel')}</button>
      </div>
    </form>
  );
}
