// /tokens: the organisation's API tokens for integrations — list, create (the secret is shown once),
// revoke.
import { useState } from 'react';
import type { ApiToken, CreatedToken } from '../../api/accountTypes';
import { tokenApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyButton } from '../../components/CopyButton';
import { DataTable, type Column } from '../../components/DataTable';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { CreateTokenForm } from './CreateTokenForm';

export type TokenStatus = 'active' | 'revoked' | 'expired';

export function tokenStatus(token: ApiToken, now: number = Date.now()): TokenStatus {
  if (token.revoked_at) return 'revoked';
  const expires = Date.parse(token.expires_at);
  return !Number.isNaN(expires) && expires <= now ? 'expired' : 'active';
}

export function TokensPage() {
  const { t, tDynamic, formatDateTime } = useI18n();
  usePageTitle(t('tokens.title'));
  const { data, error, reload } = useApi(tokenApi.list);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const revoke = async (token: ApiToken) => {
    setBusy(true);
    setActionError(null);
    setMessage(null);
    try {
      await tokenApi.revoke(token.id);
      setMessage(t('tokens.revoked', { name: token.name }));
      reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<ApiToken>[] = [
    { id: 'name', header: t('tokens.field.name'), cell: (tok) => tok.name },
    { id: 'actions', header: t('tokens.field.actions'), cell: (tok) => tok.actions.map((a) => tDynamic(`tokenAction.${a}`, a)).join(', ') },
    { id: 'created', header: t('tokens.col.created'), cell: (tok) => formatDateTime(tok.created_at) },
    { id: 'expires', header: t('tokens.field.expires'), cell: (tok) => formatDateTime(tok.expires_at) },
    { id: 'lastUsed', header: t('tokens.col.lastUsed'), cell: (tok) => (tok.last_used_at ? formatDateTime(tok.last_used_at) : t('tokens.neverUsed')) },
    { id: 'status', header: t('user.field.status'), cell: (tok) => t(`tokens.status.${tokenStatus(tok)}`) },
    {
      id: 'revoke',
      header: t('sessions.col.actions'),
      hideHeader: true,
      cell: (tok) =>
        tokenStatus(tok) === 'active' ? (
          <ConfirmButton label={t('tokens.revoke', { name: tok.name })} question={t('tokens.revokeQuestion', { name: tok.name })}
            confirmLabel={t('tokens.revokeConfirm')} busy={busy} secondary onConfirm={() => revoke(tok)} />
        ) : null,
    },
  ];

  return (
    <>
      <h1>{t('tokens.title')}</h1>
      <p className="lead">{t('tokens.intro')}</p>
      <StatusMessage message={message} />
      {actionError ? <ProblemAlert error={actionError} /> : null}
      {created ? (
        <section className="alert alert--success one-time" aria-labelledby="token-created-title">
          <h2 id="token-created-title">{t('tokens.created.title', { name: created.name })}</h2>
          <p>{t('tokens.created.body')}</p>
          <p className="secret">
            <code id="created-token">{created.token}</code>
          </p>
          <CopyButton value={created.token} label={t('tokens.created.copy')} />
        </section>
      ) : null}
      <h2 id="tokens-list-title">{t('tokens.list')}</h2>
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      {!data && !error ? <Loading /> : null}
      {data?.items.length === 0 ? <p>{t('tokens.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <DataTable caption={t('tokens.list')} labelledBy="tokens-list-title" columns={columns} rows={data.items}
          rowKey={(tok) => tok.id} />
      ) : null}
      <CreateTokenForm onCreated={(tok) => { setCreated(tok); setMessage(null); reload(); }} />
    </>
  );
}
