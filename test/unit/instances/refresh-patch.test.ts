import { describe, expect, it } from 'vitest';
import { nextPreviousInstallId } from '../../../main/instances/install-id-change';
import {
  nextFailingSince,
  nextOverCapacitySince,
  refreshPatch,
  type RefreshOutcome,
} from '../../../main/instances/refresh-patch';
import { instanceRecord as record } from '../../seeds/instance-record';
import { lastStatus } from '../registry/registry-fixtures';

const FIRST = '2026-11-01T08:00:00Z';
const NOW = '2026-11-29T08:00:00Z';
const OLD_ID = '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44';
const NEW_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';

describe('overCapacitySince after a refresh', () => {
  it.each([
    ['set to the refresh time when first seen over', null, true, NOW],
    ['kept while still over', FIRST, true, FIRST],
    ['cleared when back within capacity', FIRST, false, null],
    ['unchanged when the read failed (over)', FIRST, null, FIRST],
    ['unchanged when the read failed (never over)', null, null, null],
  ] as const)('%s', (_, current, over, expected) => {
    expect(nextOverCapacitySince(current, over, NOW)).toBe(expected);
  });
});

describe('failingSince after a refresh', () => {
  const failed = (at: string, failingSince?: string) => ({
    at,
    ok: false,
    errorCode: 'unreachable',
    errorMessage: 'down',
    ...(failingSince === undefined ? {} : { failingSince }),
  });
  const succeeded = { at: FIRST, ok: true, errorCode: null, errorMessage: null };
  it.each([
    ['null after a success', failed(FIRST, FIRST), true, null],
    ['the failure itself after a success', succeeded, false, NOW],
    ['the failure itself for a first refresh', null, false, NOW],
    ['kept through further failures', failed('2026-11-20T08:00:00Z', FIRST), false, FIRST],
    ['the earlier failure when an older file has none', failed(FIRST), false, FIRST],
  ] as const)('%s', (_, previous, ok, expected) => {
    expect(nextFailingSince(previous, { ok, at: NOW })).toBe(expected);
  });
});

describe('previousInstallId after a read', () => {
  it('keeps the last seen Install ID when another one is read', () => {
    expect(nextPreviousInstallId({ lastInstallId: OLD_ID, previousInstallId: null }, NEW_ID, false)).toBe(OLD_ID);
  });

  it("compares Install IDs ignoring case, as authentik's UUIDs", () => {
    expect(
      nextPreviousInstallId({ lastInstallId: OLD_ID, previousInstallId: null }, OLD_ID.toUpperCase(), false),
    ).toBeNull();
  });

  it('keeps it until every installed license verifies for the new Install ID, then clears it', () => {
    const changed = { lastInstallId: NEW_ID, previousInstallId: OLD_ID };
    expect(nextPreviousInstallId(changed, NEW_ID, false)).toBe(OLD_ID);
    expect(nextPreviousInstallId(changed, NEW_ID, null)).toBe(OLD_ID);
    expect(nextPreviousInstallId(changed, NEW_ID, true)).toBeNull();
  });

  it('changes nothing when the Install ID was not read, and knows none before the first read', () => {
    expect(nextPreviousInstallId({ lastInstallId: NEW_ID, previousInstallId: OLD_ID }, null, true)).toBe(OLD_ID);
    expect(nextPreviousInstallId({ lastInstallId: null }, NEW_ID, false)).toBeNull();
  });
});

describe('refreshPatch', () => {
  const outcome = (overrides: Partial<RefreshOutcome>): RefreshOutcome => ({
    at: NOW,
    ok: true,
    errorCode: null,
    errorMessage: null,
    installId: NEW_ID,
    version: '2026.5.6',
    overCapacity: true,
    licensesMatchInstallId: false,
    lastStatus: null,
    ...overrides,
  });

  it('records what a successful read learned, its status replacing the one last known', () => {
    const saved = record({ lastInstallId: OLD_ID, lastVersion: '2025.10.1', lastStatus: lastStatus({ at: FIRST }) });
    const read = lastStatus({ at: NOW, exit: 2, status: 'read_only', statusCached: 'read_only' });
    expect(refreshPatch(saved, outcome({ lastStatus: read }))).toEqual({
      lastRefresh: { at: NOW, ok: true, errorCode: null, errorMessage: null, failingSince: null },
      lastInstallId: NEW_ID,
      lastVersion: '2026.5.6',
      overCapacitySince: NOW,
      previousInstallId: OLD_ID,
      lastStatus: read,
    });
  });

  it('keeps what it knew when the read failed, the last known status included', () => {
    const known = lastStatus({ at: FIRST, exit: 1, status: 'expiry_soon', statusCached: 'expiry_soon' });
    const saved = record({
      lastInstallId: OLD_ID,
      lastVersion: '2025.10.1',
      overCapacitySince: FIRST,
      previousInstallId: null,
      lastStatus: known,
    });
    const failed = outcome({
      ok: false,
      errorCode: 'unreachable',
      errorMessage: 'down',
      installId: null,
      version: null,
      overCapacity: null,
      licensesMatchInstallId: null,
    });
    expect(refreshPatch(saved, failed)).toEqual({
      lastRefresh: { at: NOW, ok: false, errorCode: 'unreachable', errorMessage: 'down', failingSince: NOW },
      lastInstallId: OLD_ID,
      lastVersion: '2025.10.1',
      overCapacitySince: FIRST,
      previousInstallId: null,
      lastStatus: known,
    });
  });

  it('leaves a record that never had a status without one after a failed read (older records too)', () => {
    const older: Parameters<typeof refreshPatch>[0] = record();
    delete older.lastStatus;
    expect(
      refreshPatch(older, outcome({ ok: false, errorCode: 'unreachable', errorMessage: 'down', lastStatus: null }))
        .lastStatus,
    ).toBeNull();
  });
});
