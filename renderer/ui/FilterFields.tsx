import type { ReactNode } from 'react';

const ANY = '*';

interface FilterSelectProps {
  id: string;
  label: string;
  /** `null` is "any": the first option, named by `anyLabel`. */
  value: string | null;
  anyLabel: string;
  onValue: (value: string | null) => void;
  /** One option a choice, after `children`; `words` names each (the choice itself when left out). */
  choices?: readonly string[];
  words?: (choice: string) => string;
  /** Options or option groups of the caller's own, right after "any". */
  children?: ReactNode;
}

/**
 * The `id`, `value` and `onValue` of a filter bar's selects, each bound to one field of its filters (`null` is any):
 * `<FilterSelect {...field('tag')} … />`.
 */
export function selectBinder<F>(filters: F, filterChanged: (patch: Partial<F>) => void, idPrefix: string) {
  return (field: keyof F & string) => ({
    id: `${idPrefix}-${field}`,
    value: filters[field] as string | null,
    onValue: (value: string | null) => filterChanged({ [field]: value } as Partial<F>),
  });
}

/** A labelled select of a filter bar: "any" first, then the choices. */
export function FilterSelect({
  id,
  label,
  value,
  anyLabel,
  onValue,
  choices = [],
  words,
  children,
}: FilterSelectProps) {
  return (
    <div className="filter-bar__field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ANY}
        onChange={(event) => onValue(event.target.value === ANY ? null : event.target.value)}
      >
        <option value={ANY}>{anyLabel}</option>
        {children}
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {words === undefined ? choice : words(choice)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Clear filters (while any is set) and how many rows they leave, said as they change. */
export function FilterBarEnd({ filtered, onClear, count }: { filtered: boolean; onClear: () => void; count: string }) {
  return (
    <>
      {filtered && (
        <button type="button" className="filter-bar__clear" onClick={onClear}>
          Clear filters
        </button>
      )}
      <p className="filter-bar__count" aria-live="polite">
        {count}
      </p>
    </>
  );
}
