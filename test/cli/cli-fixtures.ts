import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createTestPki, type TestPki } from '../pki/test-pki';

export interface CliFixtures {
  pki: TestPki;
  dir: string;
  /** PEM of the test root. */
  root: string;
  /** PEM of the rogue chain's root (same names, other keys). */
  rogueRoot: string;
  write(name: string, text: string): Promise<string>;
}

/** A fresh test PKI and a temp directory to hold keys and roots as files, removed after the file's tests. */
export async function cliFixtures(): Promise<CliFixtures> {
  const pki = await createTestPki();
  const dir = await mkdtemp(join(tmpdir(), 'aklm-cli-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const write = async (name: string, text: string): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  return {
    pki,
    dir,
    write,
    root: await write('test-root.pem', pki.root.pem),
    rogueRoot: await write('rogue-root.pem', pki.rogue.root.pem),
  };
}
