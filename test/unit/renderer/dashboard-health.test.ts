import { describe, expect, it } from 'vitest';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import { chipCounts, healthOf, inChip, sinceText, type TriageChip } from '../../../renderer/features/dashboard/health';
import { fleetRow } from './instance-rows';

const NOW = Date.parse('2026-11-29T10:00:00.000Z');
const FAILED_AT = '2026-11-29T09:30:00.000Z';
const FIRST_FAILED = '2026-11-29T09:12:00.000Z';
const failed = (failingSince?: string): InstanceRow['lastRefresh'] => ({
  at: FAILED_AT,
  ok: false,
  error: { code: 'unreachable', message: 'Nothing answers.' },
  ...(failingSince === undefined ? {} : { failingSince }),
});
const inDays = (days: number): string => new Date(NOW + days * 86_400_000 + 3_600_000).toISOString();

const ROWS: Record<string, InstanceRow> = {
  valid: fleetRow('Valid'),
  unreachableValid: fleetRow('Down', {
    state: 'unknown',
    statusSource: 'last_known',
    lastRefresh: failed(FIRST_FAILED),
  }),
  unreachableCritical: fleetRow('Down critical', {
    state: 'critical',
    status: 'read_only',
    statusSource: 'last_known',
    lastRefresh: failed(),
  }),
  readOnly: fleetRow('RO', { state: 'critical', status: 'read_only' }),
  overUsers: fleetRow('Over', { state: 'critical', status: 'limit_exceeded_user' }),
  expiring: fleetRow('Soon', { state: 'warning', status: 'valid', latestValid: inDays(12) }),
  expirySoon: fleetRow('Sooner', { state: 'warning', status: 'expiry_soon', latestValid: inDays(5) }),
  warned: fleetRow('Warned', { state: 'warning', warnings: ['Renew before the end of the month.'] }),
  unlicensed: fleetRow('Bare', { state: 'warning', status: 'unlicensed', latestValid: null }),
  never: fleetRow('New', {
    state: 'never',
    statusSource: 'none',
    status: null,
    statusCached: null,
    latestValid: null,
    lastRefresh: null,
  }),
  lastKnown: fleetRow('Earlier', { statusSource: 'last_known', lastRefresh: null }),
};

describe('the Health of a row', () => {
  it.each([
    ['valid', 'ok', 'ok', 'Valid', null, null],
    ['unreachableValid', 'warning', 'warn', 'Unreachable', /^Unreachable since \S+/, 'last known: Valid'],
    ['unreachableCritical', 'critical', 'bad', 'Unreachable', /^Unreachable since/, 'last known: Read only'],
    ['readOnly', 'critical', 'bad', 'Read only', 'Read only', null],
    ['overUsers', 'critical', 'bad', 'User count exceeded (users)', 'Over capacity', null],
    ['expiring', 'warning', 'warn', 'Valid', 'Expires in 12 days', null],
    ['expirySoon', 'warning', 'warn', 'Expiring soon', 'Expires in 5 days', null],
    ['warned', 'warning', 'warn', 'Valid', 'Renew before the end of the month.', null],
    ['unlicensed', 'warning', 'warn', 'Unlicensed', 'No license installed', null],
    ['never', 'never', 'neutral', 'Not refreshed', null, null],
    ['lastKnown', 'ok', 'ok', 'Valid', null, 'last known'],
  ] as const)('%s', (name, level, tone, label, reason, lastKnown) => {
    const health = healthOf(ROWS[name] as InstanceRow, NOW);
    expect(health).toMatchObject({ level, tone, label, lastKnown });
    if (reason === null || typeof reason === 'string') expect(health.reason).toBe(reason);
    else expect(health.reason).toMatch(reason);
  });

  it('is never green after a failed read, whatever was last known', () => {
    for (const row of Object.values(ROWS).filter((row) => row.lastRefresh?.ok === false)) {
      expect(healthOf(row, NOW).tone).not.toBe('ok');
      expect(healthOf(row, NOW).label).toBe('Unreachable');
    }
  });

  it('dates an unreachable instance from its first failed read', () => {
    expect(healthOf(ROWS.unreachableValid as InstanceRow, NOW).reason).toBe(
      `Unreachable since ${sinceText(FIRST_FAILED, NOW)}`,
    );
    expect(sinceText(FIRST_FAILED, NOW)).not.toBe(sinceText(FAILED_AT, NOW));
  });
});

describe('the summary strip', () => {
  it.each([
    ['critical', ['Down critical', 'RO', 'Over']],
    ['warning', ['Soon', 'Sooner', 'Warned', 'Bare']],
    ['unreachable', ['Down', 'Down critical']],
    ['expiring', ['Soon', 'Sooner']],
    ['not_installed', ['Bare']],
  ] as const)('%s', (chip: TriageChip, names) => {
    const rows = Object.values(ROWS);
    expect(rows.filter((row) => inChip(row, chip, NOW)).map((row) => row.name)).toEqual(names);
    expect(chipCounts(rows, NOW)[chip]).toBe(names.length);
  });
});
