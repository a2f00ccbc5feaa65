import { describe, expect, it } from 'vitest';
import { authentikRules } from '../../../shared/license/authentik-rules';
import {
  lastValidBounds,
  RECORD_GAP_MS,
  RECORD_LIFETIME_MS,
  type LastValidInput,
  type StatusObservation,
} from '../../../shared/license/last-valid-bounds';
import { DAY_MS, WEEK_MS } from '../../../shared/time/durations';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const NEWEST = authentikRules('2026.5.6');
const bounds = (input: Partial<LastValidInput>) =>
  lastValidBounds({ status: 'valid', overCapacity: false, now: NOW, rules: NEWEST, history: [], ...input });
const basis = (status: string, history: { at: number; status: string } | null = null) => ({ status, history });
const seen = (daysAgo: number, status: string, overCapacity: boolean | null = true): StatusObservation => ({
  at: NOW - daysAgo * DAY_MS,
  status,
  overCapacity,
});

describe('lastValidBounds: what the status read now proves (authentik status(), 2/4/6 weeks, strict)', () => {
  it.each([
    // `valid`: the usage task records `valid` now (within hours: records at most every 8 h, the task every 2 h).
    ['valid', false, NOW - RECORD_GAP_MS, NOW],
    ['valid', true, NOW - RECORD_GAP_MS, NOW],
    // `expiry_soon`: within the last 2 weeks (the records since say expiry_soon).
    ['expiry_soon', false, NOW - 2 * WEEK_MS, NOW],
    // Over capacity, `expired` means the capacity checks fell through: under 2 weeks.
    ['expired', true, NOW - 2 * WEEK_MS, NOW],
    // Within capacity, the expiry alone decided: nothing proven below.
    ['expired', false, null, NOW],
    ['limit_exceeded_admin', true, NOW - 4 * WEEK_MS, NOW - 2 * WEEK_MS - 1],
    ['limit_exceeded_user', true, NOW - 6 * WEEK_MS, NOW - 4 * WEEK_MS - 1],
    // `read_only` for capacity: more than 6 weeks ago, no lower bound.
    ['read_only', true, null, NOW - 6 * WEEK_MS - 1],
    // An unknown status proves nothing.
    ['frozen', null, null, NOW],
  ] as const)('%s (over capacity: %s) → from %s to %s', (status, overCapacity, notBefore, notAfter) => {
    expect(bounds({ status, overCapacity })).toEqual({ kind: 'between', notBefore, notAfter, basis: basis(status) });
  });

  it('unlicensed: never a valid record', () => {
    expect(bounds({ status: 'unlicensed', overCapacity: true })).toEqual({ kind: 'never', basis: basis('unlicensed') });
  });

  it('before 2024.8: invalid (not valid, no warning flag) means a within-limits record under 2 weeks old', () => {
    expect(bounds({ status: 'invalid', overCapacity: true, rules: authentikRules('2024.6.3') })).toEqual({
      kind: 'between',
      notBefore: NOW - 2 * WEEK_MS,
      notAfter: NOW,
      basis: basis('invalid'),
    });
  });
});

describe('lastValidBounds: the history narrows the bounds', () => {
  it('the newest reading that said valid is a lower bound', () => {
    const history = [seen(70, 'valid'), seen(50, 'valid'), seen(30, 'limit_exceeded_admin')];
    expect(bounds({ status: 'read_only', overCapacity: true, history })).toEqual({
      kind: 'between',
      notBefore: NOW - 50 * DAY_MS - RECORD_GAP_MS,
      notAfter: NOW - 6 * WEEK_MS - 1,
      basis: basis('read_only', { at: NOW - 50 * DAY_MS, status: 'valid' }),
    });
  });

  it('a warning status read earlier bounds the record as the same status now would', () => {
    // limit_exceeded_user 3 days ago: the record was 4 to 6 weeks old then.
    const history = [seen(3, 'limit_exceeded_user')];
    expect(bounds({ status: 'read_only', overCapacity: true, history })).toMatchObject({
      notBefore: NOW - 3 * DAY_MS - 6 * WEEK_MS,
      notAfter: NOW - 6 * WEEK_MS - 1,
    });
  });

  it('a record older than 90 days proves nothing: authentik has deleted it', () => {
    const history = [seen(RECORD_LIFETIME_MS / DAY_MS + 1, 'valid')];
    expect(bounds({ status: 'read_only', overCapacity: true, history })).toEqual({
      kind: 'between',
      notBefore: null,
      notAfter: NOW - 6 * WEEK_MS - 1,
      basis: basis('read_only'),
    });
  });

  it('an unlicensed instance seen valid within 90 days had a valid record (its license was deleted since)', () => {
    const history = [seen(10, 'valid', false)];
    expect(bounds({ status: 'unlicensed', overCapacity: true, history })).toEqual({
      kind: 'between',
      notBefore: NOW - 10 * DAY_MS - RECORD_GAP_MS,
      notAfter: NOW,
      basis: basis('unlicensed', { at: NOW - 10 * DAY_MS, status: 'valid' }),
    });
  });

  it('a history that contradicts the status is set aside; readings in the future are ignored', () => {
    // Seen valid 5 days ago, yet read-only now: the status is what authentik computes.
    expect(bounds({ status: 'read_only', overCapacity: true, history: [seen(5, 'valid')] })).toMatchObject({
      notBefore: null,
      basis: basis('read_only'),
    });
    expect(bounds({ status: 'read_only', overCapacity: true, history: [seen(-1, 'valid')] })).toMatchObject({
      notBefore: null,
    });
  });

  it('a reading that proves less than the status changes nothing', () => {
    expect(bounds({ status: 'limit_exceeded_admin', overCapacity: true, history: [seen(60, 'valid')] })).toEqual({
      kind: 'between',
      notBefore: NOW - 4 * WEEK_MS,
      notAfter: NOW - 2 * WEEK_MS - 1,
      basis: basis('limit_exceeded_admin'),
    });
  });
});
