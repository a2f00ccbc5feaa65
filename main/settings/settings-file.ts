import path from 'node:path';
import { storedAccounts, ACCOUNTS_KEY } from '../portal/stored-accounts';
import { REGISTRY_KEY, storedInstances } from '../registry/stored-instances';
import { configFile, type ConfigData, type ConfigFile } from './config-file';

/** electron-store's file name, which the app's earlier versions and the CLI share. */
export const SETTINGS_FILE_NAME = 'config.json';

/** Hears that a damaged settings file was set aside (and what was restored), in words for the person. */
export type RecoveryNotice = (notice: string) => void;

/** A line on stderr: where nothing else was asked for (the CLI, tests, scripts), the person still reads it. */
export const warnOnStderr: RecoveryNotice = (notice) => void process.stderr.write(`warning: ${notice}\n`);

/**
 * Every list the file holds is checked whoever reads it: one store writing the file back must never carry
 * another's damaged list into the backup, where it could no longer be restored.
 */
function settingsProblem(data: ConfigData): string | undefined {
  for (const problem of [storedInstances(data[REGISTRY_KEY]), storedAccounts(data[ACCOUNTS_KEY])]) {
    if (typeof problem === 'string') return problem;
  }
  return undefined;
}

/** The data folder's `config.json`: the saved instances, the portal accounts and whatever a newer version keeps there. */
export function settingsFile(dir: string, onRecovered: RecoveryNotice): ConfigFile {
  return configFile(path.join(dir, SETTINGS_FILE_NAME), { check: settingsProblem, onRecovered });
}
