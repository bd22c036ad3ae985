// One published table as a bar chart and a data table (a toggle between them), its legend, a note
// when rounded counts do not add up, and, unless `noDownloads`, CSV and JSON download links.
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/context';
import { BarChart, type Bar } from './BarChart';
import { CellLegend } from './CellLegend';
import { ChartOrTable } from './ChartOrTable';
import { categoryLabel, dimensionLabel, type Places } from './labels';
import { StatTable } from './StatTable';
import type { PublishedTable } from './statisticsTypes';

/** What the chart draws: each row's total, one column, or the rate per 100,000. */
export type ChartMeasure = 'total' | 'rate' | `column:${string}`;

/** The bars of `measure`, one per row of the table. */
export function barsOf(table: PublishedTable, measure: ChartMeasure, label: (key: string) => string): Bar[] {
  return table.rows.keys.map((key, r) => {
    let cell = table.row_totals[r];
    if (measure === 'rate') cell = table.rates_per_100000?.[r];
    else if (measure.startsWith('column:')) cell = table.cells[r]?.[table.columns.keys.indexOf(measure.slice(7))];
    return { key, label: label(key), cell };
  });
}

interface Props {
  table: PublishedTable;
  title: string;
  places?: Places;
  downloads?: { csv: string; json: string };
}

export function PublishedTableView({ table, title, places, downloads }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const selectId = useId();
  const [measure, setMeasure] = useState<ChartMeasure>('total');
  const rowLabel = (k: string) => categoryLabel(i18n, table.rows.dimension, k, places);
  const colLabel = (k: string) => categoryLabel(i18n, table.columns.dimension, k, places);
  const measureLabel =
    measure === 'total' ? t('stats.table.total') : measure === 'rate' ? t('stats.table.per100000') : colLabel(measure.slice(7));
  const chart = (
    <>
      <div className="field field--inline">
        <label className="field-label" htmlFor={selectId}>{t('stats.chart.measure')}</label>
        <select id={selectId} value={measure} onChange={(e) => { setMeasure(e.target.value as ChartMeasure); }}>
          <option value="total">{t('stats.table.total')}</option>
          {table.rates_per_100000 ? <option value="rate">{t('stats.table.per100000')}</option> : null}
          {table.columns.keys.map((k) => <option key={k} value={`column:${k}`}>{colLabel(k)}</option>)}
        </select>
      </div>
      <BarChart title={`${title} – ${measureLabel} ${t('stats.chart.by', { what: dimensionLabel(i18n, table.rows.dimension) })}`}
        bars={barsOf(table, measure, rowLabel)} rate={measure === 'rate'} />
    </>
  );
  return (
    <div className="published-table">
      <ChartOrTable label={title} chart={chart} table={<StatTable table={table} caption={title} places={places} />} />
      {!table.rows_add_up || !table.columns_add_up ? <p className="muted">{t('stats.table.roundedTotals')}</p> : null}
      {table.official ? <p className="muted">{t('stats.table.official')}</p> : null}
      <CellLegend policy={table.policy} />
      {downloads ? (
        <p className="page-actions">
          <a className="button button--secondary" href={downloads.csv} download>{t('stats.download.csv')}</a>
          <a className="button button--secondary" href={downloads.json} download>{t('stats.download.json')}</a>
        </p>
      ) : null}
    </div>
  );
}
