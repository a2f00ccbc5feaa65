import { describe, expect, it } from 'vitest';
import { instanceRowSchema } from '../../../shared/instances/instance-row';
import { toInstanceRow, type SavedInstance, type SessionReading } from '../../../main/instances/instance-row';
import { statusFailure, type StatusReport } from '../../../main/instances/status-report';
import { lastStatus } from '../registry/registry-fixtures';

const ID = '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44';
const INSTALL_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';
const SERVER_URL = 'https://auth.example.com';
const EARLIER = '2026-11-28T07:00:00.000Z';
const NOW = Date.parse('2026-11-29T12:00:00Z');

function saved(overrides: Partial<SavedInstance> = {}): SavedInstance {
  return {
    id: ID,
    name: 'Prod',
    url: SERVER_URL,
    customer: 'Acme',
    tags: ['eu'],
    lastInstallId: INSTALL_ID,
    lastVersion: '2026.5.6',
    lastRefresh: { at: EARLIER, ok: true, errorCode: null, errorMessage: null },
    ...overrides,
  };
}

/** A successful read at NOW: expiring soon, 45 of 50 internal users. */
const report: StatusReport = {
  instance: { url: SERVER_URL, version: '2026.8.3', install_id: INSTALL_ID },
  status: 'expiry_soon',
  status_cached: 'valid',
  latest_valid: '2026-12-09T12:00:00Z',
  licensed: { internal_users: 50, external_users: 100 },
  usage: { internal_users: 45, external_users: 90 },
  forecast: null,
  flags: ['trial', 'trial'],
  licenses: [],
  warnings: ['The licenses run out on 2026-12-09, in 10 days: renew before then.'],
  notes: [],
  exit: 1,
};
const live: SessionReading = { report, facts: { readAt: NOW } };
const unreachable: SessionReading = {
  report: statusFailure(SERVER_URL, 'unreachable', 'Nothing answers at the address.'),
  facts: null,
};
const failedRefresh = {
  at: '2026-11-29T12:00:00.000Z',
  ok: false,
  errorCode: 'unreachable',
  errorMessage: 'Nothing answers at the address.',
};
const known = lastStatus({
  at: EARLIER,
  exit: 2,
  status: 'read_only',
  statusCached: 'read_only',
  usage: { internalUsers: 60, externalUsers: 3 },
  flags: ['non_production'],
});

/** The row, checked against the IPC schema it travels in. */
function row(instance: SavedInstance, reading: SessionReading | undefined) {
  const value = toInstanceRow(instance, reading);
  expect(instanceRowSchema.strict().parse(value)).toEqual(value);
  return value;
}

describe('a dashboard row without a last known status', () => {
  it('has no status before any read', () => {
    expect(row(saved({ lastRefresh: null }), undefined)).toMatchObject({
      state: 'never',
      statusSource: 'none',
      statusReadAt: null,
      status: null,
      statusCached: null,
      latestValid: null,
      licensed: null,
      usage: null,
      flags: [],
      warnings: [],
      lastRefresh: null,
    });
  });

  it("is unknown, with the error, when this session's read failed", () => {
    expect(row(saved({ lastRefresh: failedRefresh }), unreachable)).toMatchObject({
      state: 'unknown',
      statusSource: 'none',
      status: null,
      usage: null,
      lastRefresh: {
        at: failedRefresh.at,
        ok: false,
        error: { code: 'unreachable', message: 'Nothing answers at the address.' },
      },
    });
  });

  it("shows this session's read as live, with the version and Install ID it read", () => {
    expect(row(saved(), live)).toEqual({
      id: ID,
      name: 'Prod',
      url: SERVER_URL,
      customer: 'Acme',
      tags: ['eu'],
      allowHttp: false,
      version: '2026.8.3',
      installId: INSTALL_ID,
      state: 'warning',
      statusSource: 'live',
      statusReadAt: '2026-11-29T12:00:00Z',
      status: 'expiry_soon',
      statusCached: 'valid',
      latestValid: '2026-12-09T12:00:00Z',
      licensed: { internalUsers: 50, externalUsers: 100 },
      usage: { internalUsers: 45, externalUsers: 90 },
      flags: ['trial'],
      warnings: ['The licenses run out on 2026-12-09, in 10 days: renew before then.'],
      lastRefresh: { at: EARLIER, ok: true, error: null, failingSince: null },
    });
  });
});

describe('a dashboard row with a last known status', () => {
  it('shows it before this session reads the instance, marked as last known with when it was read, in its state', () => {
    expect(row(saved({ lastStatus: known }), undefined)).toMatchObject({
      state: 'critical',
      statusSource: 'last_known',
      statusReadAt: EARLIER,
      status: 'read_only',
      statusCached: 'read_only',
      latestValid: known.latestValid,
      licensed: known.licensed,
      usage: { internalUsers: 60, externalUsers: 3 },
      flags: ['non_production'],
      version: '2026.5.6',
      installId: INSTALL_ID,
    });
  });

  it("keeps it when this session's read fails, beside the error; the state is unknown unless what was known is critical", () => {
    const warning = lastStatus({ at: EARLIER, exit: 1, status: 'expiry_soon', statusCached: 'expiry_soon' });
    const failedWarning = row(saved({ lastStatus: warning, lastRefresh: failedRefresh }), unreachable);
    expect(failedWarning).toMatchObject({
      state: 'unknown',
      statusSource: 'last_known',
      statusReadAt: EARLIER,
      status: 'expiry_soon',
      usage: warning.usage,
      lastRefresh: { ok: false, error: { code: 'unreachable', message: 'Nothing answers at the address.' } },
    });
    expect(row(saved({ lastStatus: known, lastRefresh: failedRefresh }), unreachable)).toMatchObject({
      state: 'critical',
      statusSource: 'last_known',
      status: 'read_only',
    });
  });

  it("is replaced by this session's successful read", () => {
    expect(row(saved({ lastStatus: known }), live)).toMatchObject({
      state: 'warning',
      statusSource: 'live',
      statusReadAt: '2026-11-29T12:00:00Z',
      status: 'expiry_soon',
      usage: { internalUsers: 45 },
    });
  });
});

describe('a dashboard row of an instance reached over plain HTTP', () => {
  it('says whether the person allowed its token to travel unencrypted (not, for records saved before the setting)', () => {
    expect(row(saved({ url: 'http://auth.lab.example', allowHttp: true }), undefined).allowHttp).toBe(true);
    expect(row(saved({ url: 'http://auth.lab.example' }), undefined).allowHttp).toBe(false);
  });
});
