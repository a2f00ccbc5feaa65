import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../shared/ipc/channels';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { SECRET_CLIPBOARD_TTL_MS } from '../../../main/clipboard/secret-clipboard';
import { portalKeychainAccount } from '../../../main/portal/portal-tokens';
import { closedUrl } from '../../net/closed-url';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { SEED } from '../../sim/portal';
import { uniqueToken } from '../keychain/keychain-fixtures';
import { vaultSecret } from '../keychain/vault-reader';
import { secretLeaks } from '../secret-scan';
import { portalIpcFixtures, type PortalApp } from './portal-ipc-fixtures';

const fx = portalIpcFixtures();
const { alice: ALICE } = SEED.users;
const { acme: ACME } = SEED.organizations;
const { acmeProduction: PRODUCTION } = SEED.licenses;
/** The one channel allowed to answer with a license key: explicit and user-triggered. */
const REVEAL_CHANNEL = 'portal:reveal-license-key';
const DAY_SECONDS = 24 * 3600;

interface Answer {
  channel: ChannelName;
  input: unknown;
  result: Result<unknown>;
}

/** Every answer and push event the page received in a session, to be scanned string by string for each secret. */
function recording(app: PortalApp) {
  const answers: Answer[] = [];
  const call = async <C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<unknown>> => {
    const result = (await app.invoke(channel, input)) as Result<unknown>;
    answers.push({ channel, input, result });
    return result;
  };
  const ok = async <C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<unknown> => {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  const failed = async <C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<void> => {
    const result = await call(channel, input);
    if (result.ok) throw new Error(`${channel} should have failed, and answered ${JSON.stringify(result.value)}`);
  };
  return { answers, call, ok, failed };
}

/** Where the answers and events carry any of `secrets`, every string of each walked; answers `allowedWhere` are skipped. */
function leaksOf(
  sent: { where: string; value: unknown }[],
  secrets: readonly string[],
  allowedWhere: (where: string) => boolean = () => false,
): string[] {
  return sent.flatMap(({ where, value }) => (allowedWhere(where) ? [] : secretLeaks(where, value, secrets)));
}

describe('no IPC answer or push event carries a token, and only the reveal channel a license key', () => {
  it('over a whole session: add, refresh, detail, preflight, install, replace, delete, export, audit, edit, errors, the portal and its reveal', async () => {
    const portal = await fx.portal();
    const app = await fx.app(portal.url);
    const { call, ok, failed, answers } = recording(app);

    const TOKEN = uniqueToken();
    const SECOND_TOKEN = uniqueToken();
    const WRONG_TOKEN = uniqueToken();
    const installId = PRODUCTION.installId;
    const sim = await fx.authentik({
      installId,
      tokens: { [TOKEN]: { viewLicense: true }, [SECOND_TOKEN]: { viewLicense: true } },
      users: { internal: 30, external: 5, internalJoinedLast30Days: 2 },
    });
    const now = Math.floor(Date.now() / 1000);
    const key = (days: number, claims: Record<string, unknown> = {}, forInstall = installId): string =>
      mintKey({
        signer: fx.pki.signerP384,
        intermediate: fx.pki.intermediate,
        claims: licenseClaims(forInstall, now + days * DAY_SECONDS, {
          internal_users: 50,
          external_users: 100,
          ...claims,
        }),
      });
    const INSTALLED = key(40, { name: 'Installed before' });
    const NEW_KEY = key(365, { name: 'New term' });
    const RENEWAL = key(400, { name: 'Renewal' });
    const TOO_SMALL = key(365, { name: 'Too small', internal_users: 5 });
    const ELSEWHERE = key(365, { name: 'Elsewhere' }, randomUUID());
    const NOT_A_KEY = `aklm-garbage-key-${randomUUID()}`;
    const TRUNCATED = NEW_KEY.slice(0, -20);
    sim.addLicense(INSTALLED);
    sim.refreshCachedSummary();
    const fields = { name: 'Production', url: sim.url, customer: 'Acme', tags: ['eu'], caPem: null };

    // Adding: errors first (nothing saved), each carrying a token somewhere in its request.
    await failed('instances:add', { ...fields, token: WRONG_TOKEN });
    await failed('instances:add', { ...fields, url: await closedUrl(), token: TOKEN });
    await failed('instances:add', { ...fields, url: `http://admin:${TOKEN}@${new URL(sim.url).host}`, token: TOKEN });
    // A token pasted into the address's query is dropped from the saved address, not kept or shown.
    const withQuery = await call('instances:add', {
      ...fields,
      name: 'With a query',
      url: `${sim.url}/?token=${TOKEN}`,
      token: TOKEN,
    });
    expect(withQuery).toMatchObject({ ok: true, value: { instance: { url: sim.url } } });
    if (withQuery.ok)
      await ok('instances:remove', { id: (withQuery.value as { instance: { id: string } }).instance.id });
    await failed('instances:add', { ...fields, token: `${TOKEN} with a space` });
    const { instance } = (await ok('instances:add', { ...fields, token: TOKEN })) as { instance: { id: string } };
    await failed('instances:add', { ...fields, token: TOKEN });

    await ok('instances:list', {});
    await ok('instances:refresh', { ids: null });
    await ok('instances:refresh', { ids: [instance.id] });
    const detail = (await ok('instances:detail', { id: instance.id, refresh: true })) as {
      licenses: { licenseUuid: string; name: string }[];
    };
    const installedUuid = detail.licenses.find((license) => license.name === 'Installed before')?.licenseUuid ?? '';
    await ok('instances:copy-install-id', { id: instance.id });

    // Keys: checked offline, then against the instance, then installed.
    for (const candidate of [NEW_KEY, ELSEWHERE, NOT_A_KEY, TRUNCATED])
      await ok('license:verify-key', { key: candidate, installId });
    const { fingerprint } = (await ok('license:verify-key', { key: NEW_KEY, installId: null })) as {
      fingerprint: string;
    };
    await ok('license:copy-key', { fingerprint });
    expect(app.clipboard.peek()).toBe(NEW_KEY);
    await ok('license:copy-fingerprint', { fingerprint });
    for (const candidate of [NEW_KEY, ELSEWHERE, NOT_A_KEY, TRUNCATED])
      await call('instances:preflight-install', { id: instance.id, key: candidate, replaces: null });
    await ok('instances:preflight-install', { id: instance.id, key: RENEWAL, replaces: installedUuid });
    // Renewing with 5 seats for 30 users: refused unless the person accepts read-only.
    await ok('instances:preflight-install', { id: instance.id, key: TOO_SMALL, replaces: installedUuid });
    await call('instances:install-key', {
      id: instance.id,
      key: TOO_SMALL,
      allowOverCapacity: false,
      replaces: installedUuid,
    });
    await call('instances:install-key', { id: instance.id, key: NOT_A_KEY, allowOverCapacity: false, replaces: null });
    await call('instances:install-key', { id: instance.id, key: ELSEWHERE, allowOverCapacity: false, replaces: null });
    await ok('instances:install-key', { id: instance.id, key: NEW_KEY, allowOverCapacity: false, replaces: null });
    await ok('instances:install-key', {
      id: instance.id,
      key: RENEWAL,
      allowOverCapacity: false,
      replaces: installedUuid,
    });
    expect(
      sim
        .installed()
        .map((license) => license.key)
        .sort(),
    ).toEqual([NEW_KEY, RENEWAL].sort());
    const after = (await ok('instances:detail', { id: instance.id, refresh: true })) as {
      licenses: { licenseUuid: string; name: string }[];
    };
    await failed('instances:delete-license', { id: instance.id, licenseUuid: randomUUID() });
    await ok('instances:delete-license', {
      id: instance.id,
      licenseUuid: after.licenses.find((license) => license.name === 'New term')?.licenseUuid ?? '',
    });

    await ok('instances:export', { format: 'csv' });
    await ok('instances:export', { format: 'json' });
    await ok('instances:audit', {});
    await ok('instances:delete-orphaned-tokens', {});

    // Editing: a refused token changes nothing; a good one replaces it.
    const edit = { id: instance.id, ...fields, tags: ['eu'] };
    await failed('instances:update', { ...edit, token: WRONG_TOKEN });
    await failed('instances:update', {
      ...edit,
      url: `http://admin:${SECOND_TOKEN}@${new URL(sim.url).host}`,
      token: null,
    });
    await ok('instances:update', { ...edit, token: SECOND_TOKEN });

    // Failed reads: the server errs, then drops every connection.
    sim.fault({ kind: 'status', status: 500, times: 20 });
    await ok('instances:refresh', { ids: [instance.id] });
    await call('instances:preflight-install', { id: instance.id, key: NEW_KEY, replaces: null });
    sim.fault({ kind: 'drop', times: 1000 });
    await call('instances:detail', { id: instance.id, refresh: true });
    await call('instances:install-key', { id: instance.id, key: NEW_KEY, allowOverCapacity: false, replaces: null });

    // The customer portal: its tokens are secrets too; its keys leave main only through the reveal.
    browserSignIn(app);
    const { account } = (await ok('portal:sign-in', { portalUrl: portal.url })) as { account: { id: string } };
    const stored = JSON.parse(vaultSecret(app.dataDir, portalKeychainAccount(account.id)) ?? '{}') as {
      access_token?: string;
      refresh_token?: string | null;
    };
    await ok('portal:list-accounts', {});
    await ok('portal:list-organizations', {});
    await ok('portal:list-licenses', { org: ACME.id });
    await ok('portal:get-license', { org: ACME.id, id: PRODUCTION.id });
    const revealed = (await ok(REVEAL_CHANNEL, { org: ACME.id, id: PRODUCTION.id })) as { key: string };
    await ok('portal:copy-license-key', { org: ACME.id, id: PRODUCTION.id });
    await ok('portal:list-pending-installs', {});
    await call('portal:preflight-license-install', { org: ACME.id, id: PRODUCTION.id, instanceId: instance.id });
    await call('portal:install-license', {
      org: ACME.id,
      id: PRODUCTION.id,
      instanceId: instance.id,
      allowOverCapacity: false,
      replaces: null,
    });

    await ok('instances:remove', { id: instance.id });
    await failed('instances:detail', { id: instance.id, refresh: false });
    // The copied keys are cleared from the clipboard (a push event) once their time is up.
    await app.clock.advance(SECRET_CLIPBOARD_TTL_MS);
    expect(app.events).toContain('clipboard:did-clear');

    const tokens = [TOKEN, SECOND_TOKEN, WRONG_TOKEN, stored.access_token ?? '', stored.refresh_token ?? ''].filter(
      (token) => token !== '',
    );
    const portalKeys = portal.state.data.licenses.flatMap((license) => (license.key === null ? [] : [license.key]));
    const sentKeys = [NEW_KEY, RENEWAL, TOO_SMALL, ELSEWHERE, NOT_A_KEY, TRUNCATED];
    const keys = [INSTALLED, ...sentKeys, ...portalKeys];
    expect(stored.access_token).toBeTruthy();
    expect(revealed.key).toBe(portal.state.data.licenses.find((license) => license.id === PRODUCTION.id)?.key);

    const texts = [
      ...answers.map(({ channel, result }, index) => ({
        where: `answer ${index} (${channel}, ${result.ok ? 'ok' : `error ${result.error.code}`})`,
        value: result,
      })),
      ...app.pushed.map(({ event, payload }, index) => ({ where: `event ${index} (${event})`, value: payload })),
    ];
    // Every token and key of the instance side was sent in some request: the session really handled them.
    const requests = answers.map(({ input }) => JSON.stringify(input));
    for (const sent of [TOKEN, SECOND_TOKEN, WRONG_TOKEN, ...sentKeys])
      expect(requests.some((text) => text.includes(sent))).toBe(true);
    // The scan covers errors as well as answers, and events of every kind the session pushed.
    expect(answers.filter(({ result }) => !result.ok).length).toBeGreaterThan(10);
    expect(new Set(app.pushed.map(({ event }) => event))).toEqual(
      new Set(['instances:did-change', 'instances:refresh-progress', 'portal:did-change', 'clipboard:did-clear']),
    );
    expect(leaksOf(texts, tokens)).toEqual([]);
    expect(leaksOf(texts, keys, (where) => where.includes(`(${REVEAL_CHANNEL},`))).toEqual([]);
    // The scan does see a key where one is allowed: the reveal answer carries it, and nothing else does.
    expect(leaksOf(texts, keys).map((leak) => leak.replace(/ carries secret #\d+$/, ''))).toEqual([
      `answer ${answers.findIndex(({ channel }) => channel === REVEAL_CHANNEL)} (${REVEAL_CHANNEL}, ok).value.key`,
    ]);
  });
});

/** The person signs in at the portal's page that the app opens in the system browser. */
function browserSignIn(app: PortalApp): void {
  app.browser.signInAs = ALICE.email;
}
