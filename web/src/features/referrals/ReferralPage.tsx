// /referrals/:id: one referral, for its sender's case readers and its recipient's case workers: the
// protected-person warning first, the legal basis, what it shares and withholds, the package's contents
// read-only, its history, and the actions of each side (the recipient accepts, declines or completes;
// the sender withdraws while it awaits an answer, and prints the summary of one sent by other means).
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import type { Referral } from '../../api/referralTypes';
import { useApi } from '../../api/useApi';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { activeUser } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { stepLabel } from './labels';
import { PackageView } from './PackageView';
import { AcceptForm, CompleteForm, DeclineForm } from './ReferralActions';
import { referralApi } from './referralApi';
import { ProtectedWarning, ReferralDetails } from './ReferralDetails';

export function ReferralPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => referralApi.get(id, signal), [id]);
  const { data, error, reload } = useApi(load);
  const [changed, setChanged] = useState<Referral | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const user = activeUser(useSession().state);
  const r = changed?.id === id ? changed : data;
  const notFound = isApiError(error) && error.kind === 'not-found';
  usePageTitle(r ? t('referral.page.title', { code: r.code }) : notFound ? t('referral.notFound.title') : t('state.loading'));

  if (notFound) {
    return (
      <>
        <h1>{t('referral.notFound.title')}</h1>
        <p>{t('referral.notFound.body')}</p>
        <p><Link to="/referrals/inbox">{t('inbox.back')}</Link></p>
      </>
    );
  }
  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!r) return <Loading />;

  const own = user?.organisation.id;
  const recipientSide = own === r.recipient.id;
  const senderSide = own === r.sender.id;
  const done = (next: Referral, note: string) => {
    setChanged(next);
    setMessage(note);
  };

  return (
    <article>
      {recipientSide ? <p className="breadcrumb"><Link to="/referrals/inbox">{t('inbox.back')}</Link></p> : null}
      {!recipientSide && r.source.id ? (
        <p className="breadcrumb"><Link to={`/cases/${r.source.id}#referrals-title`}>{t('referral.backToCase')}</Link></p>
      ) : null}
      <h1>{t('referral.page.title', { code: r.code })}</h1>
      <ProtectedWarning r={r} />
      <StatusMessage message={message} />
      {r.recipient_case_id && recipientSide ? (
        <p><Link to={`/cases/${r.recipient_case_id}`}>{t('referral.openCase')}</Link></p>
      ) : null}
      {r.delivery === 'other_means' && senderSide ? (
        <p><Link to={`/referrals/${r.id}/print`}>{t('referral.printLink')}</Link></p>
      ) : null}
      <ReferralDetails r={r} />
      {senderSide && r.status === 'sent' && r.source.id ? (
        <WithdrawAction r={r} onDone={done} />
      ) : null}
      <PackageSection r={r} />
      {recipientSide && r.status === 'sent' ? (
        <section aria-labelledby="answer-title">
          <h2 id="answer-title">{t('referral.answer.title')}</h2>
          <AcceptForm r={r} onDone={done} />
          <DeclineForm r={r} onDone={done} />
        </section>
      ) : null}
      {recipientSide && r.status === 'accepted' ? <CompleteForm r={r} onDone={done} /> : null}
      <History r={r} />
    </article>
  );
}

function WithdrawAction({ r, onDone }: { r: Referral; onDone: (next: Referral, note: string) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const withdraw = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onDone(await referralApi.withdraw(r.id, r.version), t('referral.withdrawn', { code: r.code }));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {failure ? <ProblemAlert error={failure} /> : null}
      <ConfirmButton secondary busy={busy} label={t('referral.withdraw', { code: r.code })}
        question={t('referral.withdraw.question', { code: r.code, name: r.recipient.name })}
        confirmLabel={t('referral.withdraw.confirm')} onConfirm={withdraw} />
    </>
  );
}

/** The package's contents, read-only, while the caller's side may open it. */
function PackageSection({ r }: { r: Referral }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="package-title">
      <h2 id="package-title">{t('package.title')}</h2>
      {r.package_available ? <PackageLoader id={r.id} version={r.version} /> : <p>{t(packageGoneKey(r.status))}</p>}
    </section>
  );
}

function packageGoneKey(status: string) {
  if (status === 'declined' || status === 'withdrawn') return 'package.deleted' as const;
  return 'package.notForYou' as const;
}

function PackageLoader({ id, version }: { id: string; version: number }) {
  const { t } = useI18n();
  // A new version (accepted, completed) reads the package again.
  const load = useCallback((signal: AbortSignal) => referralApi.package(id, signal), [id, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const { data, error, reload } = useApi(load);
  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <>
      <p className="muted">{t('package.readOnly')}</p>
      <PackageView doc={data.package} />
    </>
  );
}

function History({ r }: { r: Referral }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  if (!r.steps.length) return null;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('referral.history')}</h2>
      <ol>
        {r.steps.map((s, k) => (
          <li key={k}>
            {formatDateTime(new Date(s.at_us / 1000).toISOString())}: {stepLabel(i18n, s.step)}
            {s.by.name ? ` – ${s.by.name}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
