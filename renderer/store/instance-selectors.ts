import type { InstanceRow } from '../../shared/instances/instance-row';
import { addFormProblems, type AddFormProblems, type AddInstanceForm } from './add-instance-form';
import { filterChoices, rowFilter, type FilterState } from './instance-filter';
import { sortRows, type SortState } from './instance-sort';
import type { CaView, InstancesState } from './instances';

/** Remembers the last answer for the same inputs (by identity), so selectors return stable values. */
function memoize<Args extends readonly unknown[], Result>(compute: (...args: Args) => Result): (...args: Args) => Result {
  let last: { args: Args; result: Result } | null = null;
  return (...args) => {
    if (last !== null && last.args.length === args.length && last.args.every((arg, index) => Object.is(arg, args[index]))) return last.result;
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}

const visibleRows = memoize((rows: readonly InstanceRow[], filters: FilterState, sort: SortState): readonly InstanceRow[] =>
  sortRows(rows.filter(rowFilter(filters)), sort),
);

/** The rows the table shows: filtered, then sorted (worst first by default). */
export const selectVisibleRows = (state: InstancesState): readonly InstanceRow[] => visibleRows(state.rows, state.filters, state.sort);

const choices = memoize(filterChoices);

/** Customers and tags to filter by, from the instances themselves. */
export const selectFilterChoices = (state: InstancesState): ReturnType<typeof filterChoices> => choices(state.rows);

const NO_PROBLEMS: AddFormProblems = {};

const problems = memoize((form: AddInstanceForm, rows: readonly InstanceRow[], ca: CaView): AddFormProblems => {
  const found = addFormProblems(form, new Set(rows.map((row) => row.name.toLowerCase())));
  return found.caPem === undefined && ca.status === 'problem' && form.caPem.trim() !== '' ? { ...found, caPem: ca.problem } : found;
});

/** Every problem of the Add instance form, the CA's included. */
export const selectAddFormProblemsNow = (state: InstancesState): AddFormProblems => problems(state.addForm, state.rows, state.ca);

/** The Add instance form's field problems to show: none until the person tried to save. */
export const selectAddFormProblems = (state: InstancesState): AddFormProblems => (state.addAttempted ? selectAddFormProblemsNow(state) : NO_PROBLEMS);

export const selectRemovalRow = (state: InstancesState): InstanceRow | null =>
  state.removalId === null ? null : (state.rows.find((row) => row.id === state.removalId) ?? null);

export const selectHasInstances = (state: InstancesState): boolean => state.rows.length > 0;
