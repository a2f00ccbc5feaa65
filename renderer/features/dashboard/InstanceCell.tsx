import type { InstanceRow } from '../../../shared/instances/instance-row';

/** The instance's name, address, customer and tags. */
export function InstanceCell({ row }: { row: InstanceRow }) {
  return (
    <span className="instance-cell">
      <span className="instance-cell__name" title={row.name}>
        {row.name}
      </span>
      <span className="instance-cell__url" title={row.url}>
        {row.url}
      </span>
      {(row.customer !== null || row.tags.length > 0) && (
        <span className="instance-cell__meta">
          {row.customer !== null && (
            <span className="customer" title={`Customer: ${row.customer}`}>
              <span className="sr-only">Customer: </span>
              {row.customer}
            </span>
          )}
          {row.tags.length > 0 && <span className="sr-only">Tags: </span>}
          {row.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </span>
      )}
    </span>
  );
}
