import os from 'node:os';
import path from 'node:path';

/** Electron's `productName`: the folder name of `userData`, which the CLI shares with the app. */
export const PRODUCT_NAME = 'authentik License Manager';
/** Overrides the data folder for the app and the CLI alike (tests, portable installs). */
export const DATA_DIR_ENV = 'AKLM_DATA_DIR';

/** A variable's value, or undefined when it is unset or empty (an empty variable means "not set", as in Electron). */
function variable(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The folder holding the app's settings and instance registry (`config.json`): `AKLM_DATA_DIR` when set
 * (made absolute against the working folder), otherwise what Electron's `app.getPath('userData')` is for
 * the product name — Linux and other Unix
 * `$XDG_CONFIG_HOME` or `~/.config`, macOS `~/Library/Application Support`, Windows `%APPDATA%`,
 * each followed by `/authentik License Manager`.
 */
export function dataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = variable(env, DATA_DIR_ENV);
  // Absolute, as Electron's setPath requires: a relative value is taken from the working folder, as the CLI does.
  if (override !== undefined) return path.resolve(override);
  switch (platform) {
    case 'win32':
      return path.win32.join(variable(env, 'APPDATA') ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return path.posix.join(variable(env, 'XDG_CONFIG_HOME') ?? path.posix.join(home, '.config'), PRODUCT_NAME);
  }
}
