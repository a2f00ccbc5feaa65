import { describe, expect, it } from 'vitest';
import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import { nextAction, type PendingRenewal } from '../../../renderer/features/instance/next-action';
import type { InstalledLicenseView } from '../../../shared/instances/instance-detail';
import { detailOf, FINGERPRINT, ROW } from './portal-licenses-fixtures';

const installed = (change: Partial<InstalledLicenseView> = {}): InstalledLicenseView => ({
  licenseUuid: '55555555-5555-4555-8555-555555555555',
  name: 'Main seats',
  internalUsers: 50,
  externalUsers: 100,
  expiry: '2027-01-01T00:00:00.000Z',
  fingerprint: FINGERPRINT,
  flags: [],
  verdict: { valid: true, reason: 'ok', message: 'valid' },
  verdictByLocalClock: null,
  ...change,
});

const NOW = Date.parse('2026-11-29T12:00:00Z');

const FINE: InstanceDetail = {
  ...detailOf(null),
  instance: { ...ROW, usage: { internalUsers: 40, externalUsers: 90 } },
  licenses: [installed()],
};

const withRow = (row: Partial<InstanceRow>, change: Partial<InstanceDetail> = {}): InstanceDetail => ({
  ...FINE,
  ...change,
  instance: { ...FINE.instance, ...row },
});
const failed = (code: string): Partial<InstanceRow> => ({
  state: 'unknown',
  lastRefresh: { at: '2026-11-29T10:00:00.000Z', ok: false, error: { code, message: 'It did not answer.' } },
});
const OUTLOOK: NonNullable<InstanceDetail['overCapacityOutlook']> = {
  atOnce: 'no',
  lastValid: { notBefore: null, notAfter: '2026-11-20T00:00:00.000Z' },
  basis: { status: 'valid', history: null },
  waitsForExpiry: false,
  steps: [{ kind: 'read_only', earliest: null, latest: '2027-01-01T00:00:00.000Z' }],
};
const RENEWAL: PendingRenewal = { licenseName: 'Acme 2028' };

interface Row {
  name: string;
  detail: InstanceDetail;
  renewal?: PendingRenewal;
  severity: 'critical' | 'warning' | 'ok';
  headline: RegExp;
  action: string | null;
}

const ROWS: Row[] = [
  { name: 'all well', detail: FINE, severity: 'ok', headline: /^All well/, action: null },
  {
    name: 'expiring soon',
    detail: withRow({ status: 'expiry_soon', statusCached: 'expiry_soon', state: 'warning' }),
    severity: 'warning',
    headline: /^Expiring soon/,
    action: 'Renew',
  },
  {
    name: 'expired',
    detail: withRow({ status: 'expired', statusCached: 'expired', state: 'critical' }),
    severity: 'critical',
    headline: /^Expired/,
    action: 'Renew',
  },
  {
    name: 'read only over the seats',
    detail: withRow({
      status: 'read_only',
      statusCached: 'read_only',
      state: 'critical',
      usage: { internalUsers: 60, externalUsers: 1 },
    }),
    severity: 'critical',
    headline: /^Read only/,
    action: 'Buy seats',
  },
  {
    name: 'read only after the licenses expired: their seats no longer count, a renewal is the fix',
    detail: withRow({
      status: 'read_only',
      statusCached: 'read_only',
      state: 'critical',
      latestValid: '2026-10-01T00:00:00.000Z',
      licensed: { internalUsers: 0, externalUsers: 0 },
    }),
    severity: 'critical',
    headline: /^Read only/,
    action: 'Renew',
  },
  {
    name: 'administrators warned',
    detail: withRow({ status: 'limit_exceeded_admin', statusCached: 'limit_exceeded_admin', state: 'warning' }),
    severity: 'warning',
    headline: /Administrators see/,
    action: 'Buy seats',
  },
  {
    name: 'every user warned',
    detail: withRow({ status: 'limit_exceeded_user', statusCached: 'limit_exceeded_user', state: 'critical' }),
    severity: 'critical',
    headline: /Every user sees/,
    action: 'Buy seats',
  },
  {
    name: 'unlicensed',
    detail: withRow({ status: 'unlicensed', statusCached: 'unlicensed', latestValid: null }, { licenses: [] }),
    severity: 'warning',
    headline: /^Unlicensed/,
    action: 'Install a license key',
  },
  {
    name: 'the cached status is worse than the live one',
    detail: withRow({ status: 'valid', statusCached: 'expiry_soon', state: 'ok' }),
    severity: 'warning',
    headline: /^Expiring soon/,
    action: 'Renew',
  },
  {
    name: 'unreachable, last known valid',
    detail: withRow({ ...failed('unreachable'), statusSource: 'last_known' }),
    severity: 'warning',
    headline: /^Unreachable/,
    action: 'Refresh',
  },
  {
    name: 'unreachable, last known read only',
    detail: withRow({ ...failed('unreachable'), status: 'read_only', statusSource: 'last_known' }),
    severity: 'critical',
    headline: /^Unreachable/,
    action: 'Refresh',
  },
  {
    name: 'token refused',
    detail: withRow(failed('unauthorized')),
    severity: 'warning',
    headline: /^Unreachable/,
    action: 'Edit connection',
  },
  {
    name: 'no token',
    detail: withRow({}, { hasToken: false }),
    severity: 'critical',
    headline: /No API token/,
    action: 'Edit connection',
  },
  {
    name: 'never read',
    detail: withRow({ status: null, statusCached: null, state: 'never', lastRefresh: null }, { readAt: null }),
    severity: 'warning',
    headline: /^Not refreshed yet/,
    action: 'Refresh',
  },
  {
    name: 'Install ID changed',
    detail: withRow(
      {},
      { previousInstallId: 'old', warnings: [{ kind: 'install_id_changed', message: 'The Install ID changed.' }] },
    ),
    severity: 'critical',
    headline: /Install ID changed/,
    action: 'Review Install ID',
  },
  {
    name: 'renewed, not installed',
    detail: FINE,
    renewal: RENEWAL,
    severity: 'warning',
    headline: /renewed license is waiting/,
    action: 'Install renewed license',
  },
  {
    name: 'expired with a renewal waiting: installing it is the action',
    detail: withRow({ status: 'expired', statusCached: 'expired', state: 'critical' }),
    renewal: RENEWAL,
    severity: 'critical',
    headline: /renewed license is waiting/,
    action: 'Install renewed license',
  },
  {
    name: 'over the seats while still valid: read-only to come',
    detail: withRow({ usage: { internalUsers: 60, externalUsers: 1 } }, { overCapacityOutlook: OUTLOOK }),
    severity: 'warning',
    headline: /exceed the licensed seats: read-only at the latest/,
    action: 'Buy seats',
  },
  {
    name: 'over the seats, maybe read-only already',
    detail: withRow(
      { usage: { internalUsers: 60, externalUsers: 1 } },
      { overCapacityOutlook: { ...OUTLOOK, atOnce: 'maybe' } },
    ),
    severity: 'critical',
    headline: /may be read-only already/,
    action: 'Buy seats',
  },
  {
    name: 'a key installed twice',
    detail: withRow({}, { warnings: [{ kind: 'duplicate_key', message: 'Twice.' }] }),
    severity: 'warning',
    headline: /installed twice/,
    action: 'Review licenses',
  },
  {
    name: 'clock off',
    detail: withRow({}, { warnings: [{ kind: 'clock_skew', message: 'Ahead.' }] }),
    severity: 'warning',
    headline: /clock is off/,
    action: 'Refresh',
  },
  {
    name: 'trial about to be alone',
    detail: withRow({}, { warnings: [{ kind: 'trial_only', message: 'Trial.' }] }),
    severity: 'warning',
    headline: /trial key/,
    action: 'Renew',
  },
  {
    name: 'a warning in authentik’s report',
    detail: withRow({ warnings: ['Something is odd.'], state: 'warning' }),
    severity: 'warning',
    headline: /status has a warning/,
    action: 'Review warnings',
  },
  {
    name: 'an installed license that is not valid here',
    detail: withRow(
      {},
      {
        licenses: [
          installed(),
          installed({ name: 'Old', verdict: { valid: false, reason: 'expired', message: 'expired' } }),
        ],
      },
    ),
    severity: 'warning',
    headline: /“Old” is not valid here/,
    action: 'Review licenses',
  },
  {
    name: 'a warning state with no signal the page names',
    detail: withRow({ state: 'warning' }),
    severity: 'warning',
    headline: /Needs attention/,
    action: 'Refresh',
  },
];

describe('the instance page’s next action', () => {
  it.each(ROWS)('$name', ({ detail, renewal, severity, headline, action }) => {
    const next = nextAction(detail, renewal ?? null, NOW);
    expect(next.severity).toBe(severity);
    expect(next.headline).toMatch(headline);
    expect(next.action?.label ?? null).toBe(action);
    expect(next.headline).not.toMatch(/_/);
  });

  it('is never "all well" while any signal is amber or red, and lists the others', () => {
    for (const { detail, renewal, severity } of ROWS) {
      const next = nextAction(detail, renewal ?? null, NOW);
      expect(next.headline.startsWith('All well')).toBe(severity === 'ok');
    }
    const both = nextAction(
      withRow(
        { status: 'expiry_soon', statusCached: 'expiry_soon', state: 'warning' },
        {
          previousInstallId: 'old',
          warnings: [
            { kind: 'install_id_changed', message: 'Changed.' },
            { kind: 'clock_skew', message: 'Ahead.' },
          ],
        },
      ),
      null,
      NOW,
    );
    expect(both.headline).toMatch(/Install ID changed/);
    expect(both.also).toEqual(['Expiring soon: the licenses expire', 'The server’s clock is off']);
  });

  it('dates an expiry with authentik’s combined expiry, and a failed read with when it failed', () => {
    expect(nextAction(withRow({ status: 'expiry_soon', state: 'warning' }), null, NOW).at).toEqual({
      iso: ROW.latestValid,
      style: 'days',
    });
    expect(nextAction(withRow(failed('unreachable')), null, NOW).at).toEqual({
      iso: '2026-11-29T10:00:00.000Z',
      style: 'ago',
    });
  });
});
