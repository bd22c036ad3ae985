// The intake's middle and last parts: the situation in free text (with the warning not to write names
// or identity numbers), the structured facts about the person (without identifying them), urgency and
// immediate danger, the identity basis and the identity fields (shown only with consent or, for a
// child, a report of concern), the advice given and a follow-up.
import { useState, type RefObject } from 'react';
import { useApi } from '../../api/useApi';
import { CheckboxField, CheckboxList, FieldGroup, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/context';
import { recordApi } from '../cases/caseWorkApi';
import type { PartProps } from './CallerFields';
import { AGE_GROUPS, CITIZENSHIP_GROUPS, FORMS, GENDERS, IDENTITY_BASES, URGENCIES } from './hotlineTypes';
import { identityAllowed, withAgeGroup, withDanger, type IntakeDraft } from './intakeModel';
import { ageGroupLabel, citizenshipLabel, formLabel, genderLabel, identityBasisLabel, triParse, triValue, urgencyLabel } from './labels';

export function SituationField({ draft, onChange, errors, textRef }: PartProps & { textRef: RefObject<HTMLTextAreaElement | null> }) {
  const { t } = useI18n();
  const errs = errors('situation');
  return (
    <fieldset className="form-section" aria-labelledby="intake-situation-title">
      <legend><h2 id="intake-situation-title">{t('hotline.intake.situation')}</h2></legend>
      <p id="intake-situation-warning" className="alert alert--warning situation-warning">{t('hotline.situation.warning')}</p>
      <div className={`field${errs?.length ? ' field--invalid' : ''}`}>
        <label htmlFor="intake-situation" className="field-label">{t('hotline.field.situation')}</label>
        {errs?.length ? <p id="intake-situation-error" className="field-error">{errs.join(' ')}</p> : null}
        <textarea id="intake-situation" ref={textRef} rows={7} value={draft.situation} dir="auto"
          aria-describedby={['intake-situation-warning', errs?.length ? 'intake-situation-error' : ''].filter(Boolean).join(' ')}
          aria-invalid={errs?.length ? true : undefined}
          onChange={(e) => { onChange({ ...draft, situation: e.target.value }); }} />
      </div>
    </fieldset>
  );
}

const TRI = ['', 'yes', 'no'] as const;

export function FactsFields({ draft, onChange, errors }: PartProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const p = draft.person;
  const setP = (patch: Partial<IntakeDraft['person']>) => { onChange({ ...draft, person: { ...p, ...patch } }); };
  const tri = (v: string) => (v === '' ? t('hotline.unknown') : v === 'yes' ? t('hotline.yes') : t('hotline.no'));
  const [indicatorsOpen, setIndicatorsOpen] = useState(p.indicators.length > 0);
  return (
    <fieldset className="form-section" aria-labelledby="intake-facts-title">
      <legend><h2 id="intake-facts-title">{t('hotline.intake.facts')}</h2></legend>
      <p className="muted">{t('hotline.facts.intro')}</p>
      <div className="field-row">
        <SelectField id="intake-age-group" label={t('hotline.field.ageGroup')} value={p.age_group} errors={errors('person.age_group')}
          options={AGE_GROUPS.map((a) => ({ value: a, label: ageGroupLabel(i18n, a) }))}
          onChange={(a) => { onChange(withAgeGroup(draft, a)); }} />
        <TextField id="intake-age" label={t('hotline.field.approximateAge')} inputMode="numeric" className="field--narrow"
          value={p.approximate_age} errors={errors('person.approximate_age')} onChange={(approximate_age) => { setP({ approximate_age }); }} />
        <SelectField id="intake-gender" label={t('hotline.field.gender')} value={p.gender} errors={errors('person.gender')}
          options={GENDERS.map((g) => ({ value: g, label: genderLabel(i18n, g) }))} onChange={(gender) => { setP({ gender }); }} />
      </div>
      <div className="field-row">
        <SelectField id="intake-citizenship" label={t('hotline.field.citizenship')} value={p.citizenship} errors={errors('person.citizenship')}
          options={CITIZENSHIP_GROUPS.map((c) => ({ value: c, label: citizenshipLabel(i18n, c) }))}
          onChange={(citizenship) => { setP({ citizenship }); }} />
        <SelectField id="intake-permit" label={t('hotline.field.residencePermit')} value={triValue(p.holds_residence_permit)}
          errors={errors('person.holds_residence_permit')} options={TRI.map((v) => ({ value: v, label: tri(v) }))}
          onChange={(v) => { setP({ holds_residence_permit: triParse(v) }); }} />
      </div>
      <FieldGroup id="intake-forms" label={t('hotline.field.forms')} errors={errors('person.forms')}>
        <CheckboxList idPrefix="intake-form" selected={p.forms} onChange={(forms) => { setP({ forms: FORMS.filter((f) => forms.includes(f)) }); }}
          options={FORMS.map((f) => ({ value: f, label: formLabel(i18n, f) }))} />
      </FieldGroup>
      <details className="indicator-details" open={indicatorsOpen}
        onToggle={(e) => { setIndicatorsOpen(e.currentTarget.open); }}>
        <summary>{t('hotline.field.indicators', { count: p.indicators.length })}</summary>
        {indicatorsOpen ? (
          <IndicatorChoices child={p.age_group === 'child'} selected={p.indicators} errors={errors('person.indicators')}
            onChange={(indicators) => { setP({ indicators }); }} />
        ) : null}
      </details>
      <div className="field-row">
        <CheckboxField id="intake-report" label={t('hotline.field.wantsToReport')} checked={p.wants_to_report_to_police}
          onChange={(v) => { setP({ wants_to_report_to_police: v }); }} />
        <CheckboxField id="intake-return" label={t('hotline.field.wishToReturn')} checked={p.wish_to_return}
          onChange={(v) => { setP({ wish_to_return: v }); }} />
        <CheckboxField id="intake-shelter" label={t('hotline.field.needsShelter')} checked={p.needs_shelter}
          onChange={(v) => { setP({ needs_shelter: v }); }} />
      </div>
      {p.age_group === 'child' ? (
        <SelectField id="intake-social-police" label={t('hotline.field.socialServicesPolice')} hint={t('hotline.socialServicesPolice.hint')}
          value={triValue(p.social_services_involve_police)} errors={errors('person.social_services_involve_police')}
          options={TRI.map((v) => ({ value: v, label: v === '' ? t('hotline.notDecided') : tri(v) }))}
          onChange={(v) => { setP({ social_services_involve_police: triParse(v) }); }} />
      ) : null}
    </fieldset>
  );
}

const loadChecklist = (signal: AbortSignal) => recordApi.checklist(signal);

/** The indicators of the checklist in use (GET /indicators), ticked when seen; optional. */
function IndicatorChoices({ child, selected, errors, onChange }: {
  child: boolean; selected: string[]; errors?: readonly string[]; onChange: (ids: string[]) => void;
}) {
  const { t, lang } = useI18n();
  const checklist = useApi(loadChecklist);
  if (checklist.error) return <p className="muted">{t('hotline.indicators.unavailable')}</p>;
  if (!checklist.data) return <p className="loading">{t('state.loading')}</p>;
  return (
    <div id="intake-indicators">
      {errors?.length ? <p className="field-error">{errors.join(' ')}</p> : null}
      {checklist.data.groups.filter((g) => child || !g.children_only).map((g) => (
        <FieldGroup key={g.id} id={`intake-indicators-${g.id}`} label={lang === 'en' ? g.name_en : g.name_sv}>
          <CheckboxList idPrefix={`intake-indicator-${g.id}`} selected={selected} onChange={onChange}
            options={g.indicators.map((i) => ({ value: i.id, label: lang === 'en' ? i.text_en : i.text_sv }))} />
        </FieldGroup>
      ))}
    </div>
  );
}

export function UrgencyFields({ draft, onChange, errors }: PartProps) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <fieldset className="form-section" aria-labelledby="intake-urgency-title">
      <legend><h2 id="intake-urgency-title">{t('hotline.intake.urgency')}</h2></legend>
      <CheckboxField id="intake-danger" label={t('hotline.field.immediateDanger')} hint={t('hotline.immediateDanger.hint')}
        checked={draft.immediateDanger} errors={errors('immediate_danger')} onChange={(on) => { onChange(withDanger(draft, on)); }} />
      {draft.immediateDanger ? null : (
        <SelectField id="intake-urgency" label={t('hotline.field.urgency')} value={draft.urgency} errors={errors('urgency')}
          options={URGENCIES.filter((u) => u !== 'immediate_danger').map((u) => ({ value: u, label: urgencyLabel(i18n, u) }))}
          onChange={(urgency) => { onChange({ ...draft, urgency }); }} />
      )}
    </fieldset>
  );
}

export function IdentityFields({ draft, onChange, errors }: PartProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const child = draft.person.age_group === 'child';
  const bases = IDENTITY_BASES.filter((b) => b !== 'report_of_concern' || child);
  const setI = (patch: Partial<IntakeDraft['identity']>) => { onChange({ ...draft, identity: { ...draft.identity, ...patch } }); };
  return (
    <fieldset className="form-section" aria-labelledby="intake-identity-title">
      <legend><h2 id="intake-identity-title">{t('hotline.intake.identity')}</h2></legend>
      <FieldGroup id="intake-identity-basis" label={t('hotline.field.identityBasis')} hint={t('hotline.identityBasis.hint')}
        errors={errors('identity_basis')}>
        <ul className="choice-list">
          {bases.map((b) => (
            <li key={b}>
              <input id={`intake-identity-basis-${b}`} type="radio" name="intake-identity-basis" value={b}
                checked={draft.identityBasis === b} onChange={() => { onChange({ ...draft, identityBasis: b }); }} />
              <label htmlFor={`intake-identity-basis-${b}`}>{identityBasisLabel(i18n, b)}</label>
            </li>
          ))}
        </ul>
      </FieldGroup>
      {identityAllowed(draft.identityBasis) ? (
        <div className="identity-fields">
          <p className="alert alert--info">{t(draft.identityBasis === 'consent' ? 'hotline.identity.withConsent' : 'hotline.identity.withConcern')}</p>
          <div className="field-row">
            <TextField id="intake-identity-name" label={t('hotline.field.identityName')} value={draft.identity.name} autoComplete="off"
              errors={errors('identity.name')} onChange={(name) => { setI({ name }); }} />
            <TextField id="intake-identity-dob" type="date" label={t('hotline.field.identityDob')} value={draft.identity.dateOfBirth}
              errors={errors('identity.date_of_birth')} onChange={(dateOfBirth) => { setI({ dateOfBirth }); }} />
          </div>
          <div className="field-row">
            <TextField id="intake-identity-phone" type="tel" label={t('hotline.field.identityPhone')} value={draft.identity.phone}
              autoComplete="off" errors={errors('identity.phone')} onChange={(phone) => { setI({ phone }); }} />
            <TextField id="intake-identity-email" type="email" label={t('hotline.field.identityEmail')} value={draft.identity.email}
              autoComplete="off" errors={errors('identity.email')} onChange={(email) => { setI({ email }); }} />
          </div>
        </div>
      ) : <p className="muted">{t('hotline.identity.anonymous')}</p>}
    </fieldset>
  );
}

export function AdviceFields({ draft, onChange, errors, saved }: PartProps & { saved: boolean }) {
  const { t } = useI18n();
  const set = (patch: Partial<IntakeDraft>) => { onChange({ ...draft, ...patch }); };
  return (
    <fieldset className="form-section" aria-labelledby="intake-advice-title">
      <legend><h2 id="intake-advice-title">{t('hotline.intake.advice')}</h2></legend>
      <TextAreaField id="intake-advice" label={t('hotline.field.advice')} hint={t('hotline.advice.hint')} value={draft.advice}
        errors={errors('advice')} onChange={(advice) => { set({ advice }); }} />
      <div className="field-row">
        <TextAreaField id="intake-follow-up" label={t('hotline.field.followUp')}
          hint={saved ? t('hotline.followUp.hintSaved') : t('hotline.followUp.hint')} value={draft.followUpText}
          errors={errors('follow_up.text')} onChange={(followUpText) => { set({ followUpText }); }} />
        <TextField id="intake-follow-up-due" type="date" label={t('hotline.field.followUpDue')} value={draft.followUpDue}
          errors={errors('follow_up.due_on')} onChange={(followUpDue) => { set({ followUpDue }); }} />
      </div>
      <TextField id="intake-time-spent" label={t('hotline.field.timeSpent')} hint={t('hotline.timeSpent.hint')} inputMode="numeric"
        className="field--narrow" value={draft.timeSpent} errors={errors('time_spent_minutes')}
        onChange={(timeSpent) => { set({ timeSpent }); }} />
    </fieldset>
  );
}
