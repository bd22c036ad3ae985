// /referrals/inbox: the referrals sent to the user's organisation, those awaiting an answer first, then
// by deadline; filters for status, purpose, sender and the day to answer by (kept in the URL).
import { useCallback, useState, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PURPOSES, REFERRAL_STATUSES, type Referral } from '../../api/referralTypes';
import { useApi } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { SelectField, TextField } from '../../components/fields';
import { Pagination } from '../../components/Pagination';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { OrganisationPicker } from '../users/OrganisationPicker';
import { inboxApiQuery, inboxFiltersFromParams, INBOX_PAGE_SIZE, paramsFromInboxFilters, type InboxFilters } from './inboxQuery';
import { deliveryLabel, purposeLabel, statusClass, statusLabel } from './labels';
import { referralApi } from './referralApi';
import { RespondBy } from './SentReferrals';

export function InboxPage() {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  usePageTitle(t('inbox.title'));
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = inboxFiltersFromParams(new URLSearchParams(key));
  const load = useCallback(
    (signal: AbortSignal) => referralApi.inbox(inboxApiQuery(inboxFiltersFromParams(new URLSearchParams(key))), signal),
    [key],
  );
  const { data, error, reload } = useApi(load);
  const hrefFor = (page: number) => {
    const s = paramsFromInboxFilters({ ...filters, page }).toString();
    return s ? `/referrals/inbox?${s}` : '/referrals/inbox';
  };
  const columns: Column<Referral>[] = [
    { id: 'code', header: t('referral.col.code'), cell: (r) => <Link to={`/referrals/${r.id}`}>{r.code}</Link> },
    { id: 'sender', header: t('referral.col.sender'), cell: (r) => <span dir="auto">{r.sender.name}</span> },
    { id: 'purpose', header: t('referral.col.purpose'), cell: (r) => purposeLabel(i18n, r.purpose) },
    { id: 'status', header: t('referral.col.status'), cell: (r) => <span className={statusClass(r.status)}>{statusLabel(i18n, r.status)}</span> },
    { id: 'sentOn', header: t('referral.col.sentOn'), cell: (r) => formatDate(r.sent_on) },
    { id: 'respondBy', header: t('referral.col.respondBy'), cell: (r) => <RespondBy r={r} /> },
    {
      id: 'warning', header: t('referral.col.notes'),
      cell: (r) => [r.protected_warning ? t('referral.protected.short') : '', deliveryLabel(i18n, r.delivery)].filter(Boolean).join(' · '),
    },
  ];

  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <p className="lead">{t('inbox.intro')}</p>
      <InboxFilterForm key={key} filters={filters} onSearch={(f) => { setParams(paramsFromInboxFilters({ ...f, page: 0 })); }} />
      <section aria-labelledby="inbox-results-title">
        <h2 id="inbox-results-title">{t('inbox.results')}</h2>
        <p role="status" className="results-count">{data ? t('inbox.count', { count: data.total }) : ''}</p>
        {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
        {!data && !error ? <Loading /> : null}
        {data?.items.length === 0 ? <p>{t('inbox.none')}</p> : null}
        {data && data.items.length > 0 ? (
          <DataTable caption={t('inbox.caption')} labelledBy="inbox-results-title" columns={columns} rows={data.items}
            rowKey={(r) => r.id} rowClassName={(r) => (r.overdue && r.status === 'sent' ? 'row--damaged' : undefined)} />
        ) : null}
        {data ? <Pagination page={filters.page} pages={Math.ceil(data.total / INBOX_PAGE_SIZE)} hrefFor={hrefFor} /> : null}
      </section>
    </>
  );
}

function InboxFilterForm({ filters, onSearch }: { filters: InboxFilters; onSearch: (f: InboxFilters) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [f, setF] = useState(filters);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    onSearch(f);
  };
  return (
    <search aria-labelledby="inbox-filters-title" className="filters filters--wide">
      <h2 id="inbox-filters-title">{t('inbox.filters')}</h2>
      <form noValidate onSubmit={submit}>
        <div className="field-row">
          <SelectField id="inbox-status" label={t('inbox.field.status')} value={f.status} onChange={(status) => { setF({ ...f, status }); }}
            options={[{ value: '', label: t('inbox.status.all') }, ...REFERRAL_STATUSES.map((s) => ({ value: s, label: statusLabel(i18n, s) }))]} />
          <SelectField id="inbox-purpose" label={t('inbox.field.purpose')} value={f.purpose} onChange={(purpose) => { setF({ ...f, purpose }); }}
            options={[{ value: '', label: t('inbox.purpose.all') }, ...PURPOSES.map((p) => ({ value: p, label: purposeLabel(i18n, p) }))]} />
          <OrganisationPicker id="inbox-from" label={t('inbox.field.from')} hint={t('inbox.from.hint')} value={f.from}
            onChange={(org) => { setF({ ...f, from: org?.id ?? '' }); }} />
          <TextField id="inbox-due-by" type="date" label={t('inbox.field.dueBy')} hint={t('inbox.dueBy.hint')} value={f.dueBy}
            onChange={(dueBy) => { setF({ ...f, dueBy }); }} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">{t('inbox.filter')}</button>
          <Link to="/referrals/inbox">{t('inbox.clear')}</Link>
        </div>
      </form>
    </search>
  );
}
