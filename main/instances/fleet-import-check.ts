import { isAbsolute } from 'node:path';
import type { ImportPreviewRow } from '../../shared/instances/fleet-import';
import {
  apiTokenProblem,
  checkInstanceAddress,
  instanceNameKey,
  instanceNameProblem,
  isPlainHttpAddress,
  nameTakenProblem,
  plainHttpMessage,
} from '../../shared/instances/validation';
import { caPemProblem } from './ca-pem';
import type { ImportEntry } from './fleet-import-file';
import { validCustomer, validTags } from './instance-input';

/** A checked row with what main keeps to itself: the CA it read. */
export interface CheckedRow extends ImportPreviewRow {
  caPem: string | null;
}

export interface CheckContext {
  format: 'csv' | 'fleet';
  /** The names of the saved instances. */
  savedNames: readonly string[];
  /** Main's environment, where a fleet file's token_env variables are read. */
  env: Readonly<Record<string, string | undefined>>;
  /** A CA file's text, or null when it cannot be read. */
  readFile: (path: string) => string | null;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLAIN_HTTP_CSV =
  'This address is plain http://, so the API token would cross the network unencrypted. Use the instance’s https:// address, or put true in its allow_http column to send it this way anyway.';

function problemOf(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : 'It cannot be used.';
  }
}

function allowHttpOf(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (['', 'false', 'no', '0'].includes(value)) return false;
  return ['true', 'yes', '1'].includes(value) ? true : null;
}

function caOf(path: string, context: CheckContext): { caPem: string | null; problem: string | null } {
  if (path === '') return { caPem: null, problem: null };
  if (!isAbsolute(path))
    return {
      caPem: null,
      problem: 'Give the CA file’s full path: the app reads the import file’s text, not the folder it is in.',
    };
  const text = context.readFile(path);
  if (text === null) return { caPem: null, problem: 'The CA file cannot be read.' };
  const problem = caPemProblem(text);
  return problem === null ? { caPem: `${text.trim()}\n`, problem: null } : { caPem: null, problem };
}

function tokenProblems(entry: ImportEntry, context: CheckContext): { fromEnv: boolean; problems: string[] } {
  if (entry.tokenEnv === '') return { fromEnv: false, problems: [] };
  if (!ENV_NAME.test(entry.tokenEnv))
    return { fromEnv: false, problems: ['token_env is the name of an environment variable, such as ACME_TOKEN.'] };
  const value = context.env[entry.tokenEnv];
  if (value === undefined || value.trim() === '')
    return { fromEnv: false, problems: [`The environment variable ${entry.tokenEnv} is not set where the app runs.`] };
  return apiTokenProblem(value) === null
    ? { fromEnv: true, problems: [] }
    : { fromEnv: false, problems: [`The environment variable ${entry.tokenEnv} does not hold an API token.`] };
}

/** Checks every entry by the rules Add checks, and names unique among saved instances and within the file. */
export function checkEntries(entries: readonly ImportEntry[], context: CheckContext): CheckedRow[] {
  const firstRowOf = new Map<string, number>();
  for (const entry of entries) {
    const key = instanceNameKey(entry.name);
    if (!firstRowOf.has(key)) firstRowOf.set(key, entry.row);
  }
  return entries.map((entry) => {
    const problems = [...entry.problems];
    const nameProblem = instanceNameProblem(entry.name) ?? nameTakenProblem(entry.name, context.savedNames);
    if (nameProblem !== null) problems.push(nameProblem);
    const first = firstRowOf.get(instanceNameKey(entry.name));
    if (nameProblem === null && first !== undefined && first !== entry.row)
      problems.push(`Row ${first} has the same name (names are compared ignoring case).`);
    const address = checkInstanceAddress(entry.url);
    const allowHttp = allowHttpOf(entry.allowHttp);
    if (!address.ok) problems.push(address.problem);
    if (allowHttp === null) problems.push('allow_http is true or false.');
    else if (address.ok && !allowHttp && isPlainHttpAddress(address.address))
      problems.push(context.format === 'csv' ? PLAIN_HTTP_CSV : plainHttpMessage('fleet-entry'));
    const customer = problemOf(() => validCustomer(entry.customer));
    const tags = problemOf(() => validTags(entry.tags));
    const ca = caOf(entry.ca, context);
    const token = tokenProblems(entry, context);
    for (const problem of [customer, tags, ca.problem, ...token.problems]) if (problem !== null) problems.push(problem);
    return {
      row: entry.row,
      name: entry.name,
      url: address.ok ? address.address : entry.url,
      customer: entry.customer === '' ? null : entry.customer,
      tags: entry.tags,
      envVariable: entry.tokenEnv === '' ? null : entry.tokenEnv,
      tokenFromEnv: token.fromEnv,
      ca: entry.ca === '' ? null : entry.ca,
      allowHttp: allowHttp === true,
      problems,
      caPem: ca.caPem,
    };
  });
}
