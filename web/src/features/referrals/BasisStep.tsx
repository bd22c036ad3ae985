// Step 3 of the referral dialog: the legal basis. Either one of the person's consents that covers this
// recipient, purpose and every chosen section, or a basis without consent that the sender's kind may use
// and that lets data go to the recipient's kind: its title in the user's language, its legal reference,
// the written justification when the rule asks for one, and the "immediate danger" statement for vital
// interests. An NGO or IOM referring to the police or the prosecution is told that the person's support
// never depends on reporting.
import type { BasisRule, LedgerConsent } from '../../api/referralTypes';
import { CheckboxField, FieldGroup, TextAreaField } from '../../components/fields';
import { useI18n } from '../../i18n/context';
import { basisReference, basisTitle, consentFormLabel, sectionList } from './labels';
import {
  basesWithoutConsent, chosenBasis, chosenConsentId, coveringConsents, narrowerConsents, supportNeverDependsOnReporting,
  type ReferralDraft,
} from './referralDraft';
import { RadioChoices } from './ReferralSteps';

interface Props {
  draft: ReferralDraft;
  onChange: (d: ReferralDraft) => void;
  errors: (field: string) => string[] | undefined;
  bases: BasisRule[];
  consents: LedgerConsent[];
  senderKind: string;
}

/** The notice that support never depends on reporting to the police (shown on steps 3 and 4). */
export function SupportNotice({ senderKind, recipientKind }: { senderKind: string; recipientKind: string | undefined }) {
  const { t } = useI18n();
  if (!supportNeverDependsOnReporting(senderKind, recipientKind)) return null;
  return (
    <div className="alert alert--info" role="note" aria-labelledby="support-notice-title">
      <h4 id="support-notice-title">{t('referral.supportNotice.title')}</h4>
      <p>{t('referral.supportNotice.body')}</p>
    </div>
  );
}

export function BasisStep({ draft, onChange, errors, bases, consents, senderKind }: Props) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const consentAllowed = bases.some((b) => b.code === 'consent');
  const covering = coveringConsents(consents, draft);
  const narrower = narrowerConsents(consents, draft);
  const others = basesWithoutConsent(bases, draft.recipient?.kind);
  const rule = chosenBasis(bases, draft.basis);
  const withConsent = chosenConsentId(draft.basis) !== null;

  const basisHint = (b: BasisRule) => [
    t('referral.basis.reference', { reference: basisReference(i18n, b) }),
    b.child_only ? t('referral.basis.childOnly') : '',
    b.immediate_danger_only ? t('referral.basis.immediateOnly') : '',
    b.needs_check ? t('referral.basis.needsCheck') : '',
  ].filter(Boolean).join('\n');

  const options = [
    ...(consentAllowed ? covering.map((c) => ({
      value: `consent:${c.id}`,
      label: t('referral.basis.consentOption', { date: formatDate(c.given_on) }),
      hint: t('referral.basis.consentHint', { form: consentFormLabel(i18n, c.form), sections: sectionList(i18n, c.sections) }),
    })) : []),
    ...others.map((b) => ({ value: b.code, label: basisTitle(i18n, b), hint: basisHint(b) })),
  ];

  return (
    <>
      <SupportNotice senderKind={senderKind} recipientKind={draft.recipient?.kind} />
      <FieldGroup id="referral-basis" label={t('referral.field.basis')} hint={t('referral.basis.hint')}
        errors={[...(errors('basis') ?? []), ...(errors('consent_id') ?? [])]}>
        {consentAllowed && covering.length === 0 ? (
          <p className="alert alert--info">
            {t('referral.basis.noConsent', { name: draft.recipient?.name ?? '' })}
            {narrower.map((c) => ` ${t('referral.basis.narrower', { date: formatDate(c.given_on), sections: sectionList(i18n, c.sections) })}`).join('')}
          </p>
        ) : null}
        {options.length ? (
          <RadioChoices name="referral-basis" options={options} value={draft.basis}
            onChange={(basis) => { onChange({ ...draft, basis }); }} />
        ) : <p>{t('referral.basis.none')}</p>}
      </FieldGroup>
      {rule && !withConsent ? (
        <>
          <TextAreaField id="referral-justification" label={t('referral.field.justification')}
            hint={t('referral.justification.hint')} required={rule.justification_required} value={draft.justification}
            errors={errors('justification')} onChange={(justification) => { onChange({ ...draft, justification }); }} />
          {rule.immediate_danger_only ? (
            <CheckboxField id="referral-immediate-danger" label={t('referral.field.immediateDanger')}
              hint={t('referral.immediateDanger.hint')} checked={draft.immediateDanger} errors={errors('immediate_danger')}
              onChange={(immediateDanger) => { onChange({ ...draft, immediateDanger }); }} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
