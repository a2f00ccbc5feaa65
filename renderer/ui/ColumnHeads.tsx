interface ColumnHeadsProps {
  columns: readonly string[];
  /** A last column of row buttons, named for screen readers only. */
  actions?: boolean;
}

/** A table's head row: one column header for each name. */
export function ColumnHeads({ columns, actions = false }: ColumnHeadsProps) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        {actions && (
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
