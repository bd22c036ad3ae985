// The pages that show a year's set of published tables (the hotline's, the EU/Eurostat layout): a year,
// then each table with its chart, data table and legend. `extra` adds the page's own parts.
import { useCallback, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/useApi';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { tableTitle } from './labels';
import { PublishedTableView } from './PublishedTableView';
import type { TableSet } from './statisticsTypes';
import { StatsChoice } from './StatsChoice';
import { usePlaces, usePublications } from './usePublications';
import './statistics.css';

interface Props {
  title: string;
  intro: string;
  load: (year: number, signal: AbortSignal) => Promise<TableSet>;
  /** Links or buttons for the year shown (e.g. the EU CSV). */
  actions?: (year: number) => ReactNode;
  extra?: ReactNode;
}

export function TableSetPage({ title, intro, load, actions, extra }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(title);
  const pubs = usePublications();
  const places = usePlaces();
  const year = pubs.year;
  const loadSet = useCallback(
    (signal: AbortSignal): Promise<TableSet | null> => (year === null ? Promise.resolve(null) : load(year, signal)),
    [year, load],
  );
  const set = useApi(loadSet);
  return (
    <>
      <p className="breadcrumb"><Link to="/statistics">{t('stats.title')}</Link></p>
      <h1>{title}</h1>
      <p className="lead">{intro}</p>
      {pubs.error ? <ProblemAlert error={pubs.error} onRetry={pubs.reload} /> : null}
      {pubs.loading && !pubs.error ? <Loading /> : null}
      {!pubs.loading && !pubs.error && year === null ? <p className="alert alert--info">{t('stats.nothingPublished')}</p> : null}
      {year !== null ? <StatsChoice years={pubs.years} year={year} onChange={pubs.setParam} /> : null}
      {year !== null && actions ? <div className="page-actions">{actions(year)}</div> : null}
      {set.error ? <ProblemAlert error={set.error} onRetry={set.reload} /> : null}
      {year !== null && set.loading && !set.error ? <Loading /> : null}
      {set.data?.tables.length === 0 ? <p className="muted">{t('stats.noTables')}</p> : null}
      {set.data?.tables.map((table) => {
        const name = tableTitle(i18n, table.id, table.rows.dimension, table.columns.dimension);
        const headingId = `table-${table.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
        return (
          <section key={table.id} aria-labelledby={headingId}>
            <h2 id={headingId}>{name}</h2>
            <PublishedTableView table={table} title={name} places={places} />
          </section>
        );
      })}
      {extra}
    </>
  );
}
