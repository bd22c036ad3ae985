// The referrals sent from a case: code, person, recipient, purpose, status, the day the recipient
// should answer by (overdue stands out), and the legal basis. The team withdraws one still awaiting
// an answer; one sent by other means has its printable summary.
import { useState } from 'react';
import { Link } from 'react-router';
import type { Referral } from '../../api/referralTypes';
import type { ItemList } from '../../api/types';
import type { ApiState } from '../../api/useApi';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, type Column } from '../../components/DataTable';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { basisTitle, purposeLabel, statusClass, statusLabel } from './labels';
import { referralApi } from './referralApi';

interface Props {
  list: ApiState<ItemList<Referral>>;
  editable: boolean;
  onChanged: (message: string) => void;
}

/** "21 November 2026", and "overdue" beside it when the answer is late. */
export function RespondBy({ r }: { r: Pick<Referral, 'respond_by' | 'overdue' | 'status'> }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      {formatDate(r.respond_by)}
      {r.overdue && r.status === 'sent' ? <span className="badge badge--damaged badge--inline">{t('referral.overdue')}</span> : null}
    </>
  );
}

export function SentReferrals({ list, editable, onChanged }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const withdraw = async (r: Referral) => {
    setBusy(true);
    setFailure(null);
    try {
      await referralApi.withdraw(r.id, r.version);
      onChanged(t('referral.withdrawn', { code: r.code }));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  const columns: Column<Referral>[] = [
    { id: 'code', header: t('referral.col.code'), cell: (r) => <Link to={`/referrals/${r.id}`}>{r.code}</Link> },
    { id: 'person', header: t('referral.col.person'), cell: (r) => r.person?.code ?? '' },
    { id: 'recipient', header: t('referral.col.recipient'), cell: (r) => <span dir="auto">{r.recipient.name}</span> },
    { id: 'purpose', header: t('referral.col.purpose'), cell: (r) => purposeLabel(i18n, r.purpose) },
    { id: 'status', header: t('referral.col.status'), cell: (r) => <span className={statusClass(r.status)}>{statusLabel(i18n, r.status)}</span> },
    { id: 'respondBy', header: t('referral.col.respondBy'), cell: (r) => <RespondBy r={r} /> },
    { id: 'basis', header: t('referral.col.basis'), cell: (r) => basisTitle(i18n, r.basis) },
    {
      id: 'actions', header: t('referral.col.actions'), hideHeader: true,
      cell: (r) => (
        <>
          {r.delivery === 'other_means' ? (
            <p><Link to={`/referrals/${r.id}/print`}>{t('referral.printLink')}<span className="visually-hidden"> {r.code}</span></Link></p>
          ) : null}
          {editable && r.status === 'sent' ? (
            <ConfirmButton secondary busy={busy} label={t('referral.withdraw', { code: r.code })}
              question={t('referral.withdraw.question', { code: r.code, name: r.recipient.name })}
              confirmLabel={t('referral.withdraw.confirm')} onConfirm={() => withdraw(r)} />
          ) : null}
        </>
      ),
    },
  ];
  return (
    <section aria-labelledby="sent-referrals-title">
      <h3 id="sent-referrals-title">{t('referral.sent.title')}</h3>
      {failure ? <ProblemAlert error={failure} /> : null}
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.items.length === 0 ? <p>{t('referral.sent.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <DataTable caption={t('referral.sent.caption')} labelledBy="sent-referrals-title" columns={columns} rows={list.data.items}
          rowKey={(r) => r.id} compact />
      ) : null}
    </section>
  );
}
