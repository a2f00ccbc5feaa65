import type { ImportPreview, ImportPreviewRow } from '../../../shared/instances/fleet-import';

/** The tokens typed in the dialog: one for every row, or one per row. */
export interface TokenEntry {
  sameForAll: boolean;
  same: string;
  byRow: Readonly<Record<number, string>>;
}

interface ImportPreviewTableProps {
  preview: ImportPreview;
  tokens: TokenEntry;
  onTokens: (tokens: TokenEntry) => void;
  disabled: boolean;
  /** Import was pressed with a token field left empty. */
  missing: boolean;
}

function TokenCell({ row, props }: { row: ImportPreviewRow; props: ImportPreviewTableProps }) {
  const { tokens, onTokens, disabled, missing } = props;
  if (row.problems.length > 0) return <span className="muted">Not imported</span>;
  if (row.tokenFromEnv) return <span>From the environment ({row.envVariable})</span>;
  if (tokens.sameForAll) return <span className="muted">The token for all</span>;
  const value = tokens.byRow[row.row] ?? '';
  return (
    <input
      type="password"
      autoComplete="off"
      spellCheck={false}
      aria-label={`API token for ${row.name}`}
      aria-invalid={missing && value.trim() === ''}
      value={value}
      disabled={disabled}
      onChange={(event) => onTokens({ ...tokens, byRow: { ...tokens.byRow, [row.row]: event.target.value } })}
    />
  );
}

/** Every row of the file with its problems, and one list of token fields for the rows whose file names no token. */
export function ImportPreviewTable(props: ImportPreviewTableProps) {
  const { preview, tokens, onTokens, disabled, missing } = props;
  const withProblems = preview.rows.filter((row) => row.problems.length > 0).length;
  const needToken = preview.rows.some((row) => row.problems.length === 0 && !row.tokenFromEnv);
  const rowWord = preview.format === 'csv' ? 'Row' : 'Entry';
  return (
    <>
      <p>
        {preview.rows.length.toLocaleString()} {preview.rows.length === 1 ? 'instance' : 'instances'} in the file
        {withProblems > 0 && (
          <>
            ; <strong>{withProblems.toLocaleString()} with problems</strong>, which are not imported
          </>
        )}
        .{preview.ignoredColumns.length > 0 && <> Columns left out: {preview.ignoredColumns.join(', ')}.</>}
      </p>
      {needToken && (
        <div className="fleet-import__same">
          <div className="fleet-import__check">
            <input
              id="import-same-token"
              type="checkbox"
              checked={tokens.sameForAll}
              disabled={disabled}
              onChange={(event) => onTokens({ ...tokens, sameForAll: event.target.checked })}
            />
            <label htmlFor="import-same-token">Use the same token for all</label>
          </div>
          {tokens.sameForAll && (
            <input
              type="password"
              autoComplete="off"
              spellCheck={false}
              aria-label="API token for all"
              aria-invalid={missing && tokens.same.trim() === ''}
              value={tokens.same}
              disabled={disabled}
              onChange={(event) => onTokens({ ...tokens, same: event.target.value })}
            />
          )}
        </div>
      )}
      {missing && (
        <p className="problem" role="alert">
          Enter a token for every instance to import, or use the same token for all.
        </p>
      )}
      <div className="fleet-import__scroll">
        <table className="fleet-import__table">
          <thead>
            <tr>
              <th scope="col">{rowWord}</th>
              <th scope="col">Name</th>
              <th scope="col">Address</th>
              <th scope="col">Customer</th>
              <th scope="col">API token</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.row} className={row.problems.length > 0 ? 'fleet-import__bad' : undefined}>
                <td>{row.row}</td>
                <td>
                  {row.name}
                  {row.problems.length > 0 && (
                    <ul
                      className="fleet-import__problems"
                      aria-label={`Problems of ${rowWord.toLowerCase()} ${row.row}`}
                    >
                      {row.problems.map((problem) => (
                        <li key={problem}>{problem}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="fleet-import__url">{row.url}</td>
                <td>{row.customer ?? ''}</td>
                <td>
                  <TokenCell row={row} props={props} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
