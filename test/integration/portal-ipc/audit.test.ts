import { randomUUID } from 'node:crypto';
import { mkdir, rename } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../../main/license/fingerprint';
import { SEED } from '../../sim/portal';
import { pressPay } from '../portal-sim/portal-sim-fixtures';
import { portalIpcFixtures, type PortalApp } from './portal-ipc-fixtures';

const fx = portalIpcFixtures();
const { alice: ALICE, bob: BOB } = SEED.users;
const { acme: ACME } = SEED.organizations;
const NEWCOMER = { email: 'newcomer@example.test', name: 'Nia Newcomer' };

/** Each entry as [action, result, who acted, what it was about]. */
async function trail(app: PortalApp) {
  const { lines, verification } = await app.ok('audit:list', {});
  expect(verification.state).toBe('intact');
  return lines.map(({ entry }) => [entry?.action, entry?.result, entry?.actor.name, entry?.target]);
}

describe('the audit trail of customer-portal changes', () => {
  it('records invitations, membership, purchases, renewals and installs as the portal account, attempt then outcome', async () => {
    const portal = await fx.portal({ users: [NEWCOMER], checkoutDelayMs: 0 });
    const host = new URL(portal.url).host;
    const app = await fx.app(portal.url);
    await app.signIn(ALICE.email);

    const { invitation } = await app.ok('portal:create-invitation', {
      org: ACME.id,
      invitation: { email: NEWCOMER.email, role: 'member' },
    });
    await app.ok('portal:resend-invitation', { org: ACME.id, id: invitation.id });
    await app.ok('portal:update-member', { org: ACME.id, user: BOB.id, change: { role: 'owner' } });
    await app.ok('portal:remove-member', { org: ACME.id, user: BOB.id });
    const installId = randomUUID();
    const plan = (await app.ok('portal:list-plans', {})).plans[0];
    const order = await app.ok('portal:checkout', {
      org: ACME.id,
      order: { plan: plan?.id ?? '', name: 'Offsite DR', install_id: installId, internal_users: 5, external_users: 1 },
    });
    expect(await pressPay(order.checkoutUrl)).toBe(303);
    await app.ok('portal:renew-license', { org: ACME.id, id: SEED.licenses.acmeProduction.id });
    const sim = await fx.authentik({ installId, users: { internal: 2, external: 0, internalJoinedLast30Days: 0 } });
    const { instance } = await app.ok('instances:add', {
      name: 'Offsite',
      url: sim.url,
      token: 'sim-admin-token',
      customer: null,
      tags: [],
      caPem: null,
    });
    await app.ok('portal:install-license', {
      org: ACME.id,
      id: order.licenseId,
      instanceId: instance.id,
      allowOverCapacity: false,
      replaces: null,
    });
    const link = portal.outbox().find((mail) => mail.to === NEWCOMER.email)?.link ?? '';
    await app.signIn(NEWCOMER.email);
    const { account } = await app.ok('portal:preview-invitation', { link });
    await app.ok('portal:accept-invitation', { link, accountId: account.id });

    const both = (action: string, who: string, attempt: object, outcome: object = {}) => [
      [action, 'attempted', who, { portal: host, ...attempt }],
      [action, 'succeeded', who, { portal: host, ...attempt, ...outcome }],
    ];
    const key = portal.state.data.licenses.find((license) => license.id === order.licenseId)?.key ?? '';
    expect(await trail(app)).toEqual([
      ...both(
        'invitation.send',
        ALICE.email,
        { organization: ACME.id, email: NEWCOMER.email, role: 'member' },
        { invitation: invitation.id },
      ),
      ...both(
        'invitation.resend',
        ALICE.email,
        { organization: ACME.id, invitation: invitation.id },
        { email: NEWCOMER.email },
      ),
      ...both('member.role_change', ALICE.email, { organization: ACME.id, user: BOB.id, role: 'owner' }),
      ...both('member.remove', ALICE.email, { organization: ACME.id, user: BOB.id }),
      ...both(
        'license.purchase',
        ALICE.email,
        { organization: ACME.id, license_name: 'Offsite DR', install_id: installId },
        { portal_license: order.licenseId },
      ),
      ...both('license.renewal', ALICE.email, {
        organization: ACME.id,
        portal_license: SEED.licenses.acmeProduction.id,
      }),
      ['instance.add', 'attempted', userInfo().username, { instance: { id: null, name: 'Offsite', url: sim.url } }],
      [
        'instance.add',
        'succeeded',
        userInfo().username,
        { instance: { id: instance.id, name: 'Offsite', url: sim.url } },
      ],
      ...both(
        'license.install',
        ALICE.email,
        {
          instance: { id: instance.id, name: 'Offsite', url: sim.url },
          organization: ACME.id,
          portal_license: order.licenseId,
        },
        { license: sim.installed()[0]?.licenseUuid, license_name: 'Offsite DR' },
      ),
      ...both('invitation.accept', NEWCOMER.email, {}, { organization: ACME.id, organization_name: 'Acme Corp' }),
    ]);
    const { lines } = await app.ok('audit:list', {});
    expect(lines.find(({ entry }) => entry?.action === 'license.install')?.entry?.fingerprint).toBe(
      keyFingerprint(key),
    );
  });

  it('records an invitation revoked', async () => {
    const portal = await fx.portal();
    const app = await fx.app(portal.url);
    await app.signIn(ALICE.email);
    const { invitation } = await app.ok('portal:create-invitation', {
      org: ACME.id,
      invitation: { email: 'spare@example.test', role: 'owner' },
    });
    await app.ok('portal:revoke-invitation', { org: ACME.id, id: invitation.id });
    expect((await trail(app)).slice(2)).toEqual([
      [
        'invitation.revoke',
        'attempted',
        ALICE.email,
        { portal: new URL(portal.url).host, organization: ACME.id, invitation: invitation.id },
      ],
      [
        'invitation.revoke',
        'succeeded',
        ALICE.email,
        { portal: new URL(portal.url).host, organization: ACME.id, invitation: invitation.id },
      ],
    ]);
  });

  it('records a change the portal refused, with its reason', async () => {
    const portal = await fx.portal({ users: [NEWCOMER] });
    const app = await fx.app(portal.url);
    await app.signIn(BOB.email);
    expect(
      await app.failure('portal:create-invitation', {
        org: ACME.id,
        invitation: { email: NEWCOMER.email, role: 'member' },
      }),
    ).toMatchObject({ code: 'forbidden' });
    expect((await trail(app)).map(([action, result]) => [action, result])).toEqual([
      ['invitation.send', 'attempted'],
      ['invitation.send', 'failed'],
    ]);
    expect((await app.ok('audit:list', {})).lines[1]?.entry?.detail).toMatch(/^forbidden: /);
  });

  it('sends no invitation when its entry cannot be written', async () => {
    const portal = await fx.portal({ users: [NEWCOMER] });
    const app = await fx.app(portal.url);
    await app.signIn(ALICE.email);
    await app.ok('portal:update-member', { org: ACME.id, user: BOB.id, change: { role: 'owner' } });
    await rename(join(app.dataDir, 'audit.jsonl'), join(app.dataDir, 'audit.jsonl.moved'));
    await mkdir(join(app.dataDir, 'audit.jsonl'));
    const mails = portal.outbox().length;

    expect(
      await app.failure('portal:create-invitation', {
        org: ACME.id,
        invitation: { email: NEWCOMER.email, role: 'member' },
      }),
    ).toMatchObject({
      code: 'audit_unwritable',
      message: expect.stringContaining('Nothing was done, since every change is recorded before it is made'),
    });
    expect(portal.outbox()).toHaveLength(mails);
    expect((await app.ok('portal:list-members', { org: ACME.id })).invitations.map(({ email }) => email)).not.toContain(
      NEWCOMER.email,
    );
  });
});
