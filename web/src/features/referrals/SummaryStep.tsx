// Step 4 of the referral dialog: what will be shared and why, in plain words, and how the referral
// reaches the recipient (in the app, or printed and sent by other means).
import type { BasisRule, LedgerConsent } from '../../api/referralTypes';
import { FieldGroup } from '../../components/fields';
import { useI18n } from '../../i18n/context';
import { todayInSweden } from '../cases/useCaseWork';
import { SupportNotice } from './BasisStep';
import { basisReference, basisTitle, consentFormLabel, purposeAim, sectionExplain, sectionLabel } from './labels';
import { addDays, chosenBasis, chosenConsentId, type ReferralDraft } from './referralDraft';
import { RadioChoices } from './ReferralSteps';

interface Props {
  draft: ReferralDraft;
  onChange: (d: ReferralDraft) => void;
  errors: (field: string) => string[] | undefined;
  personCode: string;
  bases: BasisRule[];
  consents: LedgerConsent[];
  responseDays: number | undefined;
  senderKind: string;
}

export function SummaryStep({ draft, onChange, errors, personCode, bases, consents, responseDays, senderKind }: Props) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const consentId = chosenConsentId(draft.basis);
  const consent = consents.find((c) => c.id === consentId);
  const rule = chosenBasis(bases, draft.basis);
  const recipient = draft.recipient?.name ?? '';
  return (
    <>
      <section aria-labelledby="referral-summary-title" className="referral-summary">
        <h4 id="referral-summary-title">{t('referral.summary.title')}</h4>
        <p>{t('referral.summary.who', { person: personCode, recipient, aim: purposeAim(i18n, draft.purpose) })}</p>
        <p>{t('referral.summary.what')}</p>
        <ul>
          {draft.sections.map((s) => (
            <li key={s}><strong>{sectionLabel(i18n, s)}</strong>: {sectionExplain(i18n, s)}</li>
          ))}
        </ul>
        {consent ? (
          <p>{t('referral.summary.whyConsent', { person: personCode, date: formatDate(consent.given_on), form: consentFormLabel(i18n, consent.form) })}</p>
        ) : null}
        {rule && !consent ? <p>{t('referral.summary.whyBasis', { title: basisTitle(i18n, rule) })}</p> : null}
        {rule ? <p>{t('referral.summary.reference', { reference: basisReference(i18n, rule) })}</p> : null}
        {!consent && draft.justification.trim() ? (
          <p className="pre-line" dir="auto">{t('referral.summary.justification', { text: draft.justification.trim() })}</p>
        ) : null}
        {!consent && draft.immediateDanger ? <p>{t('referral.summary.immediateDanger')}</p> : null}
        {responseDays !== undefined ? (
          <p>{t('referral.summary.respondBy', { recipient, date: formatDate(addDays(todayInSweden(), responseDays)) })}</p>
        ) : null}
        <p>{t('referral.summary.sealed')}</p>
        <p>{t('referral.summary.protected')}</p>
        <p>{t('referral.summary.audit')}</p>
      </section>
      <SupportNotice senderKind={senderKind} recipientKind={draft.recipient?.kind} />
      <FieldGroup id="referral-delivery" label={t('referral.field.delivery')} errors={errors('delivery')}>
        <RadioChoices name="referral-delivery" value={draft.delivery} onChange={(delivery) => { onChange({ ...draft, delivery }); }}
          options={[
            { value: '', label: t('referral.delivery.auto'), hint: t('referral.delivery.auto.hint') },
            { value: 'in_app', label: t('referral.delivery.in_app'), hint: t('referral.delivery.in_app.hint') },
            { value: 'other_means', label: t('referral.delivery.other_means'), hint: t('referral.delivery.other_means.hint') },
          ]} />
      </FieldGroup>
    </>
  );
}
