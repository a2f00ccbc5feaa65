import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedCases } from './import-rule-allowed-cases';
import { breachCases } from './import-rule-breach-cases';
import { findImportBreaches, type Breach } from './import-rules';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('import rules (docs: architecture.md, "Import rules")', () => {
  it('the repository breaks none of them', async () => {
    // Guard against a vacuous pass: the scan must be pointed at the real source tree.
    expect(existsSync(path.join(repoRoot, 'shared/ipc/contract.ts'))).toBe(true);
    expect(existsSync(path.join(repoRoot, 'main/ipc/handlers'))).toBe(true);
    const breaches = await findImportBreaches(repoRoot);
    expect(breaches).toEqual([]);
  });
});

describe('import rule checker on fixture trees', () => {
  let fixtureRoot: string;
  let breaches: Breach[];

  beforeAll(async () => {
    fixtureRoot = await mkdtemp(path.join(tmpdir(), 'import-rules-'));
    for (const { file, source } of [...breachCases, ...allowedCases]) {
      const absolute = path.join(fixtureRoot, file);
      await mkdir(path.dirname(absolute), { recursive: true });
      await writeFile(absolute, source);
    }
    breaches = await findImportBreaches(fixtureRoot);
  });

  afterAll(async () => {
    await rm(fixtureRoot, { recursive: true, force: true });
  });

  it.each(breachCases)('reports $file importing $specifier exactly once', ({ file, specifier, rule }) => {
    const found = breaches.filter((breach) => breach.file === file);
    expect(found).toEqual([{ file, specifier, rule: expect.stringMatching(rule) }]);
  });

  it.each(allowedCases)('allows every import in $file', ({ file }) => {
    expect(breaches.filter((breach) => breach.file === file)).toEqual([]);
  });

  it('reports nothing beyond the breach fixtures', () => {
    const expected = breachCases.map(({ file, specifier }) => ({ file, specifier }));
    const actual = breaches.map(({ file, specifier }) => ({ file, specifier }));
    expect(actual).toEqual(expect.arrayContaining(expected));
    expect(actual).toHaveLength(expected.length);
  });
});
