// /cases: the cases the user works on (their team's, and any opened by break-glass in this session),
// with filters for status and type, paging, and a plain explanation when there are none yet.
import { useCallback, useState, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CASE_STATUSES, CASE_TYPES, type CaseSummary } from '../../api/caseTypes';
import { caseApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { SelectField } from '../../components/fields';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { can } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { CasePagination } from './CasePagination';
import { caseCountText } from './casePaging';
import { caseStatusLabel, caseTypeLabel } from './labels';
import { CASE_PAGE_SIZE, caseApiQuery, caseFiltersFromParams, isFiltered, paramsFromCaseFilters, type CaseFilters } from './query';

/**
 * A listed case; `missing_alert_open` is set when a child of the case is missing (such cases head the
 * list until the child is found). Optional: a server that does not send it shows no banner.
 */
type ListedCase = CaseSummary & { missing_alert_open?: boolean };

/** The page of cases the URL's query `key` names (a new request when it changes). */
function useCasePage(key: string) {
  const load = useCallback(
    (signal: AbortSignal) => caseApi.list(caseApiQuery(caseFiltersFromParams(new URLSearchParams(key))), signal),
    [key],
  );
  return useApi(load);
}

export function CaseListPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(t('cases.title'));
  const mayBreakGlass = can(useSession().state, 'breakGlass');
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = caseFiltersFromParams(new URLSearchParams(key));
  const { data, error, reload } = useCasePage(key);
  const columns: Column<ListedCase>[] = [
    {
      id: 'code',
      header: t('case.field.code'),
      cell: (c) => (
        <>
          <Link to={`/cases/${c.id}`}>{c.code}</Link>
          {c.missing_alert_open ? <span className="badge badge--damaged badge--inline">{t('cases.missingChild')}</span> : null}
        </>
      ),
    },
    { id: 'type', header: t('case.field.type'), cell: (c) => caseTypeLabel(i18n, c.type) },
    { id: 'status', header: t('case.field.status'), cell: (c) => caseStatusLabel(i18n, c.status) },
    { id: 'updated', header: t('case.field.updated'), cell: (c) => i18n.formatDateTime(c.updated_at) },
  ];
  const hrefFor = (page: number) => {
    const s = paramsFromCaseFilters({ ...filters, page }).toString();
    return s ? `/cases?${s}` : '/cases';
  };
  const empty = data?.total === 0 && !isFiltered(filters);
  const missing = (data?.items ?? []).filter((c: ListedCase) => c.missing_alert_open).length;

  return (
    <>
      <div className="page-head">
        <h1>{t('cases.title')}</h1>
        <div className="page-actions">
          <Link to="/cases/new" className="button">{t('cases.new')}</Link>
          <Link to="/cases/find-person" className="button button--secondary">{t('personSearch.title')}</Link>
          {mayBreakGlass ? <Link to="/cases/break-glass" className="button button--secondary">{t('breakGlass.title')}</Link> : null}
        </div>
      </div>
      <p className="lead">{t('cases.intro')}</p>
      {missing ? <p className="alert alert--error" role="alert">{t('cases.missingBanner', { count: missing })}</p> : null}
      {empty ? (
        <section className="alert alert--info" aria-labelledby="cases-empty-title">
          <h2 id="cases-empty-title">{t('cases.empty.title')}</h2>
          <p>{t('cases.empty.what')}</p>
          <p>{t('cases.empty.who')}</p>
          <p>
            <Link to="/cases/new" className="button">{t('cases.new')}</Link>
          </p>
        </section>
      ) : (
        <div className="directory-layout">
          <CaseFilterForm key={key} filters={filters} onSearch={(f) => { setParams(paramsFromCaseFilters(f)); }} />
          <section className="results" aria-labelledby="results-title">
            <h2 id="results-title">{t('dir.results')}</h2>
            <p role="status" className="results-count">{data ? caseCountText(i18n, data) : ''}</p>
            {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
            {!data && !error ? <Loading /> : null}
            {data?.items.length === 0 ? <p>{t('cases.none')}</p> : null}
            {data && data.items.length > 0 ? (
              <DataTable caption={t('cases.caption')} labelledBy="results-title" columns={columns} rows={data.items}
                rowKey={(c) => c.id} />
            ) : null}
            {data ? <CasePagination list={data} page={filters.page} size={CASE_PAGE_SIZE} hrefFor={hrefFor} /> : null}
          </section>
        </div>
      )}
    </>
  );
}

function CaseFilterForm({ filters, onSearch }: { filters: CaseFilters; onSearch: (f: CaseFilters) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState(filters);
  const set = (patch: Partial<CaseFilters>) => {
    setDraft((d) => ({ ...d, ...patch }));
  };
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    onSearch({ ...draft, page: 0 });
  };
  return (
    <search className="filters" aria-labelledby="case-filters-title">
      <h2 id="case-filters-title">{t('dir.filters')}</h2>
      <form onSubmit={submit}>
        <SelectField id="cases-status" label={t('case.field.status')} value={draft.status}
          options={[{ value: '', label: t('cases.allStatuses') }, ...CASE_STATUSES.map((s) => ({ value: s, label: caseStatusLabel(i18n, s) }))]}
          onChange={(status) => { set({ status }); }} />
        <SelectField id="cases-type" label={t('case.field.type')} value={draft.type}
          options={[{ value: '', label: t('cases.allTypes') }, ...CASE_TYPES.map((c) => ({ value: c, label: caseTypeLabel(i18n, c) }))]}
          onChange={(type) => { set({ type }); }} />
        <div className="form-actions">
          <button type="submit" className="button">{t('dir.search')}</button>
          <Link to="/cases" className="button button--secondary">{t('dir.clear')}</Link>
        </div>
      </form>
    </search>
  );
}
