import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confRegistryStore, RegistryError } from '../../../main/registry/registry-store';
import { record, tempDataDirs } from './registry-fixtures';

const dataDir = tempDataDirs();

describe('confRegistryStore: the instances array in <data dir>/config.json, through conf', () => {
  it('reads nothing, and creates nothing, when no file exists', async () => {
    const dir = await dataDir();
    const store = confRegistryStore(dir);
    expect(store.read()).toBeUndefined();
    expect(existsSync(dir)).toBe(false);
    expect(store.location).toBe(join(dir, 'config.json'));
  });

  it('writes the tab-indented config.json electron-store writes, under the key "instances"', async () => {
    const dir = await dataDir();
    const saved = [record({ name: 'One' })];
    confRegistryStore(dir).write(saved);
    const text = await readFile(join(dir, 'config.json'), 'utf8');
    expect(text).toBe(JSON.stringify({ instances: saved }, undefined, '\t'));
    expect(confRegistryStore(dir).read()).toEqual(saved);
  });

  it('keeps the other settings the app stores in the same file', async () => {
    const dir = await dataDir();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'config.json'), JSON.stringify({ window: { width: 1200 }, theme: 'dark' }, undefined, '\t'));
    confRegistryStore(dir).write([record()]);
    const file = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ window: { width: 1200 }, theme: 'dark', instances: [expect.objectContaining({ name: 'Prod' })] });
  });

  it('reads the file on every call, so changes by the app are seen by a store opened earlier', async () => {
    const dir = await dataDir();
    const store = confRegistryStore(dir);
    store.write([]);
    const other = record({ name: 'Written elsewhere' });
    await writeFile(join(dir, 'config.json'), JSON.stringify({ instances: [other] }, undefined, '\t'));
    expect(store.read()).toEqual([other]);
  });

  it('reports a file that is not JSON, naming it, instead of starting empty', async () => {
    const dir = await dataDir();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'config.json'), '{"instances": [');
    const store = confRegistryStore(dir);
    expect(() => store.read()).toThrow(RegistryError);
    expect(() => store.read()).toThrow(`The settings file ${join(dir, 'config.json')} is not valid JSON`);
    expect(() => store.write([])).toThrow(/is not valid JSON/);
    expect(await readFile(join(dir, 'config.json'), 'utf8')).toBe('{"instances": [');
  });

  it('reports a file that turns bad after it was opened', async () => {
    const dir = await dataDir();
    const store = confRegistryStore(dir);
    store.write([]);
    await writeFile(join(dir, 'config.json'), 'nonsense');
    expect(() => store.read()).toThrow(expect.objectContaining({ code: 'unreadable', message: expect.stringContaining('is not valid JSON') }));
  });
});
