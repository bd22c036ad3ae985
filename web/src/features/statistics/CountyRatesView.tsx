// The county map shaded by presumed victims per 100,000 inhabitants, with its table view: the rates
// come from a published table whose rows are the counties (their `rates_per_100000`).
import { useId } from 'react';
import { geoApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { TableScroll } from '../../components/TableScroll';
import { useI18n } from '../../i18n/context';
import { cellClass, formatRate } from './cells';
import { ChartOrTable } from './ChartOrTable';
import { categoryLabel, type Places } from './labels';
import { MarkedValue } from './MarkedValue';
import { RateMap } from './RateMap';
import type { PublishedTable, Rate } from './statisticsTypes';

const loadMap = (signal: AbortSignal) => geoApi.countyMap(signal);

/** Each county's rate per 100,000 from a table whose rows are counties; empty for any other table. */
export function countyRates(table: PublishedTable | undefined): Map<string, Rate> {
  const rates = new Map<string, Rate>();
  if (!table || table.rows.dimension !== 'county' || !table.rates_per_100000) return rates;
  table.rows.keys.forEach((code, r) => {
    const rate = table.rates_per_100000?.[r];
    if (rate && code !== 'unknown') rates.set(code, rate);
  });
  return rates;
}

export function CountyRatesView({ table, title, places }: { table: PublishedTable; title: string; places?: Places }) {
  const i18n = useI18n();
  const captionId = useId();
  const map = useApi(loadMap);
  const rates = countyRates(table);
  const rows = [...rates.entries()].map(([code, rate]) => ({ code, name: categoryLabel(i18n, 'county', code, places), rate }));
  const tableView = (
    <TableScroll labelledBy={captionId}>
      <table className="data-table stats-table">
        <caption id={captionId}>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('stats.dim.county')}</th>
            <th scope="col" className="num">{i18n.t('stats.table.per100000')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">{r.name}</th>
              <td className={cellClass(r.rate)}><MarkedValue text={formatRate(r.rate, i18n.lang, 'rate')} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
  let chart = map.error ? <ProblemAlert error={map.error} onRetry={map.reload} /> : <Loading />;
  if (map.data) chart = <RateMap map={map.data} rates={rates} title={title} />;
  return <ChartOrTable label={title} chart={chart} table={tableView} />;
}
