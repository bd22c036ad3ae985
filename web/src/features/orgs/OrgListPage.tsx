// /organisations: search and filter the directory, page through the results.
import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { orgApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { Pagination } from '../../components/Pagination';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { can } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { OrgCard } from './OrgCard';
import { OrgFilters } from './OrgFilters';
import { apiQuery, filtersFromParams, PAGE_SIZE, paramsFromFilters, type DirectoryFilters } from './query';

export function OrgListPage() {
  const { t } = useI18n();
  usePageTitle(t('dir.title'));
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = filtersFromParams(new URLSearchParams(key));
  const load = useCallback(
    (signal: AbortSignal) => orgApi.list(apiQuery(filtersFromParams(new URLSearchParams(key))), signal),
    [key],
  );
  const { data, error, reload } = useApi(load);
  const manage = can(useSession().state, 'manageOrganisations');
  const hrefFor = (page: number) => {
    const s = paramsFromFilters({ ...filters, page }).toString();
    return s ? `/organisations?${s}` : '/organisations';
  };
  const search = (f: DirectoryFilters) => {
    setParams(paramsFromFilters(f));
  };

  return (
    <>
      <div className="page-head">
        <h1>{t('dir.title')}</h1>
        <div className="page-actions">
          {manage ? <Link to="/organisations/new" className="button">{t('dir.new')}</Link> : null}
          <Link to="/coverage" className="button button--secondary">{t('nav.coverage')}</Link>
        </div>
      </div>
      <div className="directory-layout">
        <OrgFilters key={key} filters={filters} onSearch={search} />
        <section className="results" aria-labelledby="results-title">
          <h2 id="results-title">{t('dir.results')}</h2>
          <p role="status" className="results-count">
            {data ? t('dir.count', { count: data.total }) : ''}
          </p>
          {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
          {!data && !error ? <Loading /> : null}
          {data?.items.length === 0 ? <p>{t('dir.none')}</p> : null}
          {data && data.items.length > 0 ? (
            <ul className="org-list">
              {data.items.map((o) => (
                <OrgCard key={o.id} org={o} />
              ))}
            </ul>
          ) : null}
          {data ? (
            <Pagination page={filters.page} pages={Math.ceil(data.total / PAGE_SIZE)} hrefFor={hrefFor} />
          ) : null}
        </section>
      </div>
    </>
  );
}
