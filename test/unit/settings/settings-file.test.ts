import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confAccountStore } from '../../../main/portal/account-store';
import { portalAccountId, type PortalAccount } from '../../../main/portal/portal-account';
import { createInstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore } from '../../../main/registry/registry-store';
import { instanceRecord as record } from '../../seeds/instance-record';
import { tempDataDirs } from '../registry/registry-fixtures';

const dataDir = tempDataDirs();
const PORTAL = 'https://customers.example.com';

function account(userId: string): PortalAccount {
  return {
    id: portalAccountId(PORTAL, userId),
    portalUrl: PORTAL,
    userId,
    email: `${userId}@example.com`,
    name: userId,
    lastUsedAt: '2026-05-01T10:00:00.000Z',
  };
}

/** The app's two stores over one data folder, with what they told the person. */
async function folder() {
  const dir = await dataDir();
  const notices: string[] = [];
  const tell = (notice: string) => void notices.push(notice);
  const registry = createInstanceRegistry(confRegistryStore(dir, tell));
  const accounts = confAccountStore(dir, tell);
  const file = join(dir, 'config.json');
  const damagedCopies = () => readdirSync(dir).filter((name) => name.startsWith('config.json.damaged-'));
  return { dir, file, notices, registry, accounts, damagedCopies };
}

const VALID = JSON.stringify({ instances: [], schemaVersion: 1 }, undefined, '\t');

describe('the settings file: a damaged one is set aside, the last good copy restored, and the person told', () => {
  it.each([
    ['empty', '', 'it is empty'],
    ['truncated', VALID.slice(0, 20), 'it is not valid JSON'],
    ['null', 'null', 'it holds null instead of the settings object'],
    ['a list', '[]', 'it holds a list instead of the settings object'],
    ['a string', '"hello"', 'it holds a string instead of the settings object'],
    ['instances of the wrong type', '{"instances": 42}', '"instances" is a number, not a list'],
    ['a record with fields of the wrong type', '{"instances": [{"id": 5, "name": true}]}', 'instances[0].id'],
    ['accounts of the wrong type', '{"portalAccounts": {"alice": 1}}', '"portalAccounts" is an object, not a list'],
    [
      'a version that is not a number',
      '{"schemaVersion": "one"}',
      'its "schemaVersion" is not a whole number from 1 up',
    ],
  ])('%s', async (_, damaged, problem) => {
    const { dir, file, notices, registry, accounts, damagedCopies } = await folder();
    const prod = registry.add(record({ name: 'Prod' }));
    accounts.save(account('alice'));
    writeFileSync(file, damaged);

    // Nothing lost: the last change is in the restored copy.
    expect(registry.list()).toEqual([prod]);
    expect(accounts.list()).toEqual([account('alice')]);
    expect(notices).toHaveLength(1);
    const aside = join(dir, damagedCopies()[0] ?? '');
    const notice = notices[0] ?? '';
    expect(notice.startsWith(`The settings file ${file} was damaged: ${problem}`)).toBe(true);
    expect(
      notice.endsWith(
        `. It was moved to ${aside}, and the last good copy (${file}.bak, saved ${statSync(`${file}.bak`).mtime.toISOString()}) was restored.`,
      ),
    ).toBe(true);
    // The damaged file is kept exactly as it was found, for a person to look at.
    expect(readFileSync(aside, 'utf8')).toBe(damaged);
    // And work goes on from the restored file.
    accounts.save(account('bob'));
    expect(registry.list()).toEqual([prod]);
    expect(notices).toHaveLength(1);
  });

  it('starts empty when there is no good copy, and says where the damaged file went', async () => {
    const { dir, file, notices, registry, accounts, damagedCopies } = await folder();
    await mkdir(dir, { recursive: true });
    writeFileSync(file, '{"instances": [');
    expect(registry.list()).toEqual([]);
    expect(accounts.list()).toEqual([]);
    const aside = join(dir, damagedCopies()[0] ?? '');
    expect(notices).toEqual([
      expect.stringMatching(
        /^The settings file .+ was damaged: it is not valid JSON \(.+\); it may have been cut short\. /,
      ),
    ]);
    expect(
      notices[0]?.endsWith(
        `. It was moved to ${aside}. No good copy could be restored (${file}.bak: there is none), so the app starts with no saved instances or portal accounts; what the damaged file held is still in ${aside}.`,
      ),
    ).toBe(true);
    expect(readFileSync(aside, 'utf8')).toBe('{"instances": [');
    expect(existsSync(file)).toBe(false);
  });

  it('reads a file saved with a UTF-8 byte-order mark, and writes it back without one', async () => {
    const { dir, file, notices, registry, accounts } = await folder();
    await mkdir(dir, { recursive: true });
    const prod = record({ name: 'Prod' });
    writeFileSync(
      file,
      `\uFEFF${JSON.stringify({ instances: [prod], portalAccounts: [account('alice')] }, undefined, 2)}`,
    );
    expect(registry.list()).toEqual([prod]);
    accounts.save(account('bob'));
    expect(readFileSync(file, 'utf8').startsWith('{')).toBe(true);
    expect(registry.list()).toEqual([prod]);
    expect(
      accounts
        .list()
        .map((saved) => saved.userId)
        .sort(),
    ).toEqual(['alice', 'bob']);
    expect(notices).toEqual([]);
  });

  it('keeps what a newer version wrote (its version, unknown keys and fields) and writes it back', async () => {
    const { dir, file, notices, registry, accounts } = await folder();
    await mkdir(dir, { recursive: true });
    const prod = { ...record({ name: 'Prod' }), region: 'eu-west' };
    const alice = { ...account('alice'), avatar: 'https://customers.example.com/a.png' };
    const newer = {
      schemaVersion: 3,
      instances: [prod],
      portalAccounts: [alice],
      fleetGroups: [{ name: 'EU', members: [prod.id] }],
      theme: 'dark',
    };
    writeFileSync(file, JSON.stringify(newer, undefined, '\t'));

    const added = registry.add(record({ name: 'Staging' }));
    accounts.touch(alice.id, new Date('2026-06-01T00:00:00.000Z'));
    accounts.save(account('bob'));

    expect(notices).toEqual([]);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as typeof newer;
    expect(saved.schemaVersion).toBe(3);
    expect(saved.fleetGroups).toEqual(newer.fleetGroups);
    expect(saved.theme).toBe('dark');
    expect(saved.instances).toEqual([prod, added]);
    expect(saved.portalAccounts).toEqual([{ ...alice, lastUsedAt: '2026-06-01T00:00:00.000Z' }, account('bob')]);
  });

  it("leaves a newer version's file it cannot read where it is, and says to update", async () => {
    const { dir, file, registry, damagedCopies } = await folder();
    await mkdir(dir, { recursive: true });
    const text = JSON.stringify({ schemaVersion: 2, instances: { byId: {} } });
    writeFileSync(file, text);
    expect(() => registry.list()).toThrow(
      `The settings file ${file} was written by a newer version of authentik License Manager (format 2) in a form this version cannot read: "instances" is an object, not a list. Update authentik License Manager; the file was left as it is.`,
    );
    expect(() => registry.add(record())).toThrow(/Update authentik License Manager/);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(damagedCopies()).toEqual([]);
  });
});

describe.skipIf(process.platform === 'win32')('the settings file: private to its owner', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('is written 0600 (with its backup) in a 0700 folder', async () => {
    const { dir, file, registry } = await folder();
    registry.add(record());
    expect([mode(dir), mode(file), mode(`${file}.bak`)]).toEqual([0o700, 0o600, 0o600]);
  });

  it('tightens a folder and a file an earlier version left readable by others', async () => {
    const { dir, file, registry, accounts, damagedCopies } = await folder();
    await mkdir(dir, { recursive: true, mode: 0o755 });
    await chmod(dir, 0o755);
    writeFileSync(file, VALID, { mode: 0o644 });
    registry.add(record());
    expect([mode(dir), mode(file), mode(`${file}.bak`)]).toEqual([0o700, 0o600, 0o600]);

    // A damaged copy set aside is private too, whatever it was.
    writeFileSync(file, 'null', { mode: 0o644 });
    await chmod(file, 0o644);
    accounts.list();
    expect(mode(join(dir, damagedCopies()[0] ?? ''))).toBe(0o600);
  });
});
