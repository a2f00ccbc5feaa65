import { describe, expect, it } from 'vitest';
import { createLog } from '../../../main/logging/log';
import { createSecretRedactor } from '../../../main/logging/secret-redactor';
import { rememberingSecretStore } from '../../../main/secrets/remembering-secret-store';
import type { SecretStore } from '../../../main/secrets/secret-store';
import { SEED } from '../../sim/portal';
import { portalFixtures, storedTokens } from './portal-fixtures';

const fx = portalFixtures();
const { alice: ALICE, erin: ERIN } = SEED.users;

/** The app's log as main/index.ts builds it, writing to a list; and `remembering`, making the token vault tell it every secret, as the app's does. */
function appLog() {
  const lines: string[] = [];
  const redactor = createSecretRedactor();
  return {
    redactor,
    log: createLog((text) => lines.push(text), redactor),
    remembering: (vault: SecretStore) => rememberingSecretStore(vault, redactor),
    text: () => lines.join('\n'),
  };
}

/** Errors holding `secret` bare, as a failing library may word them: in the message, in the cause, in a field. */
function logErrorsHolding(log: ReturnType<typeof createLog>, secret: string): void {
  log.error('IPC portal:list-organizations failed', new Error(`the portal refused ${secret}`));
  log.error(
    'A scheduled task failed',
    new Error('the refresh failed', { cause: new Error(`grant ${secret} is unknown`) }),
  );
  log.error(
    'IPC portal:me failed',
    Object.assign(new Error('the request failed'), {
      request: { body: `refresh_token=${secret}&grant_type=refresh_token` },
    }),
  );
}

describe('the app log never shows a portal token or an invitation token', () => {
  it('after a real sign-in: neither the access token nor the refresh token, each logged bare', async () => {
    const sim = await fx.sim();
    const { log, remembering, text } = appLog();
    const world = await fx.world({}, { email: ALICE.email }, { wrap: remembering });
    const account = await world.accounts.signIn(sim.url);
    const tokens = storedTokens(world, account.id);
    const access = tokens?.access_token ?? '';
    const refresh = tokens?.refresh_token ?? '';
    // Opaque tokens, not JWTs: only what the vault told the log can catch them.
    expect(access).not.toMatch(/^eyJ/);
    expect(refresh).toMatch(/.{8}/);

    logErrorsHolding(log, access);
    logErrorsHolding(log, refresh);
    expect(text()).toContain('the portal refused [redacted]');
    expect(text()).toContain('grant [redacted] is unknown');
    expect(text()).not.toContain(access);
    expect(text()).not.toContain(refresh);
  });

  it('in the next session: the tokens it reads from the vault, and those a refresh brings', async () => {
    const sim = await fx.sim();
    const first = await fx.world({}, { email: ALICE.email });
    const account = await first.accounts.signIn(sim.url);
    const signedIn = storedTokens(first, account.id);

    // A new app session on the same accounts: the log has heard of no token yet.
    const { log, remembering, text } = appLog();
    const next = await fx.world({}, null, { dir: first.dir, wrap: remembering });
    sim.expireTokens(['AccessToken']);
    expect((await next.accounts.client().me()).email).toBe(ALICE.email);
    const refreshed = storedTokens(next, account.id);
    expect(refreshed?.access_token).not.toBe(signedIn?.access_token);

    const all = [
      signedIn?.access_token,
      signedIn?.refresh_token,
      refreshed?.access_token,
      refreshed?.refresh_token,
    ].filter((token) => typeof token === 'string');
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const token of all) logErrorsHolding(log, token);
    for (const token of all) expect(text()).not.toContain(token);
    expect(text()).toContain('[redacted]');
  });

  it('neither the invitation link of a request nor the token it carries, logged alone', async () => {
    const sim = await fx.sim();
    const world = await fx.world({}, { email: ALICE.email });
    await world.accounts.signIn(sim.url);
    await world.accounts.client().createInvitation(SEED.organizations.acme.id, { email: ERIN.email, role: 'member' });
    const link = sim.outbox().find((mail) => mail.to === ERIN.email)?.link ?? '';
    const token = new URL(link).searchParams.get('token') ?? '';
    expect(token).toMatch(/.{16}/);

    const { redactor, log, text } = appLog();
    // What main/index.ts does with every IPC request before its handler runs.
    redactor.rememberRequest({ link: `  ${link}\n` });
    redactor.rememberRequest({ link, accountId: 'someone' });
    log.error('IPC portal:preview-invitation failed', new Error(`could not read ${link}`));
    log.error(
      'IPC portal:accept-invitation failed',
      new Error(`the portal has no invitation ${token}`, { cause: new Error(`body: {"token":"${token}"}`) }),
    );
    expect(text()).toContain('could not read [redacted]');
    expect(text()).toContain('the portal has no invitation [redacted]');
    expect(text()).not.toContain(link);
    expect(text()).not.toContain(token);
  });
});
