import { readFile } from 'node:fs/promises';
import { apiTokenProblem, checkInstanceAddress, plainHttpProblem } from '../../shared/instances/validation';
import { caPemProblem } from '../instances/ca-pem';
import type { TrustRoots } from '../license/trust-roots';
import { loadTrustRoots } from './license-options';
import { terminalLines } from './output/terminal-safe';
import { UNKNOWN_EXIT, UsageError } from './usage-error';

export const DEFAULT_TOKEN_ENV = 'AKLM_TOKEN';
const DEFAULT_TIMEOUT_S = 15;

export const INSTANCE_FLAGS = {
  url: { type: 'string' },
  'token-env': { type: 'string' },
  instance: { type: 'string' },
  ca: { type: 'string' },
  root: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  'allow-http': { type: 'boolean' },
} as const;

/** A configuration problem found after the flags parsed (unset token variable, unknown instance…). */
export class ConfigError extends UsageError {
  constructor(message: string) {
    super(message, UNKNOWN_EXIT);
  }
}

export interface InstanceTarget {
  url: string;
  token: string;
  caPem: string | null;
  timeoutMs: number;
  /** Plain http:// to another computer was allowed: by --allow-http with --url, by the saved instance with --instance. */
  allowHttp: boolean;
  roots: TrustRoots;
  /** With `--instance`: the saved instance's id and name, and the data folder holding its status history; null with `--url`. */
  saved: { id: string; name: string; dataDir: string } | null;
}

/** `--timeout S`: seconds, a positive number. */
export function parseTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIMEOUT_S * 1000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`--timeout expects a number of seconds, got "${text}"`, UNKNOWN_EXIT);
  return Math.round(seconds * 1000);
}

/** An instance URL by the shared address rule: http(s), no credentials; query, fragment and trailing slashes dropped. */
function parseInstanceUrl(text: string): string {
  const checked = checkInstanceAddress(text);
  // The address is not repeated: one with a user name and password in it would put them on the screen.
  if (!checked.ok) throw new UsageError(`--url: ${checked.problem}`, UNKNOWN_EXIT);
  return checked.address;
}

/** The token from the environment variable the user named; never from a flag, so it stays out of shell history. */
export function tokenFrom(env: NodeJS.ProcessEnv, variable: string): string {
  const token = env[variable]?.trim();
  if (token === undefined || token === '')
    throw new ConfigError(`the environment variable ${variable} is not set; put the instance's API token in it`);
  const problem = apiTokenProblem(token);
  if (problem !== null) throw new ConfigError(`the environment variable ${variable}: ${problem}`);
  return token;
}

/** A CA file, checked as the app checks a pasted CA (the shared rule, each certificate parsed). */
export async function readCa(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ConfigError(`cannot read the CA file ${file}`);
  }
  const problem = caPemProblem(text);
  if (problem !== null) throw new ConfigError(`the CA file ${file}: ${problem}`);
  return text;
}

/** Where `status` and `install` connect: `--url` with a token variable, or a saved `--instance`. */
export async function instanceTarget(
  values: {
    url?: string;
    'token-env'?: string;
    instance?: string;
    ca?: string;
    root?: string[];
    timeout?: string;
    'allow-http'?: boolean;
  },
  env: NodeJS.ProcessEnv,
  stdin: NodeJS.ReadableStream,
): Promise<InstanceTarget> {
  if (values.url !== undefined && values.instance !== undefined)
    throw new UsageError('give either --url or --instance, not both', UNKNOWN_EXIT);
  const timeoutMs = parseTimeout(values.timeout);
  if (values.instance !== undefined) {
    if (values['token-env'] !== undefined)
      throw new UsageError(
        "--token-env cannot be used with --instance: a saved instance's token comes from the app's token vault",
        UNKNOWN_EXIT,
      );
    if (values['allow-http'] !== undefined)
      throw new UsageError(
        '--allow-http cannot be used with --instance: a saved instance has its own "Allow plain HTTP" setting (edit the instance in the app)',
        UNKNOWN_EXIT,
      );
    const { connection, saved } = await savedInstance(values.instance, env);
    const roots = await trustRoots(values.root ?? [], stdin);
    // --ca overrides the saved CA for this run (a rotated CA, say); the saved one is used otherwise.
    return {
      ...connection,
      caPem: values.ca === undefined ? connection.caPem : await readCa(values.ca),
      timeoutMs,
      roots,
      saved,
    };
  }
  if (values.url === undefined)
    throw new UsageError(
      'say which instance: --url URL (with the token in $AKLM_TOKEN or --token-env VAR), or --instance NAME',
      UNKNOWN_EXIT,
    );
  const url = parseInstanceUrl(values.url);
  const allowHttp = values['allow-http'] === true;
  const refused = plainHttpProblem(url, allowHttp, 'cli-flag');
  if (refused !== null) throw new ConfigError(`--url ${url}: ${refused}`);
  const roots = await trustRoots(values.root ?? [], stdin);
  return {
    url,
    token: tokenFrom(env, values['token-env'] ?? DEFAULT_TOKEN_ENV),
    caPem: values.ca === undefined ? null : await readCa(values.ca),
    timeoutMs,
    allowHttp,
    roots,
    saved: null,
  };
}

async function trustRoots(files: string[], stdin: NodeJS.ReadableStream): Promise<TrustRoots> {
  try {
    return await loadTrustRoots(files, stdin);
  } catch (error) {
    throw error instanceof UsageError ? new ConfigError(error.message) : error;
  }
}

/**
 * A saved instance, found by name (case-insensitively) in the data folder's registry — the one the
 * desktop app writes — with its token from the data folder's token vault. The registry, conf, the vault
 * and the keychain binding are loaded only here, so `verify` and `--url` runs stay light.
 */
export async function savedInstance(
  name: string,
  env: NodeJS.ProcessEnv,
): Promise<{
  connection: { url: string; token: string; caPem: string | null; allowHttp: boolean };
  saved: { id: string; name: string; dataDir: string };
}> {
  const [
    { dataDir },
    { confRegistryStore, RegistryError },
    { createInstanceRegistry },
    { createInstanceService },
    { InstanceServiceError },
    { KeychainUnavailableError },
  ] = await Promise.all([
    import('../settings/data-dir'),
    import('../registry/registry-store'),
    import('../registry/instance-registry'),
    import('../instances/instance-service'),
    import('../instances/instance-service-error'),
    import('../secrets/secret-store'),
  ]);
  const dir = dataDir(env);
  // A damaged settings file is set aside and its last good copy restored; the person hears of it on stderr, whatever the command prints.
  const warn = (notice: string): void => void process.stderr.write(terminalLines([`aklm: warning: ${notice}`]));
  const registryStore = confRegistryStore(dir, warn);
  const registry = createInstanceRegistry(registryStore);
  try {
    const record = registry.findByName(name);
    if (record === undefined) {
      const names = registry.list().map((saved) => `"${saved.name}"`);
      if (names.length === 0)
        throw new ConfigError(
          `no saved instances: there is no saved instance named "${name}" in ${dir} (add instances in the desktop app, or use --url and --token-env)`,
        );
      throw new ConfigError(`there is no saved instance named "${name}"; the saved instances are ${names.join(', ')}`);
    }
    const refused = plainHttpProblem(record.url, record.allowHttp === true, 'saved-instance');
    if (refused !== null) throw new ConfigError(`the saved instance "${record.name}" (${record.url}): ${refused}`);
    // The vault and the keychain binding are loaded only once an instance is found: an unknown name never touches them.
    const [{ keyringSecretStore }, { dataFolderVault }, { confAccountStore }] = await Promise.all([
      import('../secrets/keyring-secret-store'),
      import('../secrets/data-folder-vault'),
      import('../portal/account-store'),
    ]);
    const secrets = dataFolderVault({
      dataDir: dir,
      keychain: keyringSecretStore(),
      registryStore,
      accountStore: confAccountStore(dir, warn),
      report: warn,
    });
    const connection = await createInstanceService({ registry, secrets }).connectionFor(record.id);
    return { connection, saved: { id: record.id, name: record.name, dataDir: dir } };
  } catch (error) {
    if (
      error instanceof RegistryError ||
      error instanceof KeychainUnavailableError ||
      error instanceof InstanceServiceError
    )
      throw new ConfigError(error.message);
    throw error;
  }
}
