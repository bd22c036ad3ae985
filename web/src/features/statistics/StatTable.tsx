// A published table as an HTML table: one row per row key with its total, the rate per 100,000 and the
// shares where the table has them, and the column totals in the foot. Every value is the server's
// value after disclosure control; nothing here adds up or works out a hidden cell.
import { useId } from 'react';
import { TableScroll } from '../../components/TableScroll';
import { useI18n } from '../../i18n/context';
import { cellClass, formatCell, formatRate } from './cells';
import { categoryLabel, dimensionLabel, type Places } from './labels';
import { MarkedValue } from './MarkedValue';
import type { PublishedTable } from './statisticsTypes';

export function StatTable({ table, caption, places }: { table: PublishedTable; caption: string; places?: Places }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const captionId = useId();
  const rowDim = table.rows.dimension;
  const colDim = table.columns.dimension;
  const rates = table.rates_per_100000;
  const shares = Object.entries(table.shares?.columns ?? {});
  const col = (key: string) => categoryLabel(i18n, colDim, key, places);
  return (
    <TableScroll labelledBy={captionId}>
      <table className="data-table stats-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              {dimensionLabel(i18n, rowDim)}
              <span className="visually-hidden"> / {dimensionLabel(i18n, colDim)}</span>
            </th>
            {table.columns.keys.map((k) => <th key={k} scope="col" className="num">{col(k)}</th>)}
            <th scope="col" className="num">{t('stats.table.total')}</th>
            {rates ? <th scope="col" className="num">{t('stats.table.per100000')}</th> : null}
            {shares.map(([k]) => <th key={`share-${k}`} scope="col" className="num">{t('stats.table.share', { what: col(k) })}</th>)}
          </tr>
        </thead>
        <tbody>
          {table.rows.keys.map((rk, r) => (
            <tr key={rk}>
              <th scope="row">{categoryLabel(i18n, rowDim, rk, places)}</th>
              {table.columns.keys.map((ck, c) => {
                const cell = table.cells[r]?.[c];
                return <td key={ck} className={cellClass(cell)}><MarkedValue text={formatCell(cell, lang)} /></td>;
              })}
              <td className={`${cellClass(table.row_totals[r])} cell--total`}>
                <MarkedValue text={formatCell(table.row_totals[r], lang)} />
              </td>
              {rates ? <td className={cellClass(rates[r])}><MarkedValue text={formatRate(rates[r], lang, 'rate')} /></td> : null}
              {shares.map(([k, values]) => (
                <td key={`share-${k}`} className={cellClass(values[r])}><MarkedValue text={formatRate(values[r], lang, 'share')} /></td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('stats.table.total')}</th>
            {table.columns.keys.map((ck, c) => (
              <td key={ck} className={`${cellClass(table.column_totals[c])} cell--total`}>
                <MarkedValue text={formatCell(table.column_totals[c], lang)} />
              </td>
            ))}
            <td className={`${cellClass(table.total)} cell--total`}><MarkedValue text={formatCell(table.total, lang)} /></td>
            {rates ? <td /> : null}
            {shares.map(([k]) => <td key={`share-${k}`} />)}
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
