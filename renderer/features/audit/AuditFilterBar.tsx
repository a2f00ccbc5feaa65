import { NO_FILTER_FIELDS, useAuditFilters } from './audit-filters';
import type { AuditChoices } from './audit-lines';
import { actionWords } from './audit-words';

const ANY = '*';
/** `null` in the store is "any"; a select needs a string for it. */
const fromSelect = (value: string): string | null => (value === ANY ? null : value);

/** Action, instance, actor and date filters, with how many entries they leave; the export applies the same. */
export function AuditFilterBar({ choices, shown, total }: { choices: AuditChoices; shown: number; total: number }) {
  const filters = useAuditFilters((state) => state.filters);
  const filterChanged = useAuditFilters((state) => state.filterChanged);
  const filtersCleared = useAuditFilters((state) => state.filtersCleared);
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTER_FIELDS);
  return (
    <div className="filter-bar" role="search" aria-label="Filter the audit trail">
      <div className="filter-bar__field">
        <label htmlFor="audit-action">Action</label>
        <select
          id="audit-action"
          value={filters.action ?? ANY}
          onChange={(event) => filterChanged({ action: fromSelect(event.target.value) })}
        >
          <option value={ANY}>All actions</option>
          {choices.actions.map((action) => (
            <option key={action} value={action}>
              {actionWords(action)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-bar__field">
        <label htmlFor="audit-instance">Instance</label>
        <select
          id="audit-instance"
          value={filters.instance ?? ANY}
          onChange={(event) => filterChanged({ instance: fromSelect(event.target.value) })}
        >
          <option value={ANY}>All instances</option>
          {choices.instances.map((instance) => (
            <option key={instance} value={instance}>
              {instance}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-bar__field">
        <label htmlFor="audit-actor">Actor</label>
        <select
          id="audit-actor"
          value={filters.actor ?? ANY}
          onChange={(event) => filterChanged({ actor: fromSelect(event.target.value) })}
        >
          <option value={ANY}>Everyone</option>
          {choices.actors.map((actor) => (
            <option key={actor} value={actor}>
              {actor}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-bar__field">
        <label htmlFor="audit-from">From</label>
        <input
          id="audit-from"
          type="date"
          value={filters.fromDay}
          onChange={(event) => filterChanged({ fromDay: event.target.value })}
        />
      </div>
      <div className="filter-bar__field">
        <label htmlFor="audit-until">Until</label>
        <input
          id="audit-until"
          type="date"
          value={filters.untilDay}
          onChange={(event) => filterChanged({ untilDay: event.target.value })}
        />
      </div>
      {filtered && (
        <button type="button" className="filter-bar__clear" onClick={filtersCleared}>
          Clear filters
        </button>
      )}
      <p className="filter-bar__count" aria-live="polite">
        {shown === total
          ? `${total.toLocaleString()} entr${total === 1 ? 'y' : 'ies'}`
          : `${shown.toLocaleString()} of ${total.toLocaleString()} entries`}
      </p>
    </div>
  );
}
