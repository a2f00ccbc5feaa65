import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confRegistryStore, RegistryError } from '../../../main/registry/registry-store';
import { instanceRecord as record } from '../../seeds/instance-record';
import { tempDataDirs } from './registry-fixtures';

const dataDir = tempDataDirs();

describe('confRegistryStore: the instances array in <data dir>/config.json', () => {
  it('reads nothing, and creates nothing, when no file exists', async () => {
    const dir = await dataDir();
    const store = confRegistryStore(dir);
    expect(store.read()).toBeUndefined();
    expect(existsSync(dir)).toBe(false);
    expect(store.location).toBe(join(dir, 'config.json'));
  });

  it('writes the tab-indented config.json electron-store writes, under the key "instances", with the format version', async () => {
    const dir = await dataDir();
    const saved = [record({ name: 'One' })];
    confRegistryStore(dir).update(() => saved);
    const text = await readFile(join(dir, 'config.json'), 'utf8');
    expect(text).toBe(JSON.stringify({ instances: saved, schemaVersion: 1 }, undefined, '\t'));
    expect(confRegistryStore(dir).read()).toEqual(saved);
  });

  it('keeps the other settings the app stores in the same file', async () => {
    const dir = await dataDir();
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'config.json'),
      JSON.stringify({ window: { width: 1200 }, theme: 'dark' }, undefined, '\t'),
    );
    confRegistryStore(dir).update(() => [record()]);
    const file = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({
      window: { width: 1200 },
      theme: 'dark',
      instances: [expect.objectContaining({ name: 'Prod' })],
    });
  });

  it('reads the file on every call, so changes by the app are seen by a store opened earlier', async () => {
    const dir = await dataDir();
    const store = confRegistryStore(dir);
    store.update(() => []);
    const other = record({ name: 'Written elsewhere' });
    await writeFile(join(dir, 'config.json'), JSON.stringify({ instances: [other] }, undefined, '\t'));
    expect(store.read()).toEqual([other]);
  });

  it('hands a change the instances saved at that moment, and writes nothing when the change says so', async () => {
    const dir = await dataDir();
    const store = confRegistryStore(dir);
    const first = record({ name: 'First' });
    store.update(() => [first]);
    const text = await readFile(store.location, 'utf8');
    let seen: unknown;
    store.update((instances) => {
      seen = instances;
      return undefined;
    });
    expect(seen).toEqual([first]);
    expect(await readFile(store.location, 'utf8')).toBe(text);
  });

  it('reports a file it cannot read as unreadable, naming it', async () => {
    const dir = await dataDir();
    await mkdir(join(dir, 'config.json'), { recursive: true });
    const store = confRegistryStore(dir);
    expect(() => store.read()).toThrow(RegistryError);
    expect(() => store.read()).toThrow(
      expect.objectContaining({
        code: 'unreadable',
        message: expect.stringContaining(`The settings file ${join(dir, 'config.json')} cannot be read (EISDIR)`),
      }),
    );
  });
});
