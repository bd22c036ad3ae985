// Exact own figures as a table: plain numbers, "–" for not known. No legend for hidden cells: nothing
// here is hidden, which is why these figures are never published.
import { useId } from 'react';
import { TableScroll } from '../../components/TableScroll';
import { useI18n } from '../../i18n/context';
import { formatOwn } from './cells';
import { categoryLabel, dimensionLabel, type Places } from './labels';
import { MarkedValue } from './MarkedValue';
import type { OwnFigures } from './statisticsTypes';

export function OwnTable({ figures, caption, places }: { figures: OwnFigures; caption: string; places?: Places }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const captionId = useId();
  const rowDim = figures.rows.dimension;
  const colDim = figures.columns.dimension;
  return (
    <TableScroll labelledBy={captionId}>
      <table className="data-table stats-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{dimensionLabel(i18n, rowDim)}</th>
            {figures.columns.keys.map((k) => <th key={k} scope="col" className="num">{categoryLabel(i18n, colDim, k, places)}</th>)}
            <th scope="col" className="num">{t('stats.table.total')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.rows.keys.map((rk, r) => (
            <tr key={rk}>
              <th scope="row">{categoryLabel(i18n, rowDim, rk, places)}</th>
              {figures.columns.keys.map((ck, c) => (
                <td key={ck} className="num"><MarkedValue text={formatOwn(figures.cells[r]?.[c], lang)} /></td>
              ))}
              <td className="num cell--total"><MarkedValue text={formatOwn(figures.row_totals[r], lang)} /></td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('stats.table.total')}</th>
            {figures.columns.keys.map((ck, c) => (
              <td key={ck} className="num cell--total"><MarkedValue text={formatOwn(figures.column_totals[c], lang)} /></td>
            ))}
            <td className="num cell--total"><MarkedValue text={formatOwn(figures.total, lang)} /></td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
