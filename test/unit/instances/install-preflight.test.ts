import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authentikRules } from '../../../shared/license/authentik-rules';
import { installPreflight, preflightAgainst, type PreflightInput } from '../../../main/instances/install-preflight';
import type { InstanceSnapshot } from '../../../main/instances/instance-snapshot';
import { trustRootsOf } from '../../../main/license/trust-roots';
import { verifyKey } from '../../../main/license/verify-key';
import { AT, AT_SECONDS, INSTALL_ID, OTHER_INSTALL_ID } from '../../pki/key-cases';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { createTestPki } from '../../pki/test-pki';

const pki = await createTestPki();
const roots = trustRootsOf([new X509Certificate(pki.root.pem)]);
const at = AT.getTime();
const YEAR = 365 * 24 * 3600;
const key = (claims: Record<string, unknown>, installId = INSTALL_ID) =>
  mintKey({
    signer: pki.signerP384,
    intermediate: pki.intermediate,
    claims: { ...licenseClaims(installId, AT_SECONDS + YEAR), ...claims },
  });
const verdictOf = (text: string, installId: string | null = INSTALL_ID) => verifyKey(text, { roots, at, installId });

const small = key({ internal_users: 10, external_users: 100 });
const UUID_A = '3f0c2f5e-1a3b-4c5d-8e9f-0a1b2c3d4e5f';
const UUID_B = '7d1e9a40-2b3c-4d5e-9f60-1a2b3c4d5e6f';

function input(overrides: Partial<PreflightInput>): PreflightInput {
  return {
    verdict: verdictOf(small),
    rules: authentikRules('2026.5.6'),
    now: at,
    installIdReadable: true,
    installed: [],
    replaces: null,
    usage: { internalUsers: 5, externalUsers: 50 },
    statusNow: 'valid',
    history: [],
    allowOverCapacity: false,
    overrideHint: '--allow-over-capacity',
    ...overrides,
  };
}

describe('install preflight', () => {
  it('lets a genuine key that covers current usage through', () => {
    expect(installPreflight(input({}))).toEqual({ action: 'send', warnings: [], overCapacity: null });
  });

  it('refuses when the Install ID could not be read, since the key cannot be checked against it', () => {
    expect(installPreflight(input({ installIdReadable: false, verdict: verdictOf(small, null) }))).toMatchObject({
      action: 'refuse',
      reason: 'forbidden',
    });
  });

  it.each([
    ['install_id_mismatch', () => verdictOf(key({}, OTHER_INSTALL_ID))],
    ['expired', () => verdictOf(key({ exp: AT_SECONDS - 60 }))],
    ['bad_signature', () => verdictOf(`${small.slice(0, -6)}AAAAAA`)],
    ['malformed', () => verdictOf('nope')],
  ])('refuses a key the offline check rejects (%s)', (reason, verdict) => {
    const result = installPreflight(input({ verdict: verdict() }));
    expect(result).toMatchObject({ action: 'refuse', reason });
    expect(result.action === 'refuse' && result.message).toContain('Nothing was sent');
  });

  it('reports a key that is already installed instead of sending it again', () => {
    const verdict = verdictOf(small);
    const installed = [
      {
        licenseUuid: UUID_A,
        name: 'Small',
        expiresAt: at + 1000,
        internalUsers: 10,
        externalUsers: 100,
        licenseIdentity: verdict.licenseIdentity,
      },
    ];
    expect(installPreflight(input({ verdict, installed }))).toEqual({
      action: 'already_installed',
      licenseUuid: UUID_A,
      warnings: [],
      overCapacity: null,
    });
  });

  it('refuses a first key too small for current usage on an unlicensed instance, unless allowed', () => {
    const over = input({ usage: { internalUsers: 11, externalUsers: 0 }, statusNow: 'unlicensed' });
    const refused = installPreflight(over);
    expect(refused).toMatchObject({
      action: 'refuse',
      reason: 'over_capacity',
      overCapacity: { lastValid: { kind: 'never' }, outlook: { atOnce: 'yes' } },
    });
    expect(refused.action === 'refuse' && refused.message).toBe(
      'It turns read-only at once: 11 internal users, 10 seats after this key. authentik has no valid usage record (it reports unlicensed now): ' +
        'from 2024.8 authentik then takes 1970 as its last valid date, more than 6 weeks ago. ' +
        'Nothing was sent; use a license with enough seats for the users, or --allow-over-capacity to install it anyway.',
    );
    const allowed = installPreflight({ ...over, allowOverCapacity: true });
    expect(allowed.action).toBe('send');
    expect(allowed.warnings.join()).toContain('11 internal users exceed the 10 licensed');
    expect(allowed.warnings.join()).toContain('read-only at once');
  });

  it('counts an expired installed license towards capacity on authentik 2024.8 to 2025.4.0, and only warns when the instance is already licensed', () => {
    const installed = [
      {
        licenseUuid: UUID_A,
        name: 'Old',
        expiresAt: at - 1000,
        internalUsers: 5,
        externalUsers: 0,
        licenseIdentity: 'sha256:other',
      },
    ];
    const rules = authentikRules('2025.4.0');
    expect(installPreflight(input({ rules, installed, usage: { internalUsers: 15, externalUsers: 100 } }))).toEqual({
      action: 'send',
      warnings: [],
      overCapacity: null,
    });
    const over = installPreflight(
      input({ rules, installed, usage: { internalUsers: 16, externalUsers: 101 }, statusNow: 'expired' }),
    );
    expect(over.action).toBe('send');
    expect(over.warnings[0]).toContain(
      '16 internal users exceed the 15 licensed and 101 external users exceed the 100 licensed',
    );
  });

  it("leaves an expired installed license's seats out from 2025.4.1 (#14451), and says so", () => {
    const installed = [
      {
        licenseUuid: UUID_A,
        name: 'Old',
        expiresAt: at - 1000,
        internalUsers: 5,
        externalUsers: 0,
        licenseIdentity: 'sha256:other',
      },
    ];
    const over = installPreflight(
      input({
        rules: authentikRules('2025.4.1'),
        installed,
        usage: { internalUsers: 15, externalUsers: 100 },
        statusNow: 'limit_exceeded_admin',
      }),
    );
    expect(over.action).toBe('send');
    expect(over.warnings[0]).toContain(
      'With this key, 15 internal users exceed the 10 licensed. The seats of the expired license "Old" do not count (authentik 2025.4.1 up to 2026.5).',
    );
  });

  it('does not block when usage is unknown, and says it could not check', () => {
    const result = installPreflight(input({ usage: null, statusNow: 'unlicensed' }));
    expect(result.action).toBe('send');
    expect(result.warnings).toEqual([
      'Current usage could not be read, so whether this key covers the users was not checked.',
    ]);
  });

  it('treats usage equal to capacity as covered', () => {
    expect(
      installPreflight(input({ usage: { internalUsers: 10, externalUsers: 100 }, statusNow: 'unlicensed' })).action,
    ).toBe('send');
  });
});

describe('install preflight for a renewal (replaces an installed license)', () => {
  const old = (seats: number, licenseIdentity = 'sha256:old') => ({
    licenseUuid: UUID_A,
    name: 'Acme 2026',
    expiresAt: at + 1000,
    internalUsers: seats,
    externalUsers: seats * 10,
    licenseIdentity,
  });

  it("judges the new key without the replaced license's seats: a same-size renewal is not double-counted", () => {
    // 10 licensed, and a renewal of 10: afterwards 10 are licensed, not 20.
    const atFull = input({ installed: [old(10)], replaces: UUID_A, usage: { internalUsers: 10, externalUsers: 100 } });
    expect(installPreflight(atFull)).toEqual({ action: 'send', warnings: [], overCapacity: null });
    const over = installPreflight({ ...atFull, usage: { internalUsers: 11, externalUsers: 100 } });
    expect(over.action).toBe('send');
    expect(over.warnings.join()).toContain('11 internal users exceed the 10 licensed');
    // The same key installed alongside (no replaces) would add its seats: 20 licensed, no warning.
    expect(installPreflight({ ...atFull, usage: { internalUsers: 11, externalUsers: 100 }, replaces: null })).toEqual({
      action: 'send',
      warnings: [],
      overCapacity: null,
    });
  });

  it('warns when the renewal is smaller than current usage, since the replaced seats leave', () => {
    // 12 in use; licensed 15 now (old 15); renewal with 10 leaves 10 licensed.
    const result = installPreflight(
      input({ installed: [old(15)], replaces: UUID_A, usage: { internalUsers: 12, externalUsers: 0 } }),
    );
    expect(result.action).toBe('send');
    expect(result.warnings.join()).toContain('12 internal users exceed the 10 licensed');
  });

  it("keeps the other licenses' seats", () => {
    const other = {
      licenseUuid: UUID_B,
      name: 'Add-on',
      expiresAt: at + 1000,
      internalUsers: 5,
      externalUsers: 0,
      licenseIdentity: 'sha256:addon',
    };
    const result = installPreflight(
      input({ installed: [old(10), other], replaces: UUID_A, usage: { internalUsers: 15, externalUsers: 100 } }),
    );
    expect(result).toEqual({ action: 'send', warnings: [], overCapacity: null });
  });

  it('refuses, in words, when the license to replace is not installed', () => {
    const result = installPreflight(input({ installed: [old(10)], replaces: UUID_B }));
    expect(result).toMatchObject({ action: 'refuse', reason: 'not_installed' });
    expect(result.action === 'refuse' && result.message).toContain(
      `The license to replace (id ${UUID_B}) is not installed on this instance`,
    );
    expect(result.action === 'refuse' && result.message).toContain('nothing was sent');
  });

  it('reports a new key that is already installed (as another license, or as the one it would replace)', () => {
    const verdict = verdictOf(small);
    expect(
      installPreflight(input({ verdict, installed: [old(10, verdict.licenseIdentity)], replaces: UUID_A })),
    ).toMatchObject({ action: 'already_installed' });
    const other = { ...old(10, verdict.licenseIdentity), licenseUuid: UUID_B };
    expect(installPreflight(input({ verdict, installed: [old(10), other], replaces: UUID_A }))).toMatchObject({
      action: 'already_installed',
    });
  });
});

describe("install preflight against an instance: the instance's algorithms", () => {
  const es384 = mintKey({
    signer: pki.signerP384,
    intermediate: pki.intermediate,
    alg: 'ES384',
    claims: licenseClaims(INSTALL_ID, AT_SECONDS + YEAR),
  });
  const on = (version: string): InstanceSnapshot => {
    const summary = { status: 'unlicensed', internalUsers: 0, externalUsers: 0, latestValid: null, licenseFlags: [] };
    return {
      url: 'https://auth.example.com',
      version,
      rules: authentikRules(version),
      installId: INSTALL_ID,
      installIdAvailability: 'ok',
      live: summary,
      cached: summary,
      forecast: { internalUsers: 1, externalUsers: 0, forecastedInternalUsers: 0, forecastedExternalUsers: 0 },
      forecastAvailability: 'ok',
      licenses: [],
      clock: null,
    };
  };
  const options = { roots, now: at, allowOverCapacity: false, overrideHint: '--allow-over-capacity' };

  it('refuses an ES384 key on an instance older than 2026.5, saying which release accepts it; nothing is sent', () => {
    const { preflight } = preflightAgainst(on('2026.2.3'), es384, options);
    expect(preflight).toMatchObject({ action: 'refuse', reason: 'unsupported_algorithm' });
    expect(preflight.action === 'refuse' && preflight.message).toBe(
      'The key is signed with ES384, which authentik accepts only from 2026.5; this instance runs 2026.2.3 (authentik 2025.4.1 up to 2026.5), which accepts only ES512. Upgrade authentik or use a key signed with ES512. Nothing was sent.',
    );
  });

  it('lets the same key through on 2026.5 and later, and on an instance whose version is not readable (newest rules)', () => {
    expect(preflightAgainst(on('2026.5.0'), es384, options).preflight.action).toBe('send');
    expect(preflightAgainst(on('nightly'), es384, options).preflight.action).toBe('send');
  });

  it('compares the Install ID exactly, as authentik compares aud: one reported in upper case does not match', () => {
    const snapshot = { ...on('2026.5.6'), installId: INSTALL_ID.toUpperCase() };
    expect(preflightAgainst(snapshot, small, options).preflight).toMatchObject({
      action: 'refuse',
      reason: 'install_id_mismatch',
    });
  });
});
