import { fleetEntrySchema } from './fleet-file';
import { readCsv } from './fleet-import-csv';

/** The most instances one file may bring. */
export const IMPORT_ROWS_MAX = 1000;

/** The columns of an import CSV; only name and url are required. */
export const IMPORT_COLUMNS = ['name', 'url', 'customer', 'tags', 'token_env', 'ca', 'allow_http'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

/** One instance as the file gives it, before any rule is checked. */
export interface ImportEntry {
  row: number;
  name: string;
  url: string;
  customer: string;
  /** Separated by spaces or semicolons, as the app's own CSV export writes them. */
  tags: string[];
  tokenEnv: string;
  ca: string;
  /** As written: true, false, yes, no, 1, 0 or blank (false). */
  allowHttp: string;
  /** What is wrong with the entry's shape (a field missing or of the wrong kind). */
  problems: string[];
}

export type ImportFile =
  | { ok: true; format: 'csv' | 'fleet'; entries: ImportEntry[]; ignoredColumns: string[] }
  | { ok: false; format: 'csv' | 'fleet'; reason: string };

const TOKEN_REMEDY =
  'Tokens are never read from a file: remove it and import again. The app asks for each token after reading the file, or reads it from the environment variable a token_env column names.';

/** A column or field that would carry a secret: token, secret, password, api_key and their kin. */
export function isSecretName(name: string): boolean {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (key === 'token_env') return false;
  return /(^|_)(token|secret|password|passwd|pwd|apikey|bearer|credentials?)($|_)|api_?key|api_?token/.test(key);
}

/** A value that looks like an API token (long, mixing cases and digits), not an environment variable's name. */
export function looksLikeToken(value: string): boolean {
  const text = value.trim();
  return /^[A-Za-z0-9._~+/=-]{24,}$/.test(text) && /[a-z]/.test(text) && /[A-Z]/.test(text) && /\d/.test(text);
}

const tokenInEnvColumn = (where: string): string =>
  `${where} token_env holds what looks like a token, not the name of an environment variable. ${TOKEN_REMEDY}`;

const splitTags = (text: string): string[] => text.split(/[\s;]+/).filter((tag) => tag !== '');

function csvFile(text: string): ImportFile {
  const fail = (reason: string): ImportFile => ({ ok: false, format: 'csv', reason });
  const reading = readCsv(text);
  if (!reading.ok) return fail(`It is not a CSV file the app can read: ${reading.problem}.`);
  const [header, ...records] = reading.records;
  if (header === undefined || header.every((cell) => cell.trim() === '')) return fail('The file is empty.');
  const secret = header.find(isSecretName);
  if (secret !== undefined) return fail(`The file has a “${secret.trim()}” column. ${TOKEN_REMEDY}`);
  const keys = header.map((cell) => cell.trim().toLowerCase());
  const index = new Map<Column, number>();
  const ignoredColumns: string[] = [];
  keys.forEach((key, at) => {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(key)) return void ignoredColumns.push(header[at] ?? key);
    if (index.has(key as Column)) ignoredColumns.push(`${key} (again)`);
    else index.set(key as Column, at);
  });
  for (const required of ['name', 'url'] as const)
    if (!index.has(required))
      return fail(`The first row names no “${required}” column; it names the columns: ${IMPORT_COLUMNS.join(',')}.`);
  const filled = records
    .map((cells, at) => ({ cells, row: at + 2 }))
    .filter(({ cells }) => cells.some((c) => c !== ''));
  if (filled.length === 0) return fail('The file lists no instances under its first row.');
  if (filled.length > IMPORT_ROWS_MAX) return fail(`The file lists more than ${IMPORT_ROWS_MAX} instances.`);
  const cell = (cells: string[], column: Column): string => {
    const at = index.get(column);
    return at === undefined ? '' : (cells[at] ?? '').trim();
  };
  const tokenRow = filled.find(({ cells }) => looksLikeToken(cell(cells, 'token_env')));
  if (tokenRow !== undefined) return fail(tokenInEnvColumn(`Row ${tokenRow.row}’s`));
  const entries = filled.map(({ cells, row }) => ({
    row,
    name: cell(cells, 'name'),
    url: cell(cells, 'url'),
    customer: cell(cells, 'customer'),
    tags: splitTags(cell(cells, 'tags')),
    tokenEnv: cell(cells, 'token_env'),
    ca: cell(cells, 'ca'),
    allowHttp: cell(cells, 'allow_http'),
    problems:
      cells.length === header.length
        ? []
        : [`The row has ${cells.length} fields where the first row names ${header.length} columns.`],
  }));
  return { ok: true, format: 'csv', entries, ignoredColumns };
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function fleetFile(source: string): ImportFile {
  const fail = (reason: string): ImportFile => ({ ok: false, format: 'fleet', reason });
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch {
    return fail('It is not JSON, so not a fleet file.');
  }
  if (!Array.isArray(json)) return fail('A fleet file is a JSON list of { name, url, token_env, ca?, allow_http? }.');
  if (json.length === 0) return fail('The fleet file lists no instances.');
  if (json.length > IMPORT_ROWS_MAX) return fail(`The file lists more than ${IMPORT_ROWS_MAX} instances.`);
  const objects = json.map((item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : {},
  );
  for (const [at, object] of objects.entries()) {
    const secret = Object.keys(object).find(isSecretName);
    if (secret !== undefined) return fail(`Entry ${at + 1} has a “${secret}” field. ${TOKEN_REMEDY}`);
    if (looksLikeToken(text(object.token_env))) return fail(tokenInEnvColumn(`Entry ${at + 1}’s`));
  }
  const entries = objects.map((object, at) => {
    const parsed = fleetEntrySchema.safeParse(object);
    // Name, address and token_env are checked in the app's own words (fleet-import-check); the rest here.
    const issues = parsed.success ? [] : parsed.error.issues;
    const problems = issues
      .filter((issue) => !['name', 'url', 'token_env'].includes(String(issue.path[0])))
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return {
      row: at + 1,
      name: text(object.name),
      url: text(object.url),
      customer: text(object.customer),
      tags: Array.isArray(object.tags) ? object.tags.filter((tag) => typeof tag === 'string') : [],
      tokenEnv: text(object.token_env),
      ca: text(object.ca),
      allowHttp: object.allow_http === true ? 'true' : 'false',
      problems,
    };
  });
  return { ok: true, format: 'fleet', entries, ignoredColumns: [] };
}

/** Reads an import file: a fleet file (JSON, like `aklm fleet` reads) or a CSV with a header row. */
export function readImportFile(fileName: string, source: string): ImportFile {
  const json = fileName.toLowerCase().endsWith('.json') || /^\s*[[{]/.test(source);
  return json ? fleetFile(source) : csvFile(source);
}
