import { useState } from 'react';
import type { ImportPreview, ImportResult } from '../../../shared/instances/fleet-import';
import { FileChooser } from '../../ui/FileChooser';
import { showToast } from '../../ui/toasts';
import { TechnicalDetails } from '../../ui/TechnicalDetails';
import {
  importFileText,
  useImportPreview,
  useImportProgress,
  useImportRun,
  type ImportFileText,
} from './import-mutations';
import { ImportPreviewTable, type TokenEntry } from './ImportPreviewTable';
import { ImportResults } from './ImportResults';

const plural = (count: number, noun: string): string => `${count.toLocaleString()} ${noun}${count === 1 ? '' : 's'}`;

function toastOf(results: readonly ImportResult[]): void {
  const added = results.filter((result) => result.added).length;
  const failed = results.length - added;
  showToast({
    tone: failed === 0 ? 'success' : added === 0 ? 'danger' : 'info',
    title: `Imported ${plural(added, 'instance')}`,
    ...(failed === 0 ? {} : { detail: `${plural(failed, 'instance')} could not be added; the reason is on each row.` }),
  });
}

/** The dialog's steps: choose a file, check its rows and give their tokens, import, see what became of each. */
export function ImportDialogBody({ onClose }: { onClose: () => void }) {
  const preview = useImportPreview();
  const run = useImportRun();
  const progress = useImportProgress();
  const [file, setFile] = useState<ImportFileText | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const [tokens, setTokens] = useState<TokenEntry>({ sameForAll: false, same: '', byRow: {} });
  const [missing, setMissing] = useState(false);

  const chosen = async (picked: File): Promise<void> => {
    setReadProblem(null);
    run.reset();
    try {
      const text = await importFileText(picked);
      setFile(text);
      preview.mutate(text);
    } catch (error) {
      setFile(null);
      preview.reset();
      setReadProblem(error instanceof Error ? error.message : 'The file cannot be read.');
    }
  };

  const answer: ImportPreview | undefined = preview.data;
  const importable = answer?.rows.filter((row) => row.problems.length === 0) ?? [];
  const needToken = importable.filter((row) => !row.tokenFromEnv);
  const tokenOf = (row: number): string => (tokens.sameForAll ? tokens.same : (tokens.byRow[row] ?? '')).trim();

  const startImport = (): void => {
    if (file === null || importable.length === 0 || run.isPending) return;
    if (needToken.some((row) => tokenOf(row.row) === '')) return setMissing(true);
    setMissing(false);
    run.mutate(
      {
        ...file,
        rows: importable.map((row) => row.row),
        tokens: needToken.map((row) => ({ row: row.row, token: tokenOf(row.row) })),
      },
      {
        onSuccess: toastOf,
        // What was typed has gone to main; the dialog keeps none of it.
        onSettled: () => setTokens({ sameForAll: false, same: '', byRow: {} }),
      },
    );
  };

  const running = run.isPending;
  return (
    <div className="fleet-import">
      <h2 id="import-instances-title">Import instances</h2>
      <p id="import-instances-intro" className="hint">
        From a CSV or fleet file. Each connection is tested first, as Add does; tokens are never read from the file.
      </p>
      <TechnicalDetails>
        <p>
          CSV: a first row naming the columns name, url, customer, tags, token_env, ca, allow_http (name and url
          required; tags separated by spaces or semicolons; ca the full path of a PEM file). Fleet file: the JSON list
          aklm fleet reads. A token_env column names the environment variable holding that row’s token.
        </p>
      </TechnicalDetails>
      {run.data === undefined && (
        <FileChooser
          label={file === null ? 'Choose a file…' : 'Choose another file…'}
          inputLabel="Import file"
          extensions={['.csv', '.json', 'text/csv', 'application/json']}
          onFile={(picked) => void chosen(picked)}
        >
          {file !== null && <span className="muted">{file.fileName}</span>}
        </FileChooser>
      )}
      {readProblem !== null && (
        <p className="problem" role="alert">
          {readProblem}
        </p>
      )}
      {preview.isPending && <p className="muted">Reading the file…</p>}
      {preview.error !== null && (
        <p className="problem" role="alert">
          The file could not be read: {preview.error.message}
        </p>
      )}
      {answer?.refused != null && (
        <div className="problem" role="alert">
          <strong>The file was refused; nothing was imported.</strong> {answer.refused}
        </div>
      )}
      {answer !== undefined && answer.refused === null && run.data === undefined && (
        <ImportPreviewTable
          preview={answer}
          tokens={tokens}
          onTokens={setTokens}
          disabled={running}
          missing={missing}
        />
      )}
      {running && (
        <div className="fleet-import__progress" role="status">
          <progress
            max={progress?.total ?? importable.length}
            value={progress?.done ?? 0}
            aria-label="Import progress"
          />
          <span>
            Testing {(progress?.done ?? 0).toLocaleString()} of {importable.length.toLocaleString()}…
          </span>
        </div>
      )}
      {run.error !== null && (
        <p className="problem" role="alert">
          The import stopped: {run.error.message}
        </p>
      )}
      {run.data !== undefined && <ImportResults results={run.data} />}
      <div className="actions">
        {run.data === undefined && answer !== undefined && answer.refused === null && (
          <button
            type="button"
            className="primary"
            aria-disabled={importable.length === 0 || running}
            onClick={startImport}
          >
            {running ? 'Importing…' : `Import ${plural(importable.length, 'instance')}`}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {run.data === undefined ? 'Cancel' : 'Close'}
        </button>
      </div>
    </div>
  );
}
