import { describe, expect, it } from 'vitest';
import { capacityOutlook, type CapacityOutlookInput } from '../../../main/instances/capacity-outlook';
import type { StatusHistoryEntry } from '../../../main/instances/status-history';
import { toIsoUtc } from '../../../shared/time/iso';

const NOW = Date.UTC(2026, 11, 6, 12);
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const iso = (at: number) => toIsoUtc(at);

/** 40 internal users on 10 seats, read a minute ago on 2026.5.6, licenses running to `expiry`. */
function input(
  status: string,
  overrides: Partial<CapacityOutlookInput['row']> = {},
  history: StatusHistoryEntry[] = [],
): CapacityOutlookInput {
  return {
    row: {
      status,
      usage: { internalUsers: 40, externalUsers: 0 },
      licensed: { internalUsers: 10, externalUsers: 100 },
      latestValid: iso(NOW + 20 * WEEK),
      version: '2026.5.6',
      statusReadAt: iso(NOW - 60_000),
      ...overrides,
    },
    history,
    offsetMs: 0,
    now: NOW,
  };
}

describe("capacityOutlook: authentik's over-capacity steps on the instance page, from what its records do", () => {
  it('over the seats on a valid license far from expiry: authentik keeps recording valid, so the steps wait for 2 weeks before the expiry', () => {
    const outlook = capacityOutlook(input('valid'));
    expect(outlook).toMatchObject({ atOnce: 'no', waitsForExpiry: true });
    // The last valid record freezes 2 weeks before the expiry: admin banner at the expiry, user banner 2 weeks after, read-only 4.
    expect(outlook?.steps).toEqual([
      { kind: 'admin_banner', earliest: iso(NOW + 20 * WEEK), latest: iso(NOW + 20 * WEEK) },
      { kind: 'user_banner', earliest: iso(NOW + 22 * WEEK), latest: iso(NOW + 22 * WEEK) },
      { kind: 'read_only', earliest: iso(NOW + 24 * WEEK), latest: iso(NOW + 24 * WEEK) },
    ]);
  });

  it('once the records stopped saying valid (limit_exceeded_admin), the steps count from a record 2 to 4 weeks old', () => {
    const readAt = NOW - 60_000;
    const outlook = capacityOutlook(input('limit_exceeded_admin'));
    expect(outlook).toMatchObject({
      atOnce: 'no',
      waitsForExpiry: false,
      lastValid: { notBefore: iso(readAt - 4 * WEEK), notAfter: iso(readAt - 2 * WEEK - 1) },
    });
    expect(outlook?.steps.map((step) => [step.kind, step.earliest, step.latest])).toEqual([
      ['admin_banner', iso(readAt - 2 * WEEK), iso(readAt - 1)],
      ['user_banner', iso(readAt), iso(readAt + 2 * WEEK - 1)],
      ['read_only', iso(readAt + 2 * WEEK), iso(readAt + 4 * WEEK - 1)],
    ]);
  });

  it("the app's history narrows the bounds: a valid reading 3 weeks ago puts read-only 3 weeks from now at the latest", () => {
    const seen = NOW - 3 * WEEK;
    const history: StatusHistoryEntry[] = [
      {
        at: iso(seen),
        status: 'valid',
        statusCached: 'valid',
        licensed: { internalUsers: 50, externalUsers: 100 },
        usage: { internalUsers: 40, externalUsers: 0 },
      },
    ];
    const outlook = capacityOutlook(input('limit_exceeded_admin', {}, history));
    expect(outlook?.basis).toEqual({ status: 'limit_exceeded_admin', history: { at: iso(seen), status: 'valid' } });
    expect(outlook?.steps.at(-1)?.earliest).toBe(iso(seen - 10 * 3_600_000 + 6 * WEEK));
  });

  it('read_only now: it is read-only already, with no steps left', () => {
    expect(capacityOutlook(input('read_only'))).toMatchObject({
      atOnce: 'yes',
      steps: [],
      lastValid: { notBefore: null },
    });
  });

  it('before 2024.8 the records stored within_limits, so over the seats nothing keeps the record fresh: no waiting for the expiry', () => {
    const outlook = capacityOutlook(input('invalid', { version: '2024.6.3' }));
    expect(outlook).toMatchObject({ atOnce: 'no', waitsForExpiry: false });
    expect(outlook?.steps[0]?.latest).toBe(iso(NOW - 60_000 + 2 * WEEK));
  });

  it('nothing to say within the seats, while unlicensed, or without usage', () => {
    expect(capacityOutlook(input('valid', { usage: { internalUsers: 10, externalUsers: 100 } }))).toBeNull();
    expect(capacityOutlook(input('unlicensed', { licensed: { internalUsers: 0, externalUsers: 0 } }))).toBeNull();
    expect(capacityOutlook(input('valid', { usage: null }))).toBeNull();
  });

  it('a 0/0 license with users is over capacity, and with no valid record authentik (2024.8 on) is read-only at once', () => {
    const outlook = capacityOutlook(input('read_only', { licensed: { internalUsers: 0, externalUsers: 0 } }));
    expect(outlook?.atOnce).toBe('yes');
  });
});
