import { mkdir, readFile, rename } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../../main/license/fingerprint';
import { NO_AUDIT_FILTERS } from '../../../shared/audit/audit-filter';
import type { AuthentikSim } from '../../sim/authentik';
import { instanceFixtures, logSince } from '../instances/instance-fixtures';
import { startApp, type AppUnderTest } from './app-fixtures';
import { requireKeychain, tempDataDirs, trackedKeychain, uniqueToken } from './keychain-fixtures';

requireKeychain();
const fx = await instanceFixtures();
const secrets = trackedKeychain();
const dataDirs = tempDataDirs();
const TOKEN = uniqueToken();
const SECOND_TOKEN = uniqueToken();
/** Tokens and keys no IPC answer, and no line of the trail, may carry. */
const watched: string[] = [TOKEN, SECOND_TOKEN];
const ME = { kind: 'os', name: userInfo().username };

async function app(): Promise<{ under: AppUnderTest; dir: string }> {
  const dir = await dataDirs();
  return { under: startApp({ dataDir: dir, secrets, pki: fx.pki, watched }), dir };
}

const sim = (under: AppUnderTest): Promise<AuthentikSim> =>
  fx.sim({
    tokens: { [TOKEN]: { viewLicense: true }, [SECOND_TOKEN]: { viewLicense: true } },
    now: () => under.clock.now(),
  });

function key(installId: string, days: number, claims: Record<string, unknown> = {}): string {
  const text = fx.key(installId, days, claims);
  watched.push(text);
  return text;
}

const add = async (under: AppUnderTest, server: AuthentikSim, name = 'Prod') =>
  (await under.ok('instances:add', { name, url: server.url, token: TOKEN, customer: null, tags: [], caPem: null }))
    .instance;

/** The trail as the Audit screen lists it: action and result of each entry, in order. */
async function actions(under: AppUnderTest): Promise<[string, string][]> {
  const { lines } = await under.ok('audit:list', {});
  return lines.map(({ entry }) => [entry?.action ?? 'not an entry', entry?.result ?? '']);
}

/** Puts a folder where the trail's file is: nothing, root included, can append to it then. */
async function makeTrailUnwritable(dir: string): Promise<void> {
  await rename(join(dir, 'audit.jsonl'), join(dir, 'audit.jsonl.moved'));
  await mkdir(join(dir, 'audit.jsonl'));
}

describe('the audit trail of the app', () => {
  it('records every change, attempt then outcome, as the OS user, keys by fingerprint, and stays intact', async () => {
    const { under, dir } = await app();
    const server = await sim(under);
    const row = await add(under, server);
    const first = key(server.installId, 200, { name: 'First' });
    const renewal = key(server.installId, 400, { name: 'Renewal' });
    const installed = await under.ok('instances:install-key', {
      id: row.id,
      key: first,
      allowOverCapacity: false,
      replaces: null,
    });
    expect(installed.installed).toBe(true);
    const uuid = server.installed()[0]?.licenseUuid ?? '';
    await under.ok('instances:install-key', { id: row.id, key: renewal, allowOverCapacity: false, replaces: uuid });
    await under.ok('instances:update', {
      id: row.id,
      name: 'Production',
      url: server.url,
      customer: null,
      tags: [],
      caPem: null,
      token: SECOND_TOKEN,
    });
    await under.ok('instances:delete-license', { id: row.id, licenseUuid: uuid });
    await under.ok('instances:remove', { id: row.id });

    expect(await actions(under)).toEqual(
      [
        'instance.add',
        'license.install',
        'license.replace',
        'instance.edit',
        'license.delete',
        'instance.remove',
      ].flatMap((action) => [
        [action, 'attempted'],
        [action, 'succeeded'],
      ]),
    );
    const { lines, verification, unrecorded } = await under.ok('audit:list', {});
    expect(verification).toMatchObject({ state: 'intact', entries: 12 });
    expect(unrecorded).toEqual([]);
    expect((await under.ok('audit:verify', {})).verification).toEqual(verification);
    const entries = lines.map(({ entry }) => entry);
    expect(entries.every((entry) => JSON.stringify(entry?.actor) === JSON.stringify(ME))).toBe(true);
    expect(entries[1]).toMatchObject({
      target: { instance: { id: row.id, name: 'Prod', url: server.url } },
      fingerprint: null,
    });
    expect(entries[3]).toMatchObject({
      fingerprint: keyFingerprint(first),
      target: { license: uuid, license_name: 'First' },
      detail: expect.stringMatching(/^ok: Installed "First"/),
    });
    expect(entries[4]).toMatchObject({ fingerprint: keyFingerprint(renewal), target: { license: uuid } });
    expect(entries[7]).toMatchObject({
      detail: 'changed: name, API token replaced',
      target: { instance: { name: 'Production' } },
    });
    expect(entries[8]).toMatchObject({
      fingerprint: keyFingerprint(renewal),
      target: { license: uuid, license_name: 'Renewal' },
    });

    const text = await readFile(join(dir, 'audit.jsonl'), 'utf8');
    for (const secret of watched) expect(text).not.toContain(secret);
  });

  it('records a change that failed, with why', async () => {
    const { under } = await app();
    const server = await sim(under);
    const wrong = uniqueToken();
    watched.push(wrong);
    expect(
      await under.call('instances:add', {
        name: 'Wrong',
        url: server.url,
        token: wrong,
        customer: null,
        tags: [],
        caPem: null,
      }),
    ).toMatchObject({ ok: false, error: { code: 'connection_failed' } });
    const { lines } = await under.ok('audit:list', {});
    expect(lines.map(({ entry }) => [entry?.result, entry?.detail?.split(':')[0]])).toEqual([
      ['attempted', undefined],
      ['failed', 'unauthorized'],
    ]);
  });

  it('does not install, and sends nothing, when the entry cannot be written; nor adds an instance', async () => {
    const { under, dir } = await app();
    const server = await sim(under);
    const row = await add(under, server);
    await makeTrailUnwritable(dir);
    const before = server.requests.length;

    const refused = await under.call('instances:install-key', {
      id: row.id,
      key: key(server.installId, 200),
      allowOverCapacity: false,
      replaces: null,
    });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'audit_unwritable',
        message: expect.stringMatching(
          /audit\.jsonl could not be written: EISDIR.* Nothing was done, since every change is recorded before it is made/,
        ),
      },
    });
    expect(logSince(server, before)).toEqual([]);
    expect(server.installed()).toEqual([]);

    const registry = under.fileText();
    const other = await sim(under);
    expect(
      await under.call('instances:add', {
        name: 'Other',
        url: other.url,
        token: TOKEN,
        customer: null,
        tags: [],
        caPem: null,
      }),
    ).toMatchObject({ ok: false, error: { code: 'audit_unwritable' } });
    expect(other.requests).toEqual([]);
    expect(under.fileText()).toBe(registry);
    expect((await under.ok('audit:verify', {})).verification).toMatchObject({
      state: 'unverifiable',
      message: expect.stringContaining('EISDIR'),
    });
  });

  it('exports what the filters leave, as JSON Lines exactly as written or as CSV', async () => {
    const { under, dir } = await app();
    const server = await sim(under);
    await add(under, server, 'Kept');
    const row = await add(under, server, 'Gone');
    await under.ok('instances:remove', { id: row.id });

    const all = await under.ok('audit:export', { format: 'jsonl', filters: NO_AUDIT_FILTERS });
    expect(all.content).toBe(await readFile(join(dir, 'audit.jsonl'), 'utf8'));
    const removals = await under.ok('audit:export', {
      format: 'csv',
      filters: { ...NO_AUDIT_FILTERS, action: 'instance.remove', instance: 'Gone' },
    });
    expect(removals).toMatchObject({
      fileName: expect.stringMatching(/^authentik-audit-\d{4}-\d{2}-\d{2}\.csv$/),
      mimeType: 'text/csv',
    });
    expect(
      removals.content
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(',').slice(0, 7)),
    ).toEqual([
      ['5', expect.any(String), 'os', ME.name, 'instance.remove', 'attempted', 'Gone'],
      ['6', expect.any(String), 'os', ME.name, 'instance.remove', 'succeeded', 'Gone'],
    ]);
  });
});
