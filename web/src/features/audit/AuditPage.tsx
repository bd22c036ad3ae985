// /audit: the audit log for auditors (their organisation) and national auditors (everything), with
// filters, paging and the latest signed checkpoint.
import { useCallback, useState, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AuditEvent, Checkpoint } from '../../api/accountTypes';
import { auditApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { TextField } from '../../components/fields';
import { Pagination } from '../../components/Pagination';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { TableScroll } from '../../components/TableScroll';
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

function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  const { t, tDynamic, formatDateTime } = useI18n();
  return (
    <TableScroll labelledBy="audit-results-title">
      <table className="data-table data-table--compact">
        <caption className="visually-hidden">{t('audit.events')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{t('audit.col.seq')}</th>
            <th scope="col">{t('audit.col.at')}</th>
            <th scope="col">{t('audit.col.actor')}</th>
            <th scope="col">{t('audit.col.action')}</th>
            <th scope="col">{t('audit.col.outcome')}</th>
            <th scope="col">{t('audit.col.objects')}</th>
            <th scope="col">{t('audit.col.purpose')}</th>
            <th scope="col">{t('audit.col.request')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.seq}>
              <th scope="row" className="num">{e.seq}</th>
              <td>{formatDateTime(e.at)}</td>
              <td>
                {e.actor_user_id ? <code className="hash">{e.actor_user_id}</code> : null}
                {e.actor_token_id ? <>{t('audit.token')} <code className="hash">{e.actor_token_id}</code></> : null}
                {!e.actor_user_id && !e.actor_token_id ? t('audit.system') : null}
                {e.roles.length ? <span className="muted"> ({e.roles.map((r) => tDynamic(`role.${r}`, r)).join(', ')})</span> : null}
                {e.organisation_id ? <span className="muted"> · {t('audit.orgShort')} <code className="hash">{e.organisation_id}</code></span> : null}
              </td>
              <td><code>{e.action}</code></td>
              <td>{tDynamic(`audit.outcome.${e.outcome}`, e.outcome)}</td>
              <td>
                <ul className="plain-list">
                  {e.objects.map((o, i) => (
                    <li key={i}>
                      {o.type} <code className="hash">{o.id}</code>
                      {o.sections?.length ? <span className="muted"> [{o.sections.join(', ')}]</span> : null}
                    </li>
                  ))}
                </ul>
              </td>
              <td>{e.purpose ? tDynamic(`audit.purpose.${e.purpose}`, e.purpose) : ''}</td>
              <td>{e.request_id ? <code className="hash">{e.request_id}</code> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
