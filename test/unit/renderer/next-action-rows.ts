/** The instance page's next action, one row per situation: what the banner must say and offer. */
import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import type { PendingRenewal } from '../../../renderer/features/instance/next-action';
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

const EXPIRED = { valid: false, reason: 'expired', message: 'expired' };

export const NOW = Date.parse('2026-11-29T12:00:00Z');

const FINE: InstanceDetail = {
  ...detailOf(null),
  instance: { ...ROW, usage: { internalUsers: 40, externalUsers: 90 } },
  licenses: [installed()],
};

export const withRow = (row: Partial<InstanceRow>, change: Partial<InstanceDetail> = {}): InstanceDetail => ({
  ...FINE,
  ...change,
  instance: { ...FINE.instance, ...row },
});
/** authentik reporting `kind`, live and cached alike. */
const reporting = (kind: string, state: InstanceRow['state'], row: Partial<InstanceRow> = {}): InstanceDetail =>
  withRow({ status: kind, statusCached: kind, state, ...row });
export const failed = (code: string): Partial<InstanceRow> => ({
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

export interface Row {
  name: string;
  detail: InstanceDetail;
  renewal?: PendingRenewal;
  severity: 'critical' | 'warning' | 'ok';
  headline: RegExp;
  action: string | null;
}

export const ROWS: Row[] = [
  { name: 'all well', detail: FINE, severity: 'ok', headline: /^All well/, action: null },
  {
    name: 'expiring soon',
    detail: reporting('expiry_soon', 'warning'),
    severity: 'warning',
    headline: /^Expiring soon/,
    action: 'Renew',
  },
  {
    name: 'expired',
    detail: reporting('expired', 'critical'),
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
    detail: reporting('limit_exceeded_admin', 'warning'),
    severity: 'warning',
    headline: /Administrators see/,
    action: 'Buy seats',
  },
  {
    name: 'every user warned',
    detail: reporting('limit_exceeded_user', 'critical'),
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
    name: 'a key installed since: authentik still enforces its older, cached status until it recomputes it',
    detail: withRow({ status: 'valid', statusCached: 'expiry_soon', state: 'ok' }),
    severity: 'warning',
    headline: /still enforces “Expiring soon”/,
    action: 'Refresh',
  },
  {
    name: 'read only cached, valid live: still critical until authentik recomputes',
    detail: withRow({ status: 'valid', statusCached: 'read_only', state: 'ok' }),
    severity: 'critical',
    headline: /still enforces “Read only”/,
    action: 'Refresh',
  },
  {
    name: 'the live status is worse than the cached one: act on the live one',
    detail: withRow({ status: 'expiry_soon', statusCached: 'valid', state: 'warning' }),
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
    detail: reporting('expired', 'critical'),
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
          installed({ name: 'Old', verdict: { valid: false, reason: 'install_id_mismatch', message: 'elsewhere' } }),
        ],
      },
    ),
    severity: 'warning',
    headline: /“Old” is not valid here/,
    action: 'Review licenses',
  },
  {
    name: 'an expired license still installed beside a valid one',
    detail: withRow({}, { licenses: [installed(), installed({ name: 'Old', verdict: EXPIRED })] }),
    severity: 'warning',
    headline: /expired license “Old” is still installed/,
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
