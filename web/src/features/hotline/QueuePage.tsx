// /hotline: the operators' queue. Views as tabs (new, mine, assigned, waiting for follow-up, overdue,
// closed, all) with their counts; immediate danger first and overdue rows highlighted; assign to me or
// to another operator, or back to the queue; filters for topic, municipality, channel and dates; paging
// as the case list (the server may cap the count).
import { useCallback, useState, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { SelectField, TextField } from '../../components/fields';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { activeUser } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { CasePagination } from '../cases/CasePagination';
import { MunicipalityPicker } from '../geo/MunicipalityPicker';
import { useGeoReference } from '../geo/useGeoReference';
import { consultationApi, hotlineApi } from './hotlineApi';
import { CHANNELS, QUEUE_VIEWS, TOPICS, type ConsultationSummary, type QueuePage as Page, type QueueView } from './hotlineTypes';
import { channelLabel, statusClass, statusLabel, topicLabel, urgencyLabel, viewLabel } from './labels';
import {
  isOverdue, paramsFromQueueFilters, QUEUE_PAGE_SIZE, queueApiQuery, queueFiltersFromParams, queueOrder, type QueueFilters,
} from './queueQuery';
import './hotline.css';

const loadOperators = (signal: AbortSignal) => hotlineApi.operators(signal);

/** The page the URL's query `key` names, stamped with when it arrived (for "respond by has passed"). */
async function loadQueuePage(key: string, signal: AbortSignal): Promise<Page & { loadedAtUs: number }> {
  const page = await consultationApi.list(queueApiQuery(queueFiltersFromParams(new URLSearchParams(key))), signal);
  return { ...page, loadedAtUs: Date.now() * 1000 };
}

function useQueuePage(key: string) {
  const load = useCallback((signal: AbortSignal) => loadQueuePage(key, signal), [key]);
  return useApi(load);
}

export function QueuePage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(t('hotline.queue.title'));
  const me = activeUser(useSession().state);
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = queueFiltersFromParams(new URLSearchParams(key));
  const { data, error, reload } = useQueuePage(key);
  const operators = useApi(loadOperators);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const hrefWith = (patch: Partial<QueueFilters>) => {
    const s = paramsFromQueueFilters({ ...filters, ...patch }).toString();
    return s ? `/hotline?${s}` : '/hotline';
  };

  const assign = async (c: ConsultationSummary, userId: string | null) => {
    setFailure(null);
    setMessage(null);
    try {
      // The summary carries no version: read the consultation for it first.
      const full = await consultationApi.get(c.id);
      const after = await consultationApi.assign(c.id, full.version, userId);
      setMessage(after.assigned_to ? t('hotline.queue.assigned', { code: c.code, name: after.assigned_to.name }) : t('hotline.queue.unassigned', { code: c.code }));
      reload();
    } catch (err) {
      setFailure(err);
    }
  };

  const rows = data ? queueOrder(data.items, data.loadedAtUs) : [];
  const columns: Column<ConsultationSummary>[] = [
    {
      id: 'code', header: t('hotline.col.code'),
      cell: (c) => (
        <>
          <Link to={`/hotline/consultations/${c.id}`}>{c.code}</Link>
          {c.immediate_danger ? <span className="badge badge--damaged badge--inline">{t('hotline.urgency.immediate_danger')}</span> : null}
        </>
      ),
    },
    { id: 'received', header: t('hotline.col.received'), cell: (c) => i18n.formatDateTime(new Date(c.received_at_us / 1000).toISOString()) },
    { id: 'topic', header: t('hotline.col.topic'), cell: (c) => topicLabel(i18n, c.topic) },
    { id: 'place', header: t('hotline.col.place'), cell: (c) => <PlaceName code={c.municipality_code} country={c.abroad_country} /> },
    { id: 'caller', header: t('hotline.col.caller'), cell: (c) => <span dir="auto">{c.caller_organisation?.name ?? ''}</span> },
    { id: 'channel', header: t('hotline.col.channel'), cell: (c) => channelLabel(i18n, c.channel) },
    { id: 'urgency', header: t('hotline.col.urgency'), cell: (c) => urgencyLabel(i18n, c.urgency) },
    { id: 'status', header: t('hotline.col.status'), cell: (c) => <span className={statusClass(c.status)}>{statusLabel(i18n, c.status)}</span> },
    {
      id: 'respondBy', header: t('hotline.col.respondBy'),
      cell: (c) => (
        <>
          {c.respond_by_us ? i18n.formatDateTime(new Date(c.respond_by_us / 1000).toISOString()) : ''}
          {data && isOverdue(c, data.loadedAtUs) ? <span className="badge badge--damaged badge--inline">{t('hotline.overdue')}</span> : null}
        </>
      ),
    },
    { id: 'followUps', header: t('hotline.col.followUps'), className: 'num', cell: (c) => c.open_follow_ups },
    {
      id: 'assigned', header: t('hotline.col.assigned'),
      cell: (c) => (
        <AssignCell c={c} meId={me?.id} operators={operators.data?.items ?? []} onAssign={(userId) => void assign(c, userId)} />
      ),
    },
  ];

  return (
    <div className="hotline-queue">
      <div className="page-head">
        <h1>{t('hotline.queue.title')}</h1>
        <div className="page-actions">
          <Link to="/hotline/new" className="button">{t('hotline.queue.new')}</Link>
        </div>
      </div>
      <p className="lead">{t('hotline.queue.intro')}</p>
      <nav className="queue-tabs" aria-label={t('hotline.queue.views')}>
        <ul>
          {QUEUE_VIEWS.map((v) => (
            <li key={v}>
              <Link to={hrefWith({ view: v, page: 0 })} aria-current={filters.view === v ? 'page' : undefined}>
                {viewLabel(i18n, v)}
                <ViewCount view={v} counts={data?.counts} />
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <QueueFilterForm key={key} filters={filters} onSearch={(f) => { setParams(paramsFromQueueFilters({ ...f, page: 0 })); }} />
      <StatusMessage message={message} />
      {failure ? <ProblemAlert error={failure} /> : null}
      <section aria-labelledby="queue-results-title">
        <h2 id="queue-results-title">{viewLabel(i18n, filters.view)}</h2>
        <p role="status" className="results-count">{data ? (data.total_capped ? t('hotline.queue.countCapped', { count: i18n.formatNumber(data.total) }) : t('hotline.queue.count', { count: data.total })) : ''}</p>
        {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
        {!data && !error ? <Loading /> : null}
        {data?.items.length === 0 ? <p>{t('hotline.queue.none')}</p> : null}
        {data && rows.length > 0 ? (
          <DataTable caption={t('hotline.queue.caption')} labelledBy="queue-results-title" columns={columns} rows={rows} rowKey={(c) => c.id}
            rowClassName={(c) => [isOverdue(c, data.loadedAtUs) ? 'row--overdue' : '', c.immediate_danger && c.status !== 'closed' ? 'row--danger' : '']
              .filter(Boolean).join(' ') || undefined} compact />
        ) : null}
        {data ? <CasePagination list={data} page={filters.page} size={QUEUE_PAGE_SIZE} hrefFor={(page) => hrefWith({ page })} /> : null}
      </section>
    </div>
  );
}

function ViewCount({ view, counts }: { view: QueueView; counts: Page['counts'] | undefined }) {
  const { t } = useI18n();
  const n = counts && view in counts ? counts[view as keyof Page['counts']] : undefined;
  if (n === undefined) return null;
  return <span className="queue-count"> ({n}<span className="visually-hidden"> {t('hotline.queue.countSuffix')}</span>)</span>;
}

function PlaceName({ code, country }: { code: string; country: string }) {
  const { geo } = useGeoReference();
  if (country) return <>{country}</>;
  return <>{code ? (geo?.municipality(code)?.name ?? code) : ''}</>;
}

/** Who works it, "Assign to me", and another operator or back to the queue. */
function AssignCell({ c, meId, operators, onAssign }: {
  c: ConsultationSummary; meId: string | undefined; operators: { id: string; name: string }[]; onAssign: (userId: string | null) => void;
}) {
  const { t } = useI18n();
  const [choosing, setChoosing] = useState(false);
  const [to, setTo] = useState(c.assigned_to?.id ?? '');
  if (c.status === 'closed') return <>{c.assigned_to?.name ?? ''}</>;
  const selectId = `queue-assign-${c.id}`;
  return (
    <div className="queue-assign">
      <span>{c.assigned_to?.name ?? t('hotline.queue.nobody')}</span>
      {meId && c.assigned_to?.id !== meId ? (
        <button type="button" className="button button--small" onClick={() => { onAssign(meId); }}>
          {t('hotline.queue.assignMe')}<span className="visually-hidden"> {c.code}</span>
        </button>
      ) : null}
      {choosing ? (
        <>
          <label htmlFor={selectId} className="visually-hidden">{t('hotline.queue.reassignTo', { code: c.code })}</label>
          <select id={selectId} value={to} onChange={(e) => { setTo(e.target.value); }}>
            <option value="">{t('hotline.queue.backToQueue')}</option>
            {operators.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
          <button type="button" className="button button--small" onClick={() => { setChoosing(false); onAssign(to || null); }}>
            {t('hotline.queue.reassignConfirm')}<span className="visually-hidden"> {c.code}</span>
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => { setChoosing(false); }}>
            {t('action.cancel')}
          </button>
        </>
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={() => { setChoosing(true); }}>
          {t('hotline.queue.reassign')}<span className="visually-hidden"> {c.code}</span>
        </button>
      )}
    </div>
  );
}

function QueueFilterForm({ filters, onSearch }: { filters: QueueFilters; onSearch: (f: QueueFilters) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [f, setF] = useState(filters);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    onSearch(f);
  };
  return (
    <search aria-labelledby="queue-filters-title" className="filters filters--wide">
      <h2 id="queue-filters-title">{t('hotline.queue.filters')}</h2>
      <form noValidate onSubmit={submit}>
        <div className="field-row">
          <SelectField id="queue-topic" label={t('hotline.field.topic')} value={f.topic} onChange={(topic) => { setF({ ...f, topic }); }}
            options={[{ value: '', label: t('hotline.queue.allTopics') }, ...TOPICS.map((x) => ({ value: x, label: topicLabel(i18n, x) }))]} />
          <MunicipalityPicker id="queue-municipality" label={t('hotline.field.municipality')} value={f.municipality}
            onChange={(municipality) => { setF({ ...f, municipality }); }} />
          <SelectField id="queue-channel" label={t('hotline.field.channel')} value={f.channel} onChange={(channel) => { setF({ ...f, channel }); }}
            options={[{ value: '', label: t('hotline.queue.allChannels') }, ...CHANNELS.map((x) => ({ value: x, label: channelLabel(i18n, x) }))]} />
          <TextField id="queue-from" type="date" label={t('hotline.queue.from')} value={f.from} onChange={(from) => { setF({ ...f, from }); }} />
          <TextField id="queue-to" type="date" label={t('hotline.queue.to')} value={f.to} onChange={(to) => { setF({ ...f, to }); }} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">{t('hotline.queue.filter')}</button>
          <Link to={filters.view === 'new' ? '/hotline' : `/hotline?view=${filters.view}`}>{t('hotline.queue.clear')}</Link>
        </div>
      </form>
    </search>
  );
}
