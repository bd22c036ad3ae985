// A referral's facts as either side sees them: who sent it to whom and why, on which legal basis (title,
// reference, justification), what it shares and what it withholds, its status and dates. Shared by the
// referral page and the printable summary.
import type { Referral } from '../../api/referralTypes';
import { useI18n } from '../../i18n/context';
import {
  basisReference, basisTitle, deliveryLabel, outcomeLabel, purposeLabel, sectionExplain, sectionLabel, statusClass, statusLabel,
} from './labels';
import { RespondBy } from './SentReferrals';

/** The warning a recipient must not overlook: the person has protected personal data. */
export function ProtectedWarning({ r }: { r: Pick<Referral, 'protected_warning' | 'withheld' | 'strip_places'> }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!r.protected_warning && !r.withheld.length && !r.strip_places) return null;
  return (
    <div className="alert alert--warning" role="note" aria-labelledby="protected-warning-title">
      <h2 id="protected-warning-title">{r.protected_warning ? t('referral.protected.title') : t('referral.withheld.title')}</h2>
      {r.protected_warning ? <p>{t('referral.protected.body')}</p> : null}
      {r.strip_places ? <p>{t('referral.stripPlaces')}</p> : null}
      {r.withheld.length ? (
        <p>{t('referral.withheld.list', { sections: r.withheld.map((s) => sectionLabel(i18n, s)).join(', ') })}</p>
      ) : null}
    </div>
  );
}

export function ReferralDetails({ r }: { r: Referral }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  return (
    <>
      <dl className="details">
        <dt>{t('referral.field.code')}</dt>
        <dd>{r.code}</dd>
        <dt>{t('referral.field.sender')}</dt>
        <dd dir="auto">{r.sender.name}{r.sent_by.name ? ` (${r.sent_by.name})` : ''}</dd>
        <dt>{t('referral.field.recipient')}</dt>
        <dd dir="auto">{r.recipient.name}</dd>
        {r.person ? (
          <>
            <dt>{t('referral.field.person')}</dt>
            <dd>{r.person.code}{r.source.case_code ? ` · ${t('referral.fromCase', { code: r.source.case_code })}` : ''}</dd>
          </>
        ) : null}
        <dt>{t('referral.field.purpose')}</dt>
        <dd>{purposeLabel(i18n, r.purpose)}</dd>
        <dt>{t('referral.field.status')}</dt>
        <dd><span className={statusClass(r.status)}>{statusLabel(i18n, r.status)}</span></dd>
        <dt>{t('referral.field.sentOn')}</dt>
        <dd>{formatDate(r.sent_on)}</dd>
        <dt>{t('referral.field.respondBy')}</dt>
        <dd><RespondBy r={r} /></dd>
        {r.answered_on ? (
          <>
            <dt>{t('referral.field.answeredOn')}</dt>
            <dd>{formatDate(r.answered_on)}</dd>
          </>
        ) : null}
        {r.status === 'declined' && r.decline_reason ? (
          <>
            <dt>{t('referral.field.declineReason')}</dt>
            <dd className="pre-line" dir="auto">{r.decline_reason}</dd>
          </>
        ) : null}
        {r.completed_on ? (
          <>
            <dt>{t('referral.field.completed')}</dt>
            <dd>{t('referral.completedText', { date: formatDate(r.completed_on), outcome: outcomeLabel(i18n, r.outcome) })}</dd>
          </>
        ) : null}
        <dt>{t('referral.field.delivery')}</dt>
        <dd>{deliveryLabel(i18n, r.delivery)}</dd>
      </dl>
      <h2>{t('referral.basis.heading')}</h2>
      <dl className="details">
        <dt>{t('referral.field.basis')}</dt>
        <dd>{basisTitle(i18n, r.basis)}</dd>
        <dt>{t('referral.field.reference')}</dt>
        <dd>{basisReference(i18n, r.basis)}</dd>
        {r.consent_id ? (
          <>
            <dt>{t('referral.field.consent')}</dt>
            <dd>{t('referral.consentRecorded')}</dd>
          </>
        ) : null}
        {r.justification ? (
          <>
            <dt>{t('referral.field.justification')}</dt>
            <dd className="pre-line" dir="auto">{r.justification}</dd>
          </>
        ) : null}
      </dl>
      {r.basis.needs_check ? <p className="muted">{t('referral.basis.needsCheck')}</p> : null}
      <h2>{t('referral.shared.heading')}</h2>
      <ul>
        {r.sections.map((s) => (
          <li key={s}><strong>{sectionLabel(i18n, s)}</strong>: {sectionExplain(i18n, s)}</li>
        ))}
      </ul>
      {r.withheld.length ? (
        <p>{t('referral.withheld.list', { sections: r.withheld.map((s) => sectionLabel(i18n, s)).join(', ') })}</p>
      ) : null}
    </>
  );
}
