// /audit: the audit log for auditors (their organisation) and national auditors (everything), with
// filters, paging and the latest signed checkpoint. An entry that no longer decodes (`intact: false`)
// is shown as damaged, and the page says first that the log does not verify.
import { useCallback, useState, type ReactNode, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AuditEvent, Checkpoint } from '../../api/accountTypes';
import { auditApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { TextField } from '../../components/fields';
import { Pagination } from '../../components/Pagination';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { activeUser, hasRole } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { OrganisationPicker } from '../users/OrganisationPicker';
import { AUDIT_PAGE_SIZE, auditApiQuery, auditFiltersFromParams, paramsFromAuditFilters, type AuditFilters } from './query';

const latestCheckpoint = async (signal: AbortSignal): Promise<Checkpoint | null> =>
  (await auditApi.checkpoints(1, signal)).items[0] ?? null;

export function AuditPage() {
  const { t } = useI18n();
  usePageTitle(t('audit.title'));
  const me = activeUser(useSession().state);
  const national = me ? hasRole(me, 'national_auditor') : false;
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = auditFiltersFromParams(new URLSearchParams(key));
  const load = useCallback(
    (signal: AbortSignal) => auditApi.events(auditApiQuery(auditFiltersFromParams(new URLSearchParams(key))), signal),
    [key],
  );
  const { data, error, reload } = useApi(load);
  const hrefFor = (page: number) => {
    const s = paramsFromAuditFilters({ ...filters, page }).toString();
    return s ? `/audit?${s}` : '/audit';
  };

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="lead">{national ? t('audit.introNational') : t('audit.intro')}</p>
      <CheckpointCard />
      <AuditFilterForm key={key} filters={filters} national={national}
        onSearch={(f) => { setParams(paramsFromAuditFilters(f)); }} />
      <section aria-labelledby="audit-results-title">
        <h2 id="audit-results-title">{t('audit.events')}</h2>
        <p role="status" className="results-count">{data ? t('audit.count', { count: data.total }) : ''}</p>
        {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
        {!data && !error ? <Loading /> : null}
        {data?.items.length === 0 ? <p>{t('audit.none')}</p> : null}
        {data ? <NotVerifiedAlert events={data.items} /> : null}
        {data && data.items.length > 0 ? <AuditTable events={data.items} /> : null}
        {data ? <Pagination page={filters.page} pages={Math.ceil(data.total / AUDIT_PAGE_SIZE)} hrefFor={hrefFor} /> : null}
      </section>
    </>
  );
}

function CheckpointCard() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const { data, error, reload } = useApi(latestCheckpoint);
  return (
    <section className="checkpoint" aria-labelledby="checkpoint-title">
      <h2 id="checkpoint-title">{t('audit.checkpoint.title')}</h2>
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      {data === undefined && !error ? <Loading /> : null}
      {data === null ? <p>{t('audit.checkpoint.none')}</p> : null}
      {data ? (
        <dl className="details">
          <dt>{t('audit.checkpoint.time')}</dt>
          <dd>{formatDateTime(data.time)}</dd>
          <dt>{t('audit.checkpoint.size')}</dt>
          <dd>{formatNumber(data.size)}</dd>
          <dt>{t('audit.checkpoint.root')}</dt>
          <dd><code className="hash">{data.root}</code></dd>
          <dt>{t('audit.checkpoint.key')}</dt>
          <dd><code className="hash">{data.key_id}</code></dd>
          <dt>{t('audit.checkpoint.signature')}</dt>
          <dd><code className="hash">{data.signature}</code></dd>
        </dl>
      ) : null}
      <p className="muted">{t('audit.checkpoint.hint')}</p>
    </section>
  );
}

function AuditFilterForm({ filters, national, onSearch }: { filters: AuditFilters; national: boolean; onSearch: (f: AuditFilters) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(filters);
  const set = (patch: Partial<AuditFilters>) => {
    setDraft((d) => ({ ...d, ...patch }));
  };
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    onSearch({ ...draft, page: 0 });
  };
  return (
    <search className="filters filters--wide" aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title">{t('dir.filters')}</h2>
      <form onSubmit={submit}>
        <div className="field-row">
          <TextField id="audit-from" type="datetime-local" label={t('audit.from')} value={draft.from} onChange={(from) => { set({ from }); }} />
          <TextField id="audit-to" type="datetime-local" label={t('audit.to')} value={draft.to} onChange={(to) => { set({ to }); }} />
        </div>
        <div className="field-row">
          <TextField id="audit-actor" label={t('audit.actor')} hint={t('audit.idHint')} spellCheck={false} value={draft.actor}
            onChange={(actor) => { set({ actor }); }} />
          <TextField id="audit-action" label={t('audit.action')} hint={t('audit.actionHint')} spellCheck={false} value={draft.action}
            onChange={(action) => { set({ action }); }} />
        </div>
        <div className="field-row">
          <TextField id="audit-object-type" label={t('audit.objectType')} hint={t('audit.objectTypeHint')} spellCheck={false}
            value={draft.objectType} onChange={(objectType) => { set({ objectType }); }} />
          <TextField id="audit-object-id" label={t('audit.objectId')} hint={t('audit.idHint')} spellCheck={false}
            value={draft.objectId} onChange={(objectId) => { set({ objectId }); }} />
        </div>
        {national ? (
          <OrganisationPicker id="audit-organisation" label={t('user.field.organisation')} hint={t('users.organisationHint')}
            value={draft.organisation} onChange={(o) => { set({ organisation: o?.id ?? '' }); }} />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button">{t('dir.search')}</button>
          <Link to="/audit" className="button button--secondary">{t('dir.clear')}</Link>
        </div>
      </form>
    </search>
  );
}

/** The damaged entries of a page, if any: the log does not verify, and the auditor must hear so first. */
function NotVerifiedAlert({ events }: { events: readonly AuditEvent[] }) {
  const { t } = useI18n();
  const damaged = events.filter((e) => !e.intact).map((e) => e.seq);
  if (damaged.length === 0) return null;
  return (
    <div className="alert alert--error" role="alert" aria-labelledby="audit-not-verified-title">
      <h3 id="audit-not-verified-title">{t('audit.notVerified.title')}</h3>
      <p>{t('audit.notVerified.body', { count: damaged.length, seqs: damaged.join(', ') })}</p>
      <p>{t('audit.notVerified.action')}</p>
    </div>
  );
}

function Actor({ e }: { e: AuditEvent }) {
  const { t, tDynamic } = useI18n();
  return (
    <>
      {e.actor_user_id ? <code className="hash">{e.actor_user_id}</code> : null}
      {e.actor_token_id ? <>{t('audit.token')} <code className="hash">{e.actor_token_id}</code></> : null}
      {!e.actor_user_id && !e.actor_token_id ? t('audit.system') : null}
      {e.roles.length ? <span className="muted"> ({e.roles.map((r) => tDynamic(`role.${r}`, r)).join(', ')})</span> : null}
      {e.organisation_id ? <span className="muted"> · {t('audit.orgShort')} <code className="hash">{e.organisation_id}</code></span> : null}
    </>
  );
}

function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  const { t, tDynamic, formatDateTime } = useI18n();
  // A damaged entry is its number and a clear word that it cannot be read; nothing else of it is known.
  const intact = (render: (e: AuditEvent) => ReactNode) => (e: AuditEvent) => (e.intact ? render(e) : null);
  const columns: Column<AuditEvent>[] = [
    { id: 'seq', header: t('audit.col.seq'), className: 'num', cell: (e) => e.seq },
    {
      id: 'at',
      header: t('audit.col.at'),
      cell: (e) =>
        e.intact ? (e.at ? formatDateTime(e.at) : null) : (
          <>
            <strong className="badge badge--damaged">{t('audit.damaged')}</strong>
            <span className="muted"> {t('audit.damagedDetail')}</span>
          </>
        ),
    },
    { id: 'actor', header: t('audit.col.actor'), cell: intact((e) => <Actor e={e} />) },
    { id: 'action', header: t('audit.col.action'), cell: (e) => (e.action ? <code>{e.action}</code> : null) },
    { id: 'outcome', header: t('audit.col.outcome'), cell: (e) => (e.outcome ? tDynamic(`audit.outcome.${e.outcome}`, e.outcome) : null) },
    {
      id: 'objects',
      header: t('audit.col.objects'),
      cell: (e) =>
        e.objects.length ? (
          <ul className="plain-list">
            {e.objects.map((o, i) => (
              <li key={i}>
                {o.type} <code className="hash">{o.id}</code>
                {o.sections.length ? <span className="muted"> [{o.sections.join(', ')}]</span> : null}
              </li>
            ))}
          </ul>
        ) : null,
    },
    { id: 'purpose', header: t('audit.col.purpose'), cell: (e) => (e.purpose ? tDynamic(`audit.purpose.${e.purpose}`, e.purpose) : null) },
    { id: 'request', header: t('audit.col.request'), cell: (e) => (e.request_id ? <code className="hash">{e.request_id}</code> : null) },
  ];
  return (
    <DataTable caption={t('audit.events')} labelledBy="audit-results-title" columns={columns} rows={events}
      rowKey={(e) => e.seq} rowClassName={(e) => (e.intact ? undefined : 'row--damaged')} compact />
  );
}
