import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../../main/license/fingerprint';
import { EMAIL_MESSAGE } from '../../../shared/portal/validation/email';
import { SEED } from '../../sim/portal';
import { requestLog, storedTokens } from '../../integration/portal-client/portal-fixtures';
import { json, runAklm } from '../run-aklm';
import { portalCliFixtures } from './portal-cli-fixtures';

const fx = portalCliFixtures();
const { users, organizations, licenses } = SEED;
const ACME = organizations.acme;

interface LicenseJson {
  id: string;
  nickname: string;
  key_fingerprint: string | null;
  key?: string | null;
}

describe('aklm portal orgs', () => {
  it("prints the most recent account's organizations, or the API's own objects with --json", async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim, users.alice.email);
    const text = await aklm(['orgs']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ID\s+NAME\s+ROLE\s+NOTIFICATION E-MAIL\n/);
    expect(text.stdout).toMatch(new RegExp(`${ACME.id}\\s+Acme Corp\\s+owner`));
    expect(text.stdout).toMatch(new RegExp(`${organizations.globex.id}\\s+Globex Inc\\.\\s+member`));

    const listed = await aklm(['orgs', '--json']);
    expect(listed.code).toBe(0);
    const objects =
      json<{ id: string; name: string; role: string; notification_email: string; created_at: string }[]>(listed);
    expect(objects.map((organization) => organization.name).sort()).toEqual(['Acme Corp', 'Globex Inc.']);
    expect(Object.keys(objects[0] ?? {}).sort()).toEqual(['created_at', 'id', 'name', 'notification_email', 'role']);
  });

  it('uses the account --account names (id or e-mail) instead of the most recent one', async () => {
    const sim = await fx.sim();
    const { world, aklm } = await fx.signedIn(sim, users.dave.email, users.alice.email);
    const dave = json<{ name: string }[]>(await aklm(['orgs', '--json']));
    expect(dave.map((organization) => organization.name)).toEqual(['Initech']);
    const alice = await aklm(['orgs', '--json', '--account', users.alice.email]);
    expect(
      json<{ name: string }[]>(alice)
        .map((organization) => organization.name)
        .sort(),
    ).toEqual(['Acme Corp', 'Globex Inc.']);
    // Using an account makes it the most recent one.
    expect(world.accounts.resolve().email).toBe(users.alice.email);
    const unknown = await aklm(['orgs', '--account', 'nobody@example.test']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('No portal account "nobody@example.test" is signed in here');
  });

  it('exits 3 when not signed in, saying how to sign in', async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim);
    const run = await aklm(['orgs']);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'aklm: You are not signed in to the customer portal; sign in first.\nSign in with: aklm portal login\n',
    );
  });

  it('exits 3 asking to sign in again (to that portal) when the session has ended', async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim, users.alice.email);
    sim.expireTokens(['AccessToken', 'RefreshToken']);
    const run = await aklm(['orgs']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('has ended; sign in again.');
    expect(run.stderr).toContain(`Sign in with: aklm portal login --portal ${sim.url}`);
  });

  it('refreshes an expired access token on its own (exit 0)', async () => {
    const sim = await fx.sim();
    const { world, aklm } = await fx.signedIn(sim, users.alice.email);
    const before = storedTokens(world, world.accounts.resolve().id);
    sim.expireTokens(['AccessToken']);
    expect((await aklm(['orgs'])).code).toBe(0);
    expect(storedTokens(world, world.accounts.resolve().id)?.access_token).not.toBe(before?.access_token);
  });

  it('exits 3 when the portal is unreachable or answers unexpectedly', async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim, users.alice.email);
    sim.fault({ path: '/api/v1/organizations', status: 500 });
    const failed = await aklm(['orgs']);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain('answered GET /api/v1/organizations with HTTP 500');
    sim.fault({ path: '/api/v1/organizations', kind: 'drop' });
    const dropped = await aklm(['orgs']);
    expect(dropped.code).toBe(3);
    expect(dropped.stderr).toContain('closed the connection');
  });
});

describe('aklm portal licenses', () => {
  it('lists licenses by organization name without keys; --json prints the API objects, still without keys', async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim, users.bob.email);
    const text = await aklm(['licenses', '--org', 'Acme Corp']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^ID\s+NICKNAME\s+STATUS\s+INSTALL ID\s+INTERNAL\s+EXTERNAL\s+EXPIRES \(UTC\)\s+FINGERPRINT\n/,
    );
    expect(text.stdout).toContain(licenses.acmeProduction.nickname);
    expect(text.stdout).toContain('pending_payment');

    const listed = json<LicenseJson[]>(await aklm(['licenses', '--org', ACME.id, '--json']));
    expect(listed.map((license) => license.id)).toContain(licenses.acmeProduction.id);
    for (const license of listed) expect(license).not.toHaveProperty('key');
    const revealed = json<LicenseJson[]>(await aklm(['licenses', '--org', ACME.id, '--json', '--reveal']));
    const keys = revealed.map((license) => license.key).filter((key): key is string => typeof key === 'string');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(`${text.stdout}${JSON.stringify(listed)}`).not.toContain(key);
  });

  it('prints each key only with --reveal, as text or in the JSON objects', async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim, users.bob.email);
    const revealed = json<LicenseJson[]>(await aklm(['licenses', '--org', 'Acme Corp', '--json', '--reveal']));
    const production = revealed.find((license) => license.id === licenses.acmeProduction.id);
    expect(production?.key).toEqual(expect.any(String));
    expect(keyFingerprint(production?.key ?? '')).toBe(production?.key_fingerprint);
    expect(revealed.find((license) => license.id === licenses.acmeStaging.id)?.key).toBeNull();

    const text = await aklm(['licenses', '--org', 'Acme Corp', '--reveal']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      `key of "${licenses.acmeProduction.nickname}" (${licenses.acmeProduction.id}):\n${production?.key ?? ''}\n`,
    );
  });

  it('exits 3 for a 404: the portal not finding what it has just listed is an unexpected answer, not a refusal', async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim, users.bob.email);
    sim.fault({ path: `/api/v1/organizations/${ACME.id}/licenses`, status: 404 });
    const run = await aklm(['licenses', '--org', 'Acme Corp']);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('aklm: The portal had a problem on its side. Try again in a moment.\n');
    expect(run.stdout).toBe('');
  });

  it('exits 2 without --org, or for an organization the user is not in, naming theirs', async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim, users.bob.email);
    const missing = await aklm(['licenses']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('portal licenses needs --org ORG');
    const unknown = await aklm(['licenses', '--org', 'Globex Inc.']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      `you belong to no organization with the id or exact name "Globex Inc."; yours are "Acme Corp" (${ACME.id})`,
    );
    const wrongCase = await aklm(['licenses', '--org', 'acme corp']);
    expect(wrongCase.code).toBe(2);
  });
});

describe('aklm portal invite', () => {
  it('invites as an Owner: the portal sends the e-mail; --json prints the invitation', async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim, users.alice.email);
    const run = await aklm(['invite', '--org', 'Acme Corp', '--email', 'new.hire@acme.test', '--role', 'member']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Invited new\.hire@acme\.test to "Acme Corp" as member; the invitation e-mail was sent/,
    );
    expect(sim.outbox().map((mail) => mail.to)).toContain('new.hire@acme.test');

    const listed = await aklm(['invite', '--org', ACME.id, '--email', 'second@acme.test', '--role', 'owner', '--json']);
    expect(listed.code).toBe(0);
    expect(json(listed)).toMatchObject({ email: 'second@acme.test', role: 'owner', status: 'pending' });
  });

  it('records each invitation in the audit trail, as the portal account, the refused one too', async () => {
    const sim = await fx.sim();
    const { world, aklm } = await fx.signedIn(sim, users.alice.email, users.bob.email);
    expect(
      (await aklm(['invite', '--org', 'Acme Corp', '--email', 'new.hire@acme.test', '--role', 'member'])).code,
    ).toBe(0);
    expect(
      (
        await aklm([
          'invite',
          '--org',
          'Acme Corp',
          '--email',
          'other@acme.test',
          '--role',
          'member',
          '--account',
          users.bob.email,
        ])
      ).code,
    ).toBe(1);
    const audit = await runAklm(['audit', '--json'], { env: { AKLM_DATA_DIR: world.dir } });
    expect(audit.code).toBe(0);
    const entries = json<{
      trail: { entry: { actor: { name: string }; action: string; result: string; target: Record<string, string> } }[];
    }>(audit).trail.map(({ entry }) => entry);
    expect(entries.map(({ actor, action, result, target }) => [actor.name, action, result, target.email])).toEqual([
      [users.alice.email, 'invitation.send', 'attempted', 'new.hire@acme.test'],
      [users.alice.email, 'invitation.send', 'succeeded', 'new.hire@acme.test'],
      [users.bob.email, 'invitation.send', 'attempted', 'other@acme.test'],
      [users.bob.email, 'invitation.send', 'failed', 'other@acme.test'],
    ]);
    expect(entries[1]?.target).toMatchObject({
      portal: new URL(sim.url).host,
      organization: ACME.id,
      organization_name: 'Acme Corp',
      role: 'member',
      invitation: expect.any(String),
    });
  });

  it("exits 1 with the portal's message when a Member invites (403)", async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim, users.bob.email);
    const run = await aklm(['invite', '--org', 'Acme Corp', '--email', 'new.hire@acme.test', '--role', 'member']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^aklm: .*Owner/);
    expect(sim.outbox().map((mail) => mail.to)).not.toContain('new.hire@acme.test');
  });

  it("exits 1 with the portal's message when the person already is a member (409)", async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim, users.alice.email);
    const run = await aklm(['invite', '--org', 'Acme Corp', '--email', users.bob.email, '--role', 'member']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(users.bob.email);
  });

  it("exits 1 with the portal's message when the portal rejects the request as invalid (422)", async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim, users.alice.email);
    sim.fault({ method: 'POST', path: `/api/v1/organizations/${ACME.id}/invitations`, status: 422 });
    const run = await aklm(['invite', '--org', 'Acme Corp', '--email', 'new.hire@acme.test', '--role', 'member']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^aklm: The portal/);
  });

  it("exits 1 with the portal's message and its field message when the portal refuses the address (a real 422)", async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim, users.alice.email);
    const from = sim.requests.length;
    const run = await aklm(['invite', '--org', 'Acme Corp', '--email', 'anna@example', '--role', 'member']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `aklm: Some fields are not valid. Correct them and send the request again.\n  email: ${EMAIL_MESSAGE}\n`,
    );
    // The portal judged it: the request was sent and answered 422.
    expect(requestLog(sim, from)).toContain(`POST /api/v1/organizations/${ACME.id}/invitations 422`);
    expect(sim.outbox().map((mail) => mail.to)).not.toContain('anna@example');
  });

  it('exits 2 for a malformed command, sending nothing: a role that does not exist, a missing --email', async () => {
    const sim = await fx.sim();
    const { aklm } = await fx.signedIn(sim, users.alice.email);
    const from = sim.requests.length;
    const badRole = await aklm(['invite', '--org', 'Acme Corp', '--email', 'x@acme.test', '--role', 'admin']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toBe('aklm: portal invite needs --role owner or --role member, got "admin"\n');
    const noEmail = await aklm(['invite', '--org', 'Acme Corp', '--email', ' ', '--role', 'member']);
    expect(noEmail.code).toBe(2);
    expect(noEmail.stderr).toBe('aklm: portal invite needs --email EMAIL: the address to send the invitation to\n');
    expect(requestLog(sim, from)).toEqual([]);
  });
});
