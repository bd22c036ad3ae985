// /statistics/tables/:id?year=&series=&area=: one published table with its chart, data table, legend,
// release and CSV / JSON downloads; the same choice of year, series and area as the home page.
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/useApi';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { areaLabel, seriesLabel, tableTitle } from './labels';
import { PublishedTableView } from './PublishedTableView';
import { downloads, statisticsApi } from './statisticsApi';
import type { PublishedTable, TableQuery } from './statisticsTypes';
import { StatsChoice } from './StatsChoice';
import { chooseSeries, useCatalogue, usePlaces, usePublications } from './usePublications';
import './statistics.css';

export function TablePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id = '' } = useParams();
  const pubs = usePublications();
  const places = usePlaces();
  const { seriesOptions } = useCatalogue();
  const series = chooseSeries(seriesOptions, pubs.params.get('series'));
  const area = pubs.params.get('area') ?? '';
  const year = pubs.year;
  const load = useCallback(
    (signal: AbortSignal): Promise<PublishedTable | null> =>
      year === null ? Promise.resolve(null) : statisticsApi.table(id, { year, series, area }, signal),
    [id, year, series, area],
  );
  const table = useApi(load);
  const title = tableTitle(i18n, id, table.data?.rows.dimension, table.data?.columns.dimension);
  usePageTitle(title);
  const q: TableQuery | null = year === null ? null : { year, series, area };

  return (
    <>
      <p className="breadcrumb"><Link to="/statistics">{t('stats.title')}</Link></p>
      <h1>{title}</h1>
      {pubs.error ? <ProblemAlert error={pubs.error} onRetry={pubs.reload} /> : null}
      {year !== null ? (
        <StatsChoice years={pubs.years} year={year} onChange={pubs.setParam}
          series={{ options: seriesOptions ?? [series], value: series }} area={area} />
      ) : null}
      {!pubs.loading && !pubs.error && year === null ? <p className="alert alert--info">{t('stats.nothingPublished')}</p> : null}
      {table.error ? <ProblemAlert error={table.error} onRetry={table.reload} /> : null}
      {(pubs.loading || table.loading) && !pubs.error && !table.error ? <Loading /> : null}
      {table.data && q ? (
        <>
          <p className="muted">
            {t('stats.table.meta', {
              year: table.data.year,
              series: seriesLabel(i18n, table.data.series || series),
              area: areaLabel(i18n, table.data.area.level === 'national' ? '' : `${table.data.area.level}/${table.data.area.code}`, places),
              release: table.data.release.number,
              date: i18n.formatDateTime(table.data.release.published_at),
            })}
          </p>
          <PublishedTableView table={table.data} title={title} places={places}
            downloads={{ csv: downloads.tableCsv(id, q), json: downloads.tableJson(id, q) }} />
        </>
      ) : null}
    </>
  );
}
