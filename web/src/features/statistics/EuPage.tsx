// /statistics/eu?year=: the year's tables in the EU/Eurostat layout (registered victims by sex, age
// group, citizenship and form of exploitation; suspected, prosecuted and convicted persons) and the
// one CSV in that layout.
import { useI18n } from '../../i18n/context';
import { downloads, statisticsApi } from './statisticsApi';
import { TableSetPage } from './TableSetPage';

const loadEu = (year: number, signal: AbortSignal) => statisticsApi.eu(year, signal);

export function EuPage() {
  const { t } = useI18n();
  return (
    <TableSetPage title={t('stats.eu.title')} intro={t('stats.eu.intro')} load={loadEu}
      actions={(year) => (
        <a className="button" href={downloads.euCsv(year)} download>{t('stats.eu.csv', { year })}</a>
      )} />
  );
}
