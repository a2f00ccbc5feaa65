import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../../main/settings/data-dir';

describe('dataDir: the folder the app (Electron userData) and the CLI share', () => {
  it('is AKLM_DATA_DIR when set, on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(
        dataDir({ AKLM_DATA_DIR: '/srv/aklm', XDG_CONFIG_HOME: '/x', APPDATA: 'C:\\A' }, platform, '/home/ann'),
      ).toBe('/srv/aklm');
    }
  });

  it("makes a relative AKLM_DATA_DIR absolute against the working folder, as Electron's userData must be", () => {
    expect(dataDir({ AKLM_DATA_DIR: 'aklm-data' }, 'linux', '/home/ann')).toBe(path.join(process.cwd(), 'aklm-data'));
    expect(dataDir({ AKLM_DATA_DIR: './a/../b' }, 'linux', '/home/ann')).toBe(path.join(process.cwd(), 'b'));
  });

  it('ignores an empty AKLM_DATA_DIR', () => {
    expect(dataDir({ AKLM_DATA_DIR: '' }, 'linux', '/home/ann')).toBe('/home/ann/.config/authentik License Manager');
  });

  it('Linux: $XDG_CONFIG_HOME/authentik License Manager', () => {
    expect(dataDir({ XDG_CONFIG_HOME: '/home/ann/.cfg' }, 'linux', '/home/ann')).toBe(
      '/home/ann/.cfg/authentik License Manager',
    );
  });

  it('Linux: ~/.config/authentik License Manager without XDG_CONFIG_HOME (or with it empty)', () => {
    expect(dataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/authentik License Manager');
    expect(dataDir({ XDG_CONFIG_HOME: '' }, 'linux', '/home/ann')).toBe('/home/ann/.config/authentik License Manager');
  });

  it('other Unix systems follow Linux (XDG), as Electron does', () => {
    expect(dataDir({}, 'freebsd', '/home/ann')).toBe('/home/ann/.config/authentik License Manager');
  });

  it('macOS: ~/Library/Application Support/authentik License Manager, whatever XDG_CONFIG_HOME says', () => {
    expect(dataDir({ XDG_CONFIG_HOME: '/home/ann/.cfg' }, 'darwin', '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/authentik License Manager',
    );
  });

  it('Windows: %APPDATA%\\authentik License Manager', () => {
    expect(dataDir({ APPDATA: 'C:\\Users\\Ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\Ann')).toBe(
      'C:\\Users\\Ann\\AppData\\Roaming\\authentik License Manager',
    );
  });

  it("Windows without APPDATA: the profile's AppData\\Roaming", () => {
    expect(dataDir({}, 'win32', 'C:\\Users\\Ann')).toBe('C:\\Users\\Ann\\AppData\\Roaming\\authentik License Manager');
  });

  it('defaults to this process: its environment, platform and home', () => {
    const expected = dataDir(process.env, process.platform, os.homedir());
    expect(dataDir()).toBe(expected);
  });
});
