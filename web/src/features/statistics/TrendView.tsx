// The presumed victims over the published years: a line chart and, one toggle away, the table with the
// count and the rate per 100,000 of each year.
import { useId } from 'react';
import { TableScroll } from '../../components/TableScroll';
import { useI18n } from '../../i18n/context';
import { CellLegend } from './CellLegend';
import { cellClass, formatCell, formatRate } from './cells';
import { ChartOrTable } from './ChartOrTable';
import { LineChart } from './LineChart';
import { MarkedValue } from './MarkedValue';
import type { DisclosurePolicy, TrendPoint } from './statisticsTypes';

export function TrendView({ trend, title, policy }: { trend: readonly TrendPoint[]; title: string; policy?: DisclosurePolicy }) {
  const { t, lang } = useI18n();
  const captionId = useId();
  const points = [...trend].sort((a, b) => a.year - b.year);
  const table = (
    <TableScroll labelledBy={captionId}>
      <table className="data-table stats-table">
        <caption id={captionId}>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.dim.year')}</th>
            <th scope="col" className="num">{t('stats.trend.victims')}</th>
            <th scope="col" className="num">{t('stats.table.per100000')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.year}>
              <th scope="row">{p.year}</th>
              <td className={cellClass(p.victims)}><MarkedValue text={formatCell(p.victims, lang)} /></td>
              <td className={cellClass(p.per_100000)}><MarkedValue text={formatRate(p.per_100000, lang, 'rate')} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
  return (
    <>
      <ChartOrTable label={title} table={table}
        chart={<LineChart title={title} points={points.map((p) => ({ label: String(p.year), cell: p.victims }))} />} />
      <CellLegend policy={policy} />
    </>
  );
}
