// /statistics: the published years, the choice of year, series and area, and the catalogue's
// predefined tables grouped by subject, each a link to its table page; links to the dashboards, the
// annual report, the EU table and (for the national unit's statisticians) the administration.
import { Link } from 'react-router';
import { withQuery } from '../../api/client';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { activeUser } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { mayManageStatistics, mayReadOwnCases } from './access';
import { groupLabel, tableTitle } from './labels';
import type { CatalogueEntry } from './statisticsTypes';
import { StatsChoice } from './StatsChoice';
import { chooseSeries, useCatalogue, usePublications } from './usePublications';
import './statistics.css';

/** The catalogue's tables by group, groups in the catalogue's order. */
export function groupTables(tables: readonly CatalogueEntry[]): [string, CatalogueEntry[]][] {
  const groups = new Map<string, CatalogueEntry[]>();
  for (const entry of tables) groups.set(entry.group, [...(groups.get(entry.group) ?? []), entry]);
  return [...groups.entries()];
}

export function StatisticsHomePage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(t('stats.title'));
  const user = activeUser(useSession().state);
  const pubs = usePublications();
  const catalogue = useCatalogue();
  const { seriesOptions } = catalogue;
  const series = chooseSeries(seriesOptions, pubs.params.get('series'));
  const area = pubs.params.get('area') ?? '';
  const year = pubs.year;

  return (
    <>
      <h1>{t('stats.title')}</h1>
      <p className="lead">{t('stats.intro')}</p>
      <nav aria-label={t('stats.pages')}>
        <ul className="stats-links">
          <li><Link to="/statistics/national">{t('stats.national.title')}</Link></li>
          {user && mayReadOwnCases(user) ? <li><Link to="/statistics/region">{t('stats.region.title')}</Link></li> : null}
          <li><Link to="/statistics/hotline">{t('stats.hotline.title')}</Link></li>
          <li><Link to="/statistics/annual-report">{t('stats.report.title')}</Link></li>
          <li><Link to="/statistics/eu">{t('stats.eu.title')}</Link></li>
          {user && mayManageStatistics(user) ? <li><Link to="/statistics/admin">{t('stats.admin.title')}</Link></li> : null}
        </ul>
      </nav>
      {pubs.error ? <ProblemAlert error={pubs.error} onRetry={pubs.reload} /> : null}
      {pubs.loading && !pubs.error ? <Loading /> : null}
      {!pubs.loading && !pubs.error && year === null ? <p className="alert alert--info">{t('stats.nothingPublished')}</p> : null}
      {year !== null ? (
        <>
          <section aria-labelledby="stats-published">
            <h2 id="stats-published">{t('stats.published.title')}</h2>
            <ul>
              {pubs.items.map((p) => (
                <li key={`${p.year}-${p.release}`}>
                  {t('stats.published.item', { year: p.year, release: p.release, date: i18n.formatDateTime(p.published_at) })}
                </li>
              ))}
            </ul>
          </section>
          <StatsChoice years={pubs.years} year={year} onChange={pubs.setParam}
            series={{ options: seriesOptions ?? [series], value: series }} area={area} />
          <section aria-labelledby="stats-catalogue">
            <h2 id="stats-catalogue">{t('stats.catalogue.title')}</h2>
            {catalogue.error ? <ProblemAlert error={catalogue.error} onRetry={catalogue.reload} /> : null}
            {catalogue.loading && !catalogue.error ? <Loading /> : null}
            {groupTables(catalogue.data?.tables ?? []).map(([group, entries]) => (
              <section key={group} aria-labelledby={`stats-group-${group}`}>
                <h3 id={`stats-group-${group}`}>{groupLabel(i18n, group)}</h3>
                <ul>
                  {entries.map((e) => (
                    <li key={e.id}>
                      <Link to={withQuery(`/statistics/tables/${encodeURIComponent(e.id)}`, { year, series, area })}>
                        {tableTitle(i18n, e.id, e.rows, e.columns)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </section>
        </>
      ) : null}
    </>
  );
}
