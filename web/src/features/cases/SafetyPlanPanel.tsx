// The person's safety plan: the risks (each with its level), the protective measures and who does
// them, whom the person calls in danger (at least one), when it was made and is to be reviewed, and
// whether it was made with the person. A high risk needs a measure. Saving keeps a new version.
import { useState, type SubmitEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, FieldGroup, SelectField, TextField } from '../../components/fields';
import { problemMessage, type FormProblem } from '../../components/formProblems';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { recordApi } from './caseWorkApi';
import type { SafetyPlan } from './caseWorkTypes';
import { SavedLine, type PanelProps } from './RecordPanel';
import { errorsAt, todayInSweden, useFormWrite, usePersonData } from './useCaseWork';

const LEVELS = ['low', 'medium', 'high'] as const;

const emptyPlan = (): SafetyPlan => ({
  risks: [{ description: '', level: 'medium' }], measures: [{ description: '', responsible: '' }],
  who_to_call: [{ name: '', phone: '' }], made_on: todayInSweden(), review_on: null, made_with_person: true,
});

/** The plan as sent: rows left empty are dropped. */
export function planBody(p: SafetyPlan): SafetyPlan {
  return {
    ...p,
    risks: p.risks.filter((r) => r.description.trim()),
    measures: p.measures.filter((m) => m.description.trim() || m.responsible.trim()),
    who_to_call: p.who_to_call.filter((c) => c.name.trim() || c.phone.trim()),
    review_on: p.review_on || null,
  };
}

export function SafetyPlanPanel({ caseId, person, stamp, editable, onChanged }: PanelProps) {
  const { t } = useI18n();
  const saved = usePersonData(recordApi.safetyPlan, caseId, person.id, stamp);
  const current = saved.data?.current;
  return (
    <section aria-labelledby="safety-title">
      <h3 id="safety-title">{t('safety.title')}</h3>
      <p>{t('safety.intro')}</p>
      {saved.error ? <ProblemAlert error={saved.error} onRetry={saved.reload} /> : null}
      {!saved.data && !saved.error ? <Loading /> : null}
      {saved.data ? <SavedLine at={current?.recorded_at} /> : null}
      {saved.data && editable ? (
        <SafetyPlanForm key={current?.id ?? 'new'} caseId={caseId} personId={person.id} current={current ?? null}
          onSaved={() => { onChanged(t('safety.saved', { code: person.code })); }} />
      ) : null}
    </section>
  );
}

function SafetyPlanForm({ caseId, personId, current, onSaved }: {
  caseId: string; personId: string; current: SafetyPlan | null; onSaved: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [plan, setPlan] = useState<SafetyPlan>(() => (current ? { ...current } : emptyPlan()));
  const w = useFormWrite('safety', {
    risks: { id: 'safety-risk-0-description', label: t('safety.risks') },
    measures: { id: 'safety-measure-0-description', label: t('safety.measures') },
    who_to_call: { id: 'safety-call-0-name', label: t('safety.whoToCall') },
    made_on: { id: 'safety-made-on', label: t('safety.field.madeOn') },
    review_on: { id: 'safety-review-on', label: t('safety.field.reviewOn') },
  });
  const text = (p: FormProblem) => problemMessage(i18n, 'safety', p);
  const at = (...paths: string[]) => errorsAt(w.form.problems, text, ...paths);
  const set = (patch: Partial<SafetyPlan>) => { setPlan((p) => ({ ...p, ...patch })); };
  const sent = planBody(plan);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (await w.run(() => recordApi.saveSafetyPlan(caseId, personId, sent))) onSaved();
  };

  return (
    <form className="narrow-form" noValidate aria-labelledby="safety-title" onSubmit={(e) => void submit(e)}>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <FieldGroup id="safety-risks" label={t('safety.risks')} hint={t('safety.risks.hint')}>
        {plan.risks.map((r, i) => (
          <div key={i} className="field-row">
            <TextField id={`safety-risk-${i}-description`} label={t('safety.field.risk', { n: i + 1 })} value={r.description}
              errors={at(`risks[${i}].description`)}
              onChange={(description) => { set({ risks: plan.risks.map((x, j) => (j === i ? { ...x, description } : x)) }); }} />
            <SelectField id={`safety-risk-${i}-level`} label={t('safety.field.level', { n: i + 1 })} value={r.level}
              options={LEVELS.map((l) => ({ value: l, label: i18n.tDynamic(`safety.level.${l}`, l) }))}
              onChange={(level) => { set({ risks: plan.risks.map((x, j) => (j === i ? { ...x, level } : x)) }); }} />
          </div>
        ))}
        <button type="button" className="button button--secondary button--small"
          onClick={() => { set({ risks: [...plan.risks, { description: '', level: 'medium' }] }); }}>{t('safety.addRisk')}</button>
      </FieldGroup>
      <FieldGroup id="safety-measures" label={t('safety.measures')} errors={at('measures')}>
        {plan.measures.map((m, i) => (
          <div key={i} className="field-row">
            <TextField id={`safety-measure-${i}-description`} label={t('safety.field.measure', { n: i + 1 })} value={m.description}
              errors={at(`measures[${i}].description`)}
              onChange={(description) => { set({ measures: plan.measures.map((x, j) => (j === i ? { ...x, description } : x)) }); }} />
            <TextField id={`safety-measure-${i}-responsible`} label={t('safety.field.responsible', { n: i + 1 })} value={m.responsible}
              errors={at(`measures[${i}].responsible`)}
              onChange={(responsible) => { set({ measures: plan.measures.map((x, j) => (j === i ? { ...x, responsible } : x)) }); }} />
          </div>
        ))}
        <button type="button" className="button button--secondary button--small"
          onClick={() => { set({ measures: [...plan.measures, { description: '', responsible: '' }] }); }}>{t('safety.addMeasure')}</button>
      </FieldGroup>
      <FieldGroup id="safety-calls" label={t('safety.whoToCall')} hint={t('safety.whoToCall.hint')} errors={at('who_to_call')}>
        {plan.who_to_call.map((c, i) => (
          <div key={i} className="field-row">
            <TextField id={`safety-call-${i}-name`} label={t('safety.field.callName', { n: i + 1 })} value={c.name} autoComplete="off"
              errors={at(`who_to_call[${i}].name`)}
              onChange={(name) => { set({ who_to_call: plan.who_to_call.map((x, j) => (j === i ? { ...x, name } : x)) }); }} />
            <TextField id={`safety-call-${i}-phone`} label={t('safety.field.callPhone', { n: i + 1 })} type="tel" autoComplete="off"
              value={c.phone} errors={at(`who_to_call[${i}].phone`)}
              onChange={(phone) => { set({ who_to_call: plan.who_to_call.map((x, j) => (j === i ? { ...x, phone } : x)) }); }} />
          </div>
        ))}
        <button type="button" className="button button--secondary button--small"
          onClick={() => { set({ who_to_call: [...plan.who_to_call, { name: '', phone: '' }] }); }}>{t('safety.addCall')}</button>
      </FieldGroup>
      <TextField id="safety-made-on" label={t('safety.field.madeOn')} type="date" required value={plan.made_on}
        errors={at('made_on')} onChange={(made_on) => { set({ made_on }); }} />
      <TextField id="safety-review-on" label={t('safety.field.reviewOn')} type="date" value={plan.review_on ?? ''}
        errors={at('review_on')} onChange={(review_on) => { set({ review_on }); }} />
      <CheckboxField id="safety-with-person" label={t('safety.field.withPerson')} checked={plan.made_with_person}
        onChange={(made_with_person) => { set({ made_with_person }); }} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={w.busy}>{w.busy ? t('action.saving') : t('safety.save')}</button>
      </div>
    </form>
  );
}
