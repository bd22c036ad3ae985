// /statistics/region?year=&region=: a regional coordinator's dashboard. Their police region's slice of
// the published indicators (area=police_region/<region>, protected as a whole by the server) and, in a
// panel marked not for publication, the exact figures of their own organisation's cases.
import { useCallback, useId } from 'react';
import { Link } from 'react-router';
import { orgApi } from '../../api/endpoints';
import type { Organisation } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { activeUser } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { mayReadOwnCases } from './access';
import { areaLabel } from './labels';
import { OwnFiguresPanel } from './OwnFiguresPanel';
import { PublishedTableView } from './PublishedTableView';
import { statisticsApi } from './statisticsApi';
import type { Indicators } from './statisticsTypes';
import { StatsChoice } from './StatsChoice';
import { TrendView } from './TrendView';
import { useCatalogue, usePlaces, usePublications } from './usePublications';
import './statistics.css';

/** The police region an organisation covers, when it covers exactly police regions. */
export function regionOf(org: Pick<Organisation, 'coverage'> | undefined): string | null {
  return org?.coverage.scope === 'police_regions' ? (org.coverage.codes[0] ?? null) : null;
}

function useOrganisation(id: string) {
  const load = useCallback((signal: AbortSignal) => orgApi.get(id, signal), [id]);
  return useApi(load);
}

export function RegionalDashboard() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(t('stats.region.title'));
  const selectId = useId();
  const user = activeUser(useSession().state);
  const org = useOrganisation(user?.organisation.id ?? '');
  const pubs = usePublications();
  const places = usePlaces();
  const catalogue = useCatalogue();
  const year = pubs.year;
  const region = pubs.params.get('region') ?? regionOf(org.data) ?? (org.loading ? null : (places?.regions[0]?.id ?? null));
  const area = region ? `police_region/${region}` : null;
  const loadIndicators = useCallback(
    (signal: AbortSignal): Promise<Indicators | null> =>
      year === null || !area ? Promise.resolve(null) : statisticsApi.indicators(year, area, signal),
    [year, area],
  );
  const indicators = useApi(loadIndicators);
  const title = area ? t('stats.region.indicators', { region: areaLabel(i18n, area, places) }) : t('stats.region.title');

  return (
    <>
      <p className="breadcrumb"><Link to="/statistics">{t('stats.title')}</Link></p>
      <h1>{t('stats.region.title')}</h1>
      <p className="lead">{t('stats.region.intro')}</p>
      {pubs.error ? <ProblemAlert error={pubs.error} onRetry={pubs.reload} /> : null}
      {pubs.loading && !pubs.error ? <Loading /> : null}
      {!pubs.loading && !pubs.error && year === null ? <p className="alert alert--info">{t('stats.nothingPublished')}</p> : null}
      {year !== null ? (
        <>
          <StatsChoice years={pubs.years} year={year} onChange={pubs.setParam} />
          <div className="field">
            <label className="field-label" htmlFor={selectId}>{t('stats.dim.police_region')}</label>
            <select id={selectId} value={region ?? ''} onChange={(e) => { pubs.setParam('region', e.target.value); }}>
              {(places?.regions ?? []).map((r) => <option key={r.id} value={r.id}>{areaLabel(i18n, `police_region/${r.id}`, places)}</option>)}
            </select>
          </div>
        </>
      ) : null}
      {indicators.error ? <ProblemAlert error={indicators.error} onRetry={indicators.reload} /> : null}
      {year !== null && area && indicators.loading && !indicators.error ? <Loading /> : null}
      {indicators.data ? (
        <>
          <section aria-labelledby="stats-region-indicators">
            <h2 id="stats-region-indicators">{title}</h2>
            <PublishedTableView table={indicators.data.indicators} title={title} places={places} />
          </section>
          <section aria-labelledby="stats-region-trend">
            <h2 id="stats-region-trend">{t('stats.national.trend')}</h2>
            <TrendView trend={indicators.data.trend} title={t('stats.national.trend')} policy={indicators.data.indicators.policy} />
          </section>
        </>
      ) : null}
      {user && mayReadOwnCases(user) ? <OwnFiguresPanel kind="cases" dimensions={catalogue.data?.dimensions} places={places} /> : null}
    </>
  );
}
