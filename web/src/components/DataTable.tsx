// A list of records as a table, the shape the list pages share (users, API tokens, sessions, audit
// events): a region that scrolls sideways on a narrow screen, a caption, one header row, and one row
// per record whose first cell names the record (a row header).
import { useId, type ReactNode } from 'react';
import { TableScroll } from './TableScroll';

export interface Column<T> {
  /** Stable key of the column. */
  id: string;
  header: ReactNode;
  /** The header is for screen readers only (e.g. a column of buttons). */
  hideHeader?: boolean;
  /** A class for the header and every cell of the column, e.g. 'num' for right-aligned numbers. */
  className?: string;
  cell: (row: T) => ReactNode;
}

interface Props<T> {
  caption: string;
  /**
   * The id of the heading that names the table: the caption is then for screen readers only. Without
   * it the caption is shown and names the scrolling region itself.
   */
  labelledBy?: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** A class for a row that needs to stand out (e.g. a damaged audit entry). */
  rowClassName?: (row: T) => string | undefined;
  compact?: boolean;
}

export function DataTable<T>({ caption, labelledBy, columns, rows, rowKey, rowClassName, compact = false }: Props<T>) {
  const captionId = useId();
  return (
    <TableScroll labelledBy={labelledBy ?? captionId}>
      <table className={compact ? 'data-table data-table--compact' : 'data-table'}>
        <caption id={captionId} className={labelledBy ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.id} scope="col" className={c.className}>
                {c.hideHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.id} scope="row" className={c.className}>{c.cell(row)}</th>
                ) : (
                  <td key={c.id} className={c.className}>{c.cell(row)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
