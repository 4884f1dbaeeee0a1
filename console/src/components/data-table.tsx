// The console's one table: members, API keys, audit log, workspaces and webhook deliveries all render through it, so
// keyboard access, the narrow-screen layout and the column labels behave the same everywhere.
import type { HTMLAttributes, ReactNode } from 'react';
import '../styles/tables.css';

export interface Column<Row> {
  /** What the column holds; also the label of each cell when rows stack on narrow screens. */
  header: string;
  cell(row: Row): ReactNode;
  /** The header is read by screen readers but not shown (an actions column). */
  hideHeader?: boolean;
  className?: string;
}

interface DataTableProps<Row> {
  /** Names the table and its scrolling region for assistive technology. */
  label: string;
  columns: ReadonlyArray<Column<Row> | false | null | undefined>;
  rows: readonly Row[];
  rowKey(row: Row): string;
  rowProps?(row: Row): HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
  compact?: boolean;
  className?: string;
}

export function DataTable<Row>({ label, columns, rows, rowKey, rowProps, compact, className }: DataTableProps<Row>) {
  const shown = columns.filter((column): column is Column<Row> => Boolean(column));
  return (
    // A region someone can Tab to, so a table wider than its card can be scrolled with the arrow keys (WCAG 2.1.1).
    <div className={['table-wrap', className].filter(Boolean).join(' ')} role="region" aria-label={label} tabIndex={0}>
      <table aria-label={label} className={compact ? 'table table--compact table--stacking' : 'table table--stacking'}>
        <thead>
          <tr>
            {shown.map((column) => (
              <th key={column.header} scope="col">
                {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {shown.map((column) => (
                <td key={column.header} className={column.className} data-label={column.hideHeader ? undefined : column.header}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
