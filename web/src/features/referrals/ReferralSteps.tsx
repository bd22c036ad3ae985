// The first two steps of the referral dialog: who is referred, why and to whom (step 1), and which
// sections of the case are shared, each with a plain line of what it contains (step 2).
import type { CasePerson } from '../../api/caseTypes';
import { PURPOSES, SECTIONS, type PurposeRule } from '../../api/referralTypes';
import { FieldGroup, SelectField } from '../../components/fields';
import { useI18n } from '../../i18n/context';
import { kindLabel } from '../orgs/labels';
import { purposeLabel, sectionExplain, sectionLabel } from './labels';
import { RecipientPicker } from './RecipientPicker';
import type { ReferralDraft } from './referralDraft';

interface StepProps {
  draft: ReferralDraft;
  onChange: (d: ReferralDraft) => void;
  errors: (field: string) => string[] | undefined;
}

export function WhoStep({ draft, onChange, errors, persons, rule, ownOrgId }: StepProps & {
  persons: CasePerson[];
  rule: PurposeRule | undefined;
  ownOrgId: string | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const usual = rule?.usual_recipient_kinds ?? [];
  return (
    <>
      <SelectField id="referral-person" label={t('referral.field.person')} required value={draft.personId} errors={errors('person_id')}
        options={[{ value: '', label: t('work.choose') }, ...persons.map((p) => ({ value: p.id, label: p.code }))]}
        onChange={(personId) => { onChange({ ...draft, personId, basis: '' }); }} />
      <SelectField id="referral-purpose" label={t('referral.field.purpose')} hint={t('referral.purpose.hint')} required
        value={draft.purpose} errors={errors('purpose')}
        options={[{ value: '', label: t('work.choose') }, ...PURPOSES.map((p) => ({ value: p, label: purposeLabel(i18n, p) }))]}
        onChange={(purpose) => { onChange({ ...draft, purpose, basis: '' }); }} />
      <RecipientPicker id="referral-recipient" label={t('referral.field.recipient')}
        hint={usual.length
          ? t('referral.recipient.hintUsual', { kinds: usual.map((k) => kindLabel(i18n, k)).join(', ') })
          : t('referral.recipient.hint')}
        errors={errors('recipient_organisation_id')} value={draft.recipient} usualKinds={usual} excludeId={ownOrgId}
        onChange={(recipient) => { onChange({ ...draft, recipient, basis: '' }); }} />
      {draft.recipient ? (
        <p className="muted">{t('referral.recipient.chosen', { name: draft.recipient.name, kind: kindLabel(i18n, draft.recipient.kind) })}</p>
      ) : null}
    </>
  );
}

export function SectionsStep({ draft, onChange, errors, rule }: StepProps & { rule: PurposeRule | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  const suggested = rule?.suggested_sections ?? [];
  const toggle = (s: string, on: boolean) => {
    const next = on ? [...draft.sections, s] : draft.sections.filter((x) => x !== s);
    onChange({ ...draft, sections: SECTIONS.filter((x) => next.includes(x)), basis: draft.basis.startsWith('consent:') ? '' : draft.basis });
  };
  const groupErrors = errors('sections');
  return (
    <FieldGroup id="referral-sections" label={t('referral.field.sections')} hint={t('referral.sections.hint')} errors={groupErrors}>
      <ul className="choice-list">
        {SECTIONS.map((s) => {
          const id = `referral-section-${s}`;
          return (
            <li key={s}>
              <input id={id} type="checkbox" checked={draft.sections.includes(s)} aria-describedby={`${id}-hint`}
                onChange={(e) => { toggle(s, e.target.checked); }} />
              <div>
                <label htmlFor={id}>{sectionLabel(i18n, s)}</label>
                {suggested.includes(s) ? <span className="badge badge--inline badge--active">{t('referral.suggested')}</span> : null}
                <p id={`${id}-hint`} className="field-hint">{sectionExplain(i18n, s)}</p>
              </div>
            </li>
          );
        })}
      </ul>
    </FieldGroup>
  );
}

/** A group of radio buttons, each with a label and a hint line; `value` is the chosen option's value. */
export function RadioChoices({ name, options, value, onChange }: {
  name: string;
  options: readonly { value: string; label: string; hint?: string }[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <ul className="choice-list">
      {options.map((o) => {
        const id = `${name}-${o.value.replace(/[^\w-]/g, '-')}`;
        return (
          <li key={o.value}>
            <input id={id} type="radio" name={name} value={o.value} checked={value === o.value}
              aria-describedby={o.hint ? `${id}-hint` : undefined} onChange={() => { onChange(o.value); }} />
            <div>
              <label htmlFor={id}>{o.label}</label>
              {o.hint ? <p id={`${id}-hint`} className="field-hint pre-line">{o.hint}</p> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
