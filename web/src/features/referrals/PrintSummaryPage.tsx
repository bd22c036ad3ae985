// /referrals/:id/print: the printable summary of a referral to an organisation that does not use
// OpenNRM (sent by other means): exactly what was consented to and disclosed, the legal basis with its
// reference, the sender's name and contact, the referral's code and dates, and the package's contents.
// Printed without the app's header, navigation and footer (the @media print rules in styles/app.css);
// the browser's print dialog saves it as a PDF.
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { orgApi } from '../../api/endpoints';
import type { LedgerConsent, PackageAnswer, Referral } from '../../api/referralTypes';
import type { Organisation } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { interpreterText } from '../cases/ConversationPanel';
import { consentFormLabel, purposeLabel, sectionList } from './labels';
import { PackageView } from './PackageView';
import { ledgerApi, referralApi } from './referralApi';
import { ProtectedWarning, ReferralDetails } from './ReferralDetails';

interface Printable {
  referral: Referral;
  pkg: PackageAnswer | null;
  sender: Organisation | null;
  consent: LedgerConsent | null;
}

async function loadPrintable(id: string, signal: AbortSignal): Promise<Printable> {
  const referral = await referralApi.get(id, signal);
  const [pkg, sender, consent] = await Promise.all([
    referral.package_available ? referralApi.package(id, signal) : Promise.resolve(null),
    orgApi.get(referral.sender.id, signal).catch(() => null),
    referral.consent_id && referral.source.id
      ? ledgerApi.list(referral.source.id, signal).then((l) => l.items.find((c) => c.id === referral.consent_id) ?? null, () => null)
      : Promise.resolve(null),
  ]);
  return { referral, pkg, sender, consent };
}

export function PrintSummaryPage() {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { id = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => loadPrintable(id, signal), [id]);
  const { data, error, reload } = useApi(load);
  usePageTitle(data ? t('print.title', { code: data.referral.code }) : t('state.loading'));
  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const { referral: r, pkg, sender, consent } = data;
  const contact = sender?.contact;

  return (
    <article className="referral-print">
      <div className="print-actions">
        <p className="breadcrumb"><Link to={`/referrals/${r.id}`}>{t('print.back')}</Link></p>
        <div className="page-actions">
          <button type="button" className="button" onClick={() => { window.print(); }}>{t('print.button')}</button>
          <a className="button button--secondary" href={`/api/v1/referrals/${encodeURIComponent(r.id)}/summary.pdf?lang=${i18n.lang}`} download>
            {t('print.pdf')}
          </a>
        </div>
        <p className="muted">{t('print.pdfHint')}</p>
      </div>
      <h1>{t('print.title', { code: r.code })}</h1>
      <p className="lead">{t('print.intro', { sender: r.sender.name, recipient: r.recipient.name, purpose: purposeLabel(i18n, r.purpose) })}</p>
      <ProtectedWarning r={r} />
      <section aria-labelledby="print-sender-title">
        <h2 id="print-sender-title">{t('print.sender')}</h2>
        <dl className="details">
          <dt>{t('print.sender.name')}</dt>
          <dd dir="auto">{r.sender.name}</dd>
          {r.sent_by.name ? (
            <>
              <dt>{t('print.sender.person')}</dt>
              <dd dir="auto">{r.sent_by.name}</dd>
            </>
          ) : null}
          {contact?.phone ? (<><dt>{t('print.sender.phone')}</dt><dd>{contact.phone}</dd></>) : null}
          {contact?.email ? (<><dt>{t('print.sender.email')}</dt><dd>{contact.email}</dd></>) : null}
          {contact?.postal_address ? (<><dt>{t('print.sender.address')}</dt><dd className="pre-line">{contact.postal_address}</dd></>) : null}
          {contact?.website ? (<><dt>{t('print.sender.website')}</dt><dd>{contact.website}</dd></>) : null}
        </dl>
      </section>
      <ReferralDetails r={r} />
      {consent ? (
        <section aria-labelledby="print-consent-title">
          <h2 id="print-consent-title">{t('print.consent')}</h2>
          <p>{t('print.consent.text', {
            person: consent.person_code, date: formatDate(consent.given_on), recipient: consent.recipient_name,
            purpose: purposeLabel(i18n, consent.purpose), sections: sectionList(i18n, consent.sections),
          })}</p>
          <p>{t('print.consent.how', { form: consentFormLabel(i18n, consent.form), language: consent.language, interpreter: interpreterText(i18n, consent.interpreter) })}</p>
          {consent.status === 'revoked' ? <p><strong>{t('ledger.status.revoked', { date: formatDate(consent.revoked_on ?? '') })}</strong></p> : null}
        </section>
      ) : null}
      <section aria-labelledby="print-package-title">
        <h2 id="print-package-title">{t('print.package')}</h2>
        {pkg ? <PackageView doc={pkg.package} /> : <p>{t('print.noPackage')}</p>}
      </section>
      <p className="muted">{t('print.footer', { code: r.code, date: formatDate(r.sent_on) })}</p>
    </article>
  );
}
