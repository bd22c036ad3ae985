// /statistics/national?year=: the national coordinator's dashboard. The main-challenge indicators per
// police region, presumed victims over the published years, and the county map shaded by presumed
// victims per 100,000 inhabitants; every chart with its table view, everything published figures.
import { useCallback } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/useApi';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { CountyRatesView } from './CountyRatesView';
import { PublishedTableView } from './PublishedTableView';
import { statisticsApi } from './statisticsApi';
import type { CatalogueEntry, Indicators, PublishedTable } from './statisticsTypes';
import { StatsChoice } from './StatsChoice';
import { TrendView } from './TrendView';
import { chooseSeries, useCatalogue, usePlaces, usePublications } from './usePublications';
import './statistics.css';

/**
 * The catalogue table that gives the map its rates (each row total per 100,000): the victims by county,
 * preferably alone ("victims.county"), since an indicators table's row total adds unlike things up.
 */
export function countyTableOf(tables: readonly CatalogueEntry[]): CatalogueEntry | undefined {
  const victims = tables.filter((e) => e.rows === 'county' && e.group === 'victims');
  return victims.find((e) => e.id === 'victims.county') ?? victims[0];
}

export function NationalDashboard() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(t('stats.national.title'));
  const pubs = usePublications();
  const places = usePlaces();
  const catalogue = useCatalogue();
  const year = pubs.year;
  const loadIndicators = useCallback(
    (signal: AbortSignal): Promise<Indicators | null> =>
      year === null ? Promise.resolve(null) : statisticsApi.indicators(year, undefined, signal),
    [year],
  );
  const indicators = useApi(loadIndicators);
  const countyEntry = countyTableOf(catalogue.data?.tables ?? []);
  const series = chooseSeries(catalogue.seriesOptions, null);
  const countyId = countyEntry?.id ?? null;
  const loadCounties = useCallback(
    (signal: AbortSignal): Promise<PublishedTable | null> =>
      year === null || !countyId ? Promise.resolve(null) : statisticsApi.table(countyId, { year, series }, signal),
    [year, countyId, series],
  );
  const counties = useApi(loadCounties);
  const countyTable = counties.data;

  return (
    <>
      <p className="breadcrumb"><Link to="/statistics">{t('stats.title')}</Link></p>
      <h1>{t('stats.national.title')}</h1>
      <p className="lead">{t('stats.national.intro')}</p>
      {pubs.error ? <ProblemAlert error={pubs.error} onRetry={pubs.reload} /> : null}
      {pubs.loading && !pubs.error ? <Loading /> : null}
      {!pubs.loading && !pubs.error && year === null ? <p className="alert alert--info">{t('stats.nothingPublished')}</p> : null}
      {year !== null ? <StatsChoice years={pubs.years} year={year} onChange={pubs.setParam} /> : null}
      {indicators.error ? <ProblemAlert error={indicators.error} onRetry={indicators.reload} /> : null}
      {year !== null && indicators.loading && !indicators.error ? <Loading /> : null}
      {indicators.data ? (
        <>
          <section aria-labelledby="stats-indicators">
            <h2 id="stats-indicators">{t('stats.national.indicators')}</h2>
            <PublishedTableView table={indicators.data.indicators} title={t('stats.national.indicators')} places={places} />
          </section>
          <section aria-labelledby="stats-trend">
            <h2 id="stats-trend">{t('stats.national.trend')}</h2>
            <TrendView trend={indicators.data.trend} title={t('stats.national.trend')} policy={indicators.data.indicators.policy} />
          </section>
        </>
      ) : null}
      {year !== null ? (
        <section aria-labelledby="stats-map">
          <h2 id="stats-map">{t('stats.national.map')}</h2>
          <p className="field-hint">{t('stats.national.mapHint')}</p>
          {counties.error ? <ProblemAlert error={counties.error} onRetry={counties.reload} /> : null}
          {countyTable ? <CountyRatesView table={countyTable} title={t('stats.national.map')} places={places} /> : null}
          {!countyTable && !counties.error && (counties.loading || catalogue.loading) ? <Loading /> : null}
          {!countyTable && !counties.error && !counties.loading && !catalogue.loading ? <p className="muted">{t('stats.national.noMap')}</p> : null}
        </section>
      ) : null}
    </>
  );
}
