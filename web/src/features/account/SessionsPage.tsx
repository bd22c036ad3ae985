// /account/sessions: where I am logged in; end one session, or all of them.
import { useState } from 'react';
import { Link } from 'react-router';
import type { SessionSummary } from '../../api/accountTypes';
import { meApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, type Column } from '../../components/DataTable';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { useSession } from '../auth/sessionState';

export function SessionsPage() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t('sessions.title'));
  const session = useSession();
  const { data, error, reload } = useApi(meApi.sessions);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const end = async (id: string, current: boolean) => {
    setBusy(true);
    setActionError(null);
    setMessage(null);
    try {
      await meApi.endSession(id);
      if (current) {
        session.ended();
        return;
      }
      setMessage(t('sessions.ended'));
      reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };
  const endAll = async () => {
    setBusy(true);
    setActionError(null);
    try {
      await meApi.endAllSessions();
      session.ended();
    } catch (e) {
      setActionError(e);
      setBusy(false);
    }
  };

  const columns: Column<SessionSummary>[] = [
    {
      id: 'client',
      header: t('sessions.col.client'),
      cell: (s) => (
        <>
          {s.client || t('sessions.unknownClient')}
          {s.current ? <span className="badge badge--active badge--inline">{t('sessions.current')}</span> : null}
        </>
      ),
    },
    { id: 'created', header: t('sessions.col.created'), cell: (s) => formatDateTime(s.created_at) },
    { id: 'lastSeen', header: t('sessions.col.lastSeen'), cell: (s) => formatDateTime(s.last_seen_at) },
    { id: 'expires', header: t('sessions.col.expires'), cell: (s) => formatDateTime(s.expires_at) },
    {
      id: 'end',
      header: t('sessions.col.actions'),
      hideHeader: true,
      cell: (s) => (
        <button type="button" className="button button--secondary button--small" disabled={busy}
          onClick={() => void end(s.id, s.current)}>
          {s.current ? t('sessions.endCurrent') : t('sessions.end')}
          <span className="visually-hidden"> {t('sessions.endWhich', { client: s.client, created: formatDateTime(s.created_at) })}</span>
        </button>
      ),
    },
  ];

  return (
    <>
      <p className="breadcrumb">
        <Link to="/account">{t('account.back')}</Link>
      </p>
      <h1>{t('sessions.title')}</h1>
      <p className="lead">{t('sessions.intro')}</p>
      <StatusMessage message={message} />
      {actionError ? <ProblemAlert error={actionError} /> : null}
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      {!data && !error ? <Loading /> : null}
      {data ? (
        <DataTable caption={t('sessions.caption', { count: data.items.length })} columns={columns} rows={data.items}
          rowKey={(s) => s.id} />
      ) : null}
      <h2>{t('sessions.everywhere.title')}</h2>
      <p>{t('sessions.everywhere.body')}</p>
      <ConfirmButton label={t('sessions.everywhere.button')} question={t('sessions.everywhere.question')}
        confirmLabel={t('sessions.everywhere.confirm')} busy={busy} onConfirm={endAll} />
    </>
  );
}
