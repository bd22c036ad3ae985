// /statistics/annual-report?year=: the national rapporteur's annual report. Every section's generated
// caption, table and chart (all published figures, after disclosure control), the legend once, CSV and
// JSON exports, and a print button; statistics.css prints it on A4 without the navigation, tables kept
// whole where they fit, charts in black-and-white patterns.
import { useCallback } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/useApi';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { BarChart } from './BarChart';
import { CellLegend } from './CellLegend';
import { categoryLabel, dimensionLabel, tableTitle } from './labels';
import { barsOf } from './PublishedTableView';
import { StatTable } from './StatTable';
import { downloads, statisticsApi } from './statisticsApi';
import type { AnnualReport } from './statisticsTypes';
import { StatsChoice } from './StatsChoice';
import { usePlaces, usePublications } from './usePublications';
import './statistics.css';

export function AnnualReportPage() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const pubs = usePublications();
  const places = usePlaces();
  const year = pubs.year;
  usePageTitle(year === null ? t('stats.report.title') : t('stats.report.titleYear', { year }));
  const load = useCallback(
    (signal: AbortSignal): Promise<AnnualReport | null> =>
      year === null ? Promise.resolve(null) : statisticsApi.annualReport(year, signal),
    [year],
  );
  const report = useApi(load);

  return (
    <article className="annual-report">
      <p className="breadcrumb no-print"><Link to="/statistics">{t('stats.title')}</Link></p>
      <h1>{year === null ? t('stats.report.title') : t('stats.report.titleYear', { year })}</h1>
      <p className="lead">{t('stats.report.intro')}</p>
      {pubs.error ? <ProblemAlert error={pubs.error} onRetry={pubs.reload} /> : null}
      {pubs.loading && !pubs.error ? <Loading /> : null}
      {!pubs.loading && !pubs.error && year === null ? <p className="alert alert--info">{t('stats.nothingPublished')}</p> : null}
      {year !== null ? (
        <div className="no-print">
          <StatsChoice years={pubs.years} year={year} onChange={pubs.setParam} />
          <div className="page-actions">
            <a className="button button--secondary" href={downloads.reportCsv(year)} download>{t('stats.download.csv')}</a>
            <a className="button button--secondary" href={downloads.reportJson(year)} download>{t('stats.download.json')}</a>
            <button type="button" className="button button--secondary" onClick={() => { window.print(); }}>
              {t('stats.report.print')}
            </button>
          </div>
        </div>
      ) : null}
      {report.error ? <ProblemAlert error={report.error} onRetry={report.reload} /> : null}
      {year !== null && report.loading && !report.error ? <Loading /> : null}
      {report.data ? (
        <>
          <CellLegend policy={report.data.sections[0]?.table.policy} />
          {report.data.sections.length === 0 ? <p className="muted">{t('stats.noTables')}</p> : null}
          {report.data.sections.map((s, k) => {
            const table = s.table;
            const name = tableTitle(i18n, table.id, table.rows.dimension, table.columns.dimension);
            const headingId = `report-section-${k}`;
            const rowLabel = (key: string) => categoryLabel(i18n, table.rows.dimension, key, places);
            return (
              <section key={s.id} className="report-section" aria-labelledby={headingId}>
                <h2 id={headingId}>{`${k + 1}. ${name}`}</h2>
                <p className="report-caption">{lang === 'en' ? s.caption.en : s.caption.sv}</p>
                <div className="report-table">
                  <StatTable table={table} caption={name} places={places} />
                </div>
                <div className="report-chart">
                  <BarChart title={`${name} – ${t('stats.table.total')} ${t('stats.chart.by', { what: dimensionLabel(i18n, table.rows.dimension) })}`}
                    bars={barsOf(table, 'total', rowLabel)} />
                </div>
              </section>
            );
          })}
        </>
      ) : null}
    </article>
  );
}
