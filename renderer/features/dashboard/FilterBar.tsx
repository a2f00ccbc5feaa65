import type { InstanceState } from '../../../shared/instances/instance-row';
import { hasFilters, WITHOUT_CUSTOMER } from '../../store/instance-filter';
import { STATE_ORDER, STATE_WORDS, STATUS_KINDS, STATUS_WORDS } from '../../store/instance-status';
import { FilterBarEnd, FilterSelect, selectBinder } from '../../ui/FilterFields';
import { useDashboardScreen } from './dashboard-screen';
import { useFilterChoices } from './queries';

const STATE_FILTERS: readonly InstanceState[] = STATE_ORDER.filter((state) => state !== 'never');

/** Search, customer, tag and status filters, with how many instances they leave. */
export function FilterBar({ shown, total }: { shown: number; total: number }) {
  const filters = useDashboardScreen((state) => state.filters);
  const choices = useFilterChoices();
  const filterChanged = useDashboardScreen((state) => state.filterChanged);
  const filtersCleared = useDashboardScreen((state) => state.filtersCleared);
  const chip = useDashboardScreen((state) => state.chip);
  const field = selectBinder(filters, filterChanged, 'filter');
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
      <FilterSelect {...field('customer')} label="Customer" anyLabel="All customers" choices={choices.customers}>
        {choices.anyWithoutCustomer && <option value={WITHOUT_CUSTOMER}>No customer</option>}
      </FilterSelect>
      <FilterSelect {...field('tag')} label="Tag" anyLabel="All tags" choices={choices.tags} />
      <FilterSelect {...field('status')} label="Status" anyLabel="All statuses">
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
      </FilterSelect>
      <FilterBarEnd
        filtered={hasFilters(filters) || chip !== null}
        onClear={filtersCleared}
        count={
          shown === total
            ? `${total.toLocaleString()} instance${total === 1 ? '' : 's'}`
            : `${shown.toLocaleString()} of ${total.toLocaleString()} instances`
        }
      />
    </div>
  );
}
