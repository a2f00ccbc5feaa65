import type { ImportResult } from '../../../shared/instances/fleet-import';

/** What became of each chosen row: how many were added, and why each other one was not. */
export function ImportResults({ results }: { results: readonly ImportResult[] }) {
  const added = results.filter((result) => result.added);
  const failed = results.filter((result) => !result.added);
  return (
    <section aria-labelledby="import-results-heading">
      <h3 id="import-results-heading">
        Added {added.length.toLocaleString()} of {results.length.toLocaleString()}
      </h3>
      {failed.length > 0 && (
        <ul className="fleet-import__failed" aria-label="Not added">
          {failed.map((result) => (
            <li key={result.row}>
              <strong>{result.name || `Row ${result.row}`}</strong>: {result.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
