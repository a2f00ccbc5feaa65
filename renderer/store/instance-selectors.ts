import type { InstanceRow } from '../../shared/instances/instance-row';
import type { CaView } from './ca-reader';
import { filterChoices, rowFilter, type FilterState } from './instance-filter';
import { instanceFormProblems, withCaProblem, type InstanceForm, type InstanceFormProblems } from './instance-form';
import { sortRows, type SortState } from './instance-sort';
import type { InstancesState } from './instances';
import { memoize } from './memoize';

const visibleRows = memoize((rows: readonly InstanceRow[], filters: FilterState, sort: SortState): readonly InstanceRow[] =>
  sortRows(rows.filter(rowFilter(filters)), sort),
);

/** The rows the table shows: filtered, then sorted (worst first by default). */
export const selectVisibleRows = (state: InstancesState): readonly InstanceRow[] => visibleRows(state.rows, state.filters, state.sort);

const choices = memoize(filterChoices);

/** Customers and tags to filter by, from the instances themselves. */
export const selectFilterChoices = (state: InstancesState): ReturnType<typeof filterChoices> => choices(state.rows);

const NO_PROBLEMS: InstanceFormProblems = {};

const problems = memoize((form: InstanceForm, rows: readonly InstanceRow[], ca: CaView): InstanceFormProblems =>
  withCaProblem(instanceFormProblems(form, rows.map((row) => row.name), 'required'), form, ca),
);

/** Every problem of the Add instance form, the CA's included. */
export const selectAddFormProblemsNow = (state: InstancesState): InstanceFormProblems => problems(state.addForm, state.rows, state.ca);

/** The Add instance form's field problems to show: none until the person tried to save. */
export const selectAddFormProblems = (state: InstancesState): InstanceFormProblems => (state.addAttempted ? selectAddFormProblemsNow(state) : NO_PROBLEMS);

export const selectRemovalRow = (state: InstancesState): InstanceRow | null =>
  state.removalId === null ? null : (state.rows.find((row) => row.id === state.removalId) ?? null);

export const selectHasInstances = (state: InstancesState): boolean => state.rows.length > 0;
