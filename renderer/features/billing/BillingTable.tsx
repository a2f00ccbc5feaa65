import type { ReactNode } from 'react';
import { ColumnHeads } from '../../ui/ColumnHeads';

interface BillingTableProps {
  /** Said to screen readers only: what the table lists, in which order. */
  caption: string;
  columns: readonly string[];
  /** The rows. */
  children: ReactNode;
}

/** The billing tab's tables: a caption, the column names, and the rows, scrolling sideways where narrow. */
export function BillingTable({ caption, columns, children }: BillingTableProps) {
  return (
    <div className="table-scroll">
      <table className="licenses billing-table">
        <caption className="sr-only">{caption}</caption>
        <ColumnHeads columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
