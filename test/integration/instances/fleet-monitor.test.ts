import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFleetMonitor } from '../../../main/instances/fleet-monitor';
import type { SavedInstance } from '../../../main/instances/instance-row';
import type { RefreshOutcome } from '../../../main/instances/refresh-patch';
import { trustRootsOf } from '../../../main/license/trust-roots';
import { KeychainUnavailableError } from '../../../main/secrets/secret-store';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { withUnreadableDates } from '../../pki/unreadable-dates';
import { DAY_S, instanceFixtures, nowSeconds, TOKEN } from './instance-fixtures';

const fx = await instanceFixtures();
const roots = trustRootsOf([new X509Certificate(fx.pki.root.pem)]);
const SECRET = 'aklm-fleet-secret-token-4f1c9a';

type Connection = { url: string; token: string; caPem: string | null };

const saved = (id: string, url: string): SavedInstance => ({
  id,
  name: id,
  url,
  customer: null,
  tags: [],
  lastInstallId: null,
  lastVersion: null,
  lastRefresh: null,
});

/** A monitor over these instances, one read at a time, recording what it saves and the progress it reports. */
function monitorOf(instances: SavedInstance[], connectionsFor: () => Promise<Map<string, Connection | Error>>) {
  const saves: ReadonlyMap<string, RefreshOutcome>[] = [];
  const progress: [number, number][] = [];
  const monitor = createFleetMonitor({
    saved: () => instances,
    connectionsFor,
    refreshed: (outcomes) => void saves.push(outcomes),
    roots: () => roots,
    now: () => Date.now(),
    timeoutMs: 5000,
    concurrency: 1,
  });
  return {
    monitor,
    saves,
    refresh: () => monitor.refresh(null, (done, total) => void progress.push([done, total])),
    progress,
  };
}

async function twoSims() {
  const first = await fx.sim({ installId: '0a1b2c3d-4e5f-4a6b-8c7d-000000000001' });
  first.addLicense(fx.key(first.installId, 200));
  first.refreshCachedSummary();
  const last = await fx.sim({ installId: '0a1b2c3d-4e5f-4a6b-8c7d-000000000003' });
  last.addLicense(fx.key(last.installId, 200));
  last.refreshCachedSummary();
  return { first, last };
}

describe('Refresh all: a failure of any kind stays on its own row', () => {
  it('an unexpected error while reading one instance marks only its row, in words without its token; the instance after it is still read and every outcome is saved', async () => {
    const { first, last } = await twoSims();
    const broken: Connection = {
      url: 'https://broken.example.test',
      caPem: null,
      get token(): string {
        throw new TypeError(`the keychain answer for ${SECRET} could not be decoded`);
      },
    };
    const instances = [saved('first', first.url), saved('broken', broken.url), saved('last', last.url)];
    const { monitor, saves, refresh, progress } = monitorOf(
      instances,
      async () =>
        new Map<string, Connection | Error>([
          ['first', { url: first.url, token: TOKEN, caPem: null }],
          ['broken', broken],
          ['last', { url: last.url, token: TOKEN, caPem: null }],
        ]),
    );

    const rows = await refresh();

    expect(rows.map((row) => [row.name, row.state, row.status])).toEqual([
      ['first', 'ok', 'valid'],
      ['broken', 'unknown', null],
      ['last', 'ok', 'valid'],
    ]);
    const failure = monitor.reportOf('broken');
    expect(failure).toMatchObject({
      status: null,
      exit: 3,
      error: {
        code: 'internal_error',
        message: expect.stringContaining('unexpected error inside the app (TypeError)'),
      },
    });
    expect(JSON.stringify(failure)).not.toContain(SECRET);
    expect(saves).toHaveLength(1);
    const outcomes = saves[0] ?? new Map<string, RefreshOutcome>();
    expect([...outcomes.keys()].sort()).toEqual(['broken', 'first', 'last']);
    expect(outcomes.get('broken')).toMatchObject({ ok: false, errorCode: 'internal_error' });
    expect(outcomes.get('broken')?.errorMessage).not.toContain(SECRET);
    expect(outcomes.get('last')).toMatchObject({ ok: true, errorCode: null, installId: last.installId });
    expect(progress.at(-1)).toEqual([3, 3]);
  });

  it('a hostile instance (a key whose certificate dates cannot be read) gets a row of its own, and the instances around it are read', async () => {
    const { first, last } = await twoSims();
    const hostile = await fx.sim({ installId: '0a1b2c3d-4e5f-4a6b-8c7d-00000000000b' });
    const x5c = [withUnreadableDates(fx.pki.signerP384, fx.pki.intermediate.privateKey), fx.pki.intermediate.x5c];
    hostile.addLicense(
      mintKey({
        signer: fx.pki.signerP384,
        intermediate: fx.pki.intermediate,
        header: { alg: 'ES512', typ: 'JWT', x5c },
        claims: licenseClaims(hostile.installId, nowSeconds() + 200 * DAY_S),
      }),
    );
    hostile.refreshCachedSummary();
    const connection = (url: string): Connection => ({ url, token: TOKEN, caPem: null });
    const { monitor, saves, refresh, progress } = monitorOf(
      [saved('first', first.url), saved('hostile', hostile.url), saved('last', last.url)],
      async () =>
        new Map([
          ['first', connection(first.url)],
          ['hostile', connection(hostile.url)],
          ['last', connection(last.url)],
        ]),
    );

    const rows = await refresh();

    expect(rows.map((row) => row.name)).toEqual(['first', 'hostile', 'last']);
    expect(rows[0]).toMatchObject({ state: 'ok', status: 'valid' });
    expect(rows[2]).toMatchObject({ state: 'ok', status: 'valid' });
    // However its key is judged, the hostile instance was read to the end and its row says what came of it.
    expect(monitor.reportOf('hostile')).toBeDefined();
    expect([...(saves[0]?.keys() ?? [])].sort()).toEqual(['first', 'hostile', 'last']);
    expect(progress.at(-1)).toEqual([3, 3]);
  });

  it("when no token can be read (the keychain is locked), each row says so in the keychain's words, and the refresh is saved", async () => {
    const { first, last } = await twoSims();
    const locked = new KeychainUnavailableError(
      'locked',
      'The Secret Service keyring is locked or has no default keyring: unlock it and try again.',
    );
    const { monitor, saves, refresh } = monitorOf([saved('first', first.url), saved('last', last.url)], () =>
      Promise.reject(locked),
    );
    const before = first.requests.length + last.requests.length;

    const rows = await refresh();

    expect(rows.map((row) => row.state)).toEqual(['unknown', 'unknown']);
    for (const id of ['first', 'last']) {
      expect(monitor.reportOf(id)).toMatchObject({
        error: { code: 'keychain_unavailable', message: `Its API token could not be read: ${locked.message}` },
      });
      expect(saves[0]?.get(id)).toMatchObject({ ok: false, errorCode: 'keychain_unavailable' });
    }
    // Without a token nothing was sent.
    expect(first.requests.length + last.requests.length).toBe(before);
  });

  it("any other failure to read the connections is a row error in words, never the error's own text", async () => {
    const { first } = await twoSims();
    const { monitor, saves, refresh } = monitorOf([saved('first', first.url)], () =>
      Promise.reject(new Error(`secret store returned ${SECRET}`)),
    );

    await refresh();

    const failure = monitor.reportOf('first');
    expect(failure).toMatchObject({
      error: { code: 'internal_error', message: expect.stringContaining('The other instances were read as usual') },
    });
    expect(JSON.stringify(failure)).not.toContain(SECRET);
    expect(saves[0]?.get('first')).toMatchObject({ ok: false, errorCode: 'internal_error' });
  });
});

describe('Refresh all: an address edited during the read', () => {
  it("keeps nothing of the old address's answer: no saved outcome, no row status, and the next read is of the new address", async () => {
    const slow = await fx.sim({ installId: '0a1b2c3d-4e5f-4a6b-8c7d-000000000005', latencyMs: 200 });
    slow.addLicense(fx.key(slow.installId, 200));
    slow.refreshCachedSummary();
    const { last } = await twoSims();
    const instance = saved('moved', slow.url);
    const { monitor, saves, refresh } = monitorOf(
      [instance],
      async () => new Map([['moved', { url: instance.url, token: TOKEN, caPem: null }]]),
    );

    const reading = refresh();
    // The read of the old address is on its way when the instance is edited to point at another server.
    await expect.poll(() => slow.requests.length).toBeGreaterThan(0);
    instance.url = last.url;
    const rows = await reading;

    expect(rows.map((row) => [row.url, row.statusSource, row.status])).toEqual([[last.url, 'none', null]]);
    expect(saves[0]?.has('moved')).toBe(false);
    expect(monitor.reportOf('moved')).toBeUndefined();

    const again = await refresh();
    expect(again.map((row) => [row.url, row.status, row.installId])).toEqual([[last.url, 'valid', last.installId]]);
  });
});

describe('Refresh all: an instance refreshed on its own meanwhile', () => {
  it('keeps the newer single read, in memory and saved: the batch that read it earlier does not put its older answer back', async () => {
    const fresh = await fx.sim({ installId: '0a1b2c3d-4e5f-4a6b-8c7d-000000000007' });
    const slow = await fx.sim({ installId: '0a1b2c3d-4e5f-4a6b-8c7d-000000000009', latencyMs: 200 });
    const instances = [saved('fresh', fresh.url), saved('slow', slow.url)];
    const { monitor, saves } = monitorOf(
      instances,
      async () =>
        new Map([
          ['fresh', { url: fresh.url, token: TOKEN, caPem: null }],
          ['slow', { url: slow.url, token: TOKEN, caPem: null }],
        ]),
    );

    // The batch reads "fresh" (no license yet) first, then spends a while on "slow".
    const batch = monitor.refresh(null, () => undefined);
    await expect.poll(() => slow.requests.length).toBeGreaterThan(0);
    // Meanwhile a key is installed on "fresh" and it is read again on its own, as an install does.
    fresh.addLicense(fx.key(fresh.installId, 200));
    fresh.refreshCachedSummary();
    const [single] = await monitor.refresh(['fresh'], () => undefined);
    expect(single?.status).toBe('valid');
    const rows = await batch;

    expect(rows.find((row) => row.id === 'fresh')?.status).toBe('valid');
    expect(monitor.reportOf('fresh')).toMatchObject({ status: 'valid' });
    expect(saves).toHaveLength(2);
    expect(saves[0]?.get('fresh')?.lastStatus?.status).toBe('valid');
    expect([...(saves[1]?.keys() ?? [])]).toEqual(['slow']);
  });
});
