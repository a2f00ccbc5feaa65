import { FilterBarEnd, FilterSelect, selectBinder } from '../../ui/FilterFields';
import { NO_FILTER_FIELDS, useAuditFilters } from './audit-filters';
import type { AuditChoices } from './audit-lines';
import { actionWords } from './audit-words';

type DayField = 'fromDay' | 'untilDay';

/** A day the entries start or end at, empty for no bound. */
function DayFilter({ id, label, field }: { id: string; label: string; field: DayField }) {
  const day = useAuditFilters((state) => state.filters[field]);
  const filterChanged = useAuditFilters((state) => state.filterChanged);
  return (
    <div className="filter-bar__field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={day} onChange={(event) => filterChanged({ [field]: event.target.value })} />
    </div>
  );
}

/** Action, instance, actor and date filters, with how many entries they leave; the export applies the same. */
export function AuditFilterBar({ choices, shown, total }: { choices: AuditChoices; shown: number; total: number }) {
  const filters = useAuditFilters((state) => state.filters);
  const filterChanged = useAuditFilters((state) => state.filterChanged);
  const filtersCleared = useAuditFilters((state) => state.filtersCleared);
  const field = selectBinder(filters, filterChanged, 'audit');
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTER_FIELDS);
  return (
    <div className="filter-bar" role="search" aria-label="Filter the audit trail">
      <FilterSelect
        {...field('action')}
        label="Action"
        anyLabel="All actions"
        choices={choices.actions}
        words={actionWords}
      />
      <FilterSelect {...field('instance')} label="Instance" anyLabel="All instances" choices={choices.instances} />
      <FilterSelect {...field('actor')} label="Actor" anyLabel="Everyone" choices={choices.actors} />
      <DayFilter id="audit-from" label="From" field="fromDay" />
      <DayFilter id="audit-until" label="Until" field="untilDay" />
      <FilterBarEnd
        filtered={filtered}
        onClear={filtersCleared}
        count={
          shown === total
            ? `${total.toLocaleString()} entr${total === 1 ? 'y' : 'ies'}`
            : `${shown.toLocaleString()} of ${total.toLocaleString()} entries`
        }
      />
    </div>
  );
}
