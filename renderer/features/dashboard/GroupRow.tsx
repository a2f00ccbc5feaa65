import { STATE_WORDS } from '../../store/instance-status';
import { When } from '../../ui/When';
import { ROW_HEIGHT, FLEET_COLUMNS } from './columns';
import type { FleetGroup } from './grouping';

/** A customer's header row in the grouped table: its name, how many instances, the worst health and the nearest expiry. */
export function GroupRow({ group, index, top, now }: { group: FleetGroup; index: number; top: number; now: number }) {
  const name = group.customer ?? 'No customer';
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="fleet__row fleet__row--body fleet__row--group"
      data-group={name}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
      <div role="rowheader" aria-colspan={FLEET_COLUMNS.length} className="fleet__cell fleet__cell--group">
        <strong className="fleet__group-name">{name}</strong>
        <span>
          {group.count} instance{group.count === 1 ? '' : 's'}
        </span>
        <span className={`group-worst group-worst--${group.worst}`}>Worst: {STATE_WORDS[group.worst]}</span>
        <span>
          {group.critical} critical · {group.warning} warning
        </span>
        {group.nearestExpiry !== null && (
          <span>
            Nearest expiry <When at={group.nearestExpiry} now={now} />
          </span>
        )}
      </div>
    </div>
  );
}
