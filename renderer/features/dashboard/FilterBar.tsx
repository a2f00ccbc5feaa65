import type { InstanceState } from '../../../shared/instances/instance-row';
import { hasFilters, WITHOUT_CUSTOMER, type StatusFilter } from '../../store/instance-filter';
import { STATE_ORDER, STATE_WORDS, STATUS_KINDS, STATUS_WORDS } from '../../store/instance-status';
import { useDashboardScreen } from './dashboard-screen';
import { useFilterChoices } from './queries';

const ANY = '*';
/** `null` in the store is "any"; a select needs a string for it. */
const fromSelect = (value: string): string | null => (value === ANY ? null : value);

const STATE_FILTERS: readonly InstanceState[] = STATE_ORDER.filter((state) => state !== 'never');

/** Search, customer, tag and status filters, with how many instances they leave. */
export function FilterBar({ shown, total }: { shown: number; total: number }) {
  const filters = useDashboardScreen((state) => state.filters);
  const choices = useFilterChoices();
  const filterChanged = useDashboardScreen((state) => state.filterChanged);
  const filtersCleared = useDashboardScreen((state) => state.filtersCleared);
  return (
    <div className="filter-bar" role="search" aria-label="Filter instances">
      <div className="filter-bar__field filter-bar__field--text">
        <label htmlFor="filter-text">Search</label>
        <input
          id="filter-text"
          type="search"
          value={filters.text}
          onChange={(event) => filterChanged({ text: event.target.value })}
          placeholder="Name, URL, customer, tag or Install ID"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="filter-bar__field">
        <label htmlFor="filter-customer">Customer</label>
        <select
          id="filter-customer"
          value={filters.customer ?? ANY}
          onChange={(event) => filterChanged({ customer: fromSelect(event.target.value) })}
        >
          <option value={ANY}>All customers</option>
          {choices.anyWithoutCustomer && <option value={WITHOUT_CUSTOMER}>No customer</option>}
          {choices.customers.map((customer) => (
            <option key={customer} value={customer}>
              {customer}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-bar__field">
        <label htmlFor="filter-tag">Tag</label>
        <select
          id="filter-tag"
          value={filters.tag ?? ANY}
          onChange={(event) => filterChanged({ tag: fromSelect(event.target.value) })}
        >
          <option value={ANY}>All tags</option>
          {choices.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-bar__field">
        <label htmlFor="filter-status">Status</label>
        <select
          id="filter-status"
          value={filters.status ?? ANY}
          onChange={(event) => filterChanged({ status: fromSelect(event.target.value) as StatusFilter | null })}
        >
          <option value={ANY}>All statuses</option>
          <optgroup label="Monitoring state">
            {STATE_FILTERS.map((state) => (
              <option key={state} value={`state:${state}`}>
                {STATE_WORDS[state]}
              </option>
            ))}
          </optgroup>
          <optgroup label="authentik status">
            {STATUS_KINDS.map((kind) => (
              <option key={kind} value={`status:${kind}`}>
                {STATUS_WORDS[kind]}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      {hasFilters(filters) && (
        <button type="button" className="filter-bar__clear" onClick={filtersCleared}>
          Clear filters
        </button>
      )}
      <p className="filter-bar__count" aria-live="polite">
        {shown === total
          ? `${total.toLocaleString()} instance${total === 1 ? '' : 's'}`
          : `${shown.toLocaleString()} of ${total.toLocaleString()} instances`}
      </p>
    </div>
  );
}
