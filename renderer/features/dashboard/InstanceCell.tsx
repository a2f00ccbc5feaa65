import type { InstanceRow } from '../../../shared/instances/instance-row';
import { instanceOpened } from '../../app/navigation';

/** The instance's name (a link to its page) and tags; below, its customer and address (marked when its token travels unencrypted). */
export function InstanceCell({ row }: { row: InstanceRow }) {
  return (
    <span className="instance-cell">
      <span className="instance-cell__line">
        <a
          className="instance-cell__name"
          href={`#instance/${row.id}`}
          title={`Open ${row.name}`}
          onClick={(event) => {
            // One window only: a modified click must not try to open another.
            event.preventDefault();
            instanceOpened(row.id);
          }}
        >
          {row.name}
        </a>
        {row.tags.length > 0 && <span className="sr-only">Tags: </span>}
        {row.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </span>
      <span className="instance-cell__url" title={row.url}>
        {row.allowHttp && (
          <span
            className="plain-http-badge"
            title="Plain HTTP is allowed for this instance: its API token is sent unencrypted."
          >
            Plain HTTP<span className="sr-only">: the API token is sent unencrypted;</span>
          </span>
        )}
        {row.customer !== null && (
          <span className="customer" title={`Customer: ${row.customer}`}>
            <span className="sr-only">Customer: </span>
            {row.customer}
            <span aria-hidden="true"> · </span>
          </span>
        )}
        {row.url}
      </span>
    </span>
  );
}
