import { Fragment, type HTMLAttributes, type ReactNode, type TdHTMLAttributes } from 'react';
import './DataTable.css';

/** `data-*` attributes, which the tests and the styles select rows and cells by. */
type DataAttributes = { [key: `data-${string}`]: string | number | boolean | undefined };

export type RowProps = HTMLAttributes<HTMLTableRowElement> & DataAttributes;
export type CellProps = TdHTMLAttributes<HTMLTableCellElement> & DataAttributes;

/** One column: its header, and what each row shows in it. */
export interface Column<T> {
  header: ReactNode;
  /** Class of the header cell. */
  headerClassName?: string;
  /** Tooltip of the header cell. */
  headerTitle?: string;
  cell: (row: T) => ReactNode;
  /** Class of every body cell. */
  className?: string;
  /** Further attributes of a row's cell (a class, a tooltip, data attributes). */
  cellProps?: (row: T) => CellProps;
}

interface Props<T> {
  rows: readonly T[];
  /** The columns shown; `false` leaves a column out (a column only some stores fill). */
  columns: readonly (Column<T> | false)[];
  rowKey: (row: T, index: number) => string | number;
  rowProps?: (row: T) => RowProps;
  /** Shown under a row across every column (a service instance's checks), or null for none. */
  detail?: (row: T) => ReactNode | null;
  /** The table's classes (`data-table` for the app's dense look). */
  className: string;
}

function joined(...classes: (string | undefined)[]): string | undefined {
  const names = classes.filter(Boolean).join(' ');
  return names === '' ? undefined : names;
}

/** A dense table with a sticky header; rows may carry a detail line spanning the whole table. */
export function DataTable<T>({ rows, columns, rowKey, rowProps, detail, className }: Props<T>) {
  const shown = columns.filter((column): column is Column<T> => column !== false);
  return (
    <table className={className}>
      <thead>
        <tr>
          {shown.map((column, index) => (
            <th key={index} className={column.headerClassName} title={column.headerTitle}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => {
          const below = detail?.(row) ?? null;
          const props = rowProps?.(row) ?? {};
          return (
            <Fragment key={rowKey(row, rowIndex)}>
              <tr {...props} className={joined(props.className, below === null ? undefined : 'has-sub')}>
                {shown.map((column, index) => {
                  const cell = column.cellProps?.(row) ?? {};
                  return (
                    <td key={index} {...cell} className={joined(column.className, cell.className)}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
              {below !== null && (
                <tr className="sub-row">
                  <td colSpan={shown.length}>{below}</td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
