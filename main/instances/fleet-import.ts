import { importPreviewRowSchema, type ImportPreview, type ImportResult } from '../../shared/instances/fleet-import';
import { apiTokenProblem } from '../../shared/instances/validation';
import { checkEntries, type CheckContext, type CheckedRow } from './fleet-import-check';
import { readImportFile } from './fleet-import-file';
import { mapConcurrent } from './map-concurrent';

/** Instances tested at once while importing. */
export const IMPORT_CONCURRENCY = 4;

export type ImportCheck = Omit<CheckContext, 'format'>;

/** The file read and every row checked, with the CA each row's file held (main keeps those). */
export function previewImport(
  fileName: string,
  text: string,
  context: ImportCheck,
): { preview: ImportPreview; rows: CheckedRow[] } {
  const file = readImportFile(fileName, text);
  if (!file.ok)
    return { preview: { format: file.format, refused: file.reason, rows: [], ignoredColumns: [] }, rows: [] };
  const rows = checkEntries(file.entries, { ...context, format: file.format });
  const preview: ImportPreview = {
    format: file.format,
    refused: null,
    // The schema keeps the preview's fields only: the CA main read stays in main.
    rows: rows.map((row) => importPreviewRowSchema.parse(row)),
    ignoredColumns: file.ignoredColumns,
  };
  return { preview, rows };
}

export interface ImportRun {
  /** The rows to add, by number; rows with problems are reported, not added. */
  chosen: readonly number[];
  /** Tokens the person typed, by row; a row whose file names a token_env set in main's environment takes that. */
  tokens: ReadonlyMap<number, string>;
  env: CheckContext['env'];
  /** Adds one instance exactly as Add does (connection test, token vault, registry, audit), or throws why not. */
  add: (row: CheckedRow, token: string) => Promise<void>;
  /** Words for what `add` threw; never the token. */
  reasonOf: (error: unknown) => string;
  progress: (done: number, total: number) => void;
  concurrency?: number;
}

/** Tests and adds the chosen rows a few at a time; each row is added whole or not at all, and says why not. */
export async function runImport(rows: readonly CheckedRow[], run: ImportRun): Promise<ImportResult[]> {
  const byRow = new Map(rows.map((row) => [row.row, row]));
  const chosen = [...new Set(run.chosen)].flatMap((number) => byRow.get(number) ?? []);
  let done = 0;
  run.progress(0, chosen.length);
  const refused = (row: CheckedRow, reason: string): ImportResult => ({
    row: row.row,
    name: row.name,
    added: false,
    reason,
  });
  return mapConcurrent(
    chosen,
    run.concurrency ?? IMPORT_CONCURRENCY,
    async (row) => {
      try {
        if (row.problems.length > 0) return refused(row, row.problems[0] ?? 'The row cannot be imported.');
        const token = row.tokenFromEnv && row.envVariable !== null ? run.env[row.envVariable] : run.tokens.get(row.row);
        if (token === undefined || token.trim() === '') return refused(row, 'No API token was given for this row.');
        const tokenProblem = apiTokenProblem(token);
        if (tokenProblem !== null) return refused(row, tokenProblem);
        await run.add(row, token.trim());
        return { row: row.row, name: row.name, added: true, reason: null };
      } catch (error) {
        return refused(row, run.reasonOf(error));
      } finally {
        done += 1;
        run.progress(done, chosen.length);
      }
    },
    (_error, row) => refused(row, 'An unexpected error stopped this row.'),
  );
}
