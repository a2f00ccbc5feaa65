import { describe, expect, it } from 'vitest';
import { guideCapacities, guideInstanceTimeline } from '../../../shared/instances/instance-timeline';
import { DAY_MS, WEEK_MS } from '../../../shared/time/durations';
import { installed, NOW } from './instance-timeline-fixtures';

describe('guideCapacities', () => {
  it('counts licenses that verify, expired ones too, and leaves out forged or foreign keys', () => {
    const capacities = guideCapacities([
      installed(NOW + DAY_MS, 10, 1),
      installed(NOW - DAY_MS, 5, 2, 'expired'),
      installed(NOW + 9 * DAY_MS, 100, 100, 'install_id_mismatch'),
      installed(NOW + 9 * DAY_MS, 100, 100, 'bad_signature'),
    ]);
    expect(capacities).toEqual([
      { expiresAt: NOW + DAY_MS, internalUsers: 10, externalUsers: 1 },
      { expiresAt: NOW - DAY_MS, internalUsers: 5, externalUsers: 2 },
    ]);
  });
});

describe('guideInstanceTimeline', () => {
  it('is empty without licenses', () => {
    expect(guideInstanceTimeline([], NOW)).toEqual({ cumulativeExpiry: null, ladder: [] });
  });

  it('gives the cumulative expiry and the ladder at the last expiry, with days left', () => {
    const first = NOW + 10 * DAY_MS;
    const last = NOW + 40 * DAY_MS;
    const timeline = guideInstanceTimeline(
      [
        { expiresAt: last, internalUsers: 10, externalUsers: 0 },
        { expiresAt: first, internalUsers: 5, externalUsers: 3 },
      ],
      NOW,
    );
    expect(timeline.cumulativeExpiry).toEqual({ kind: 'cumulative_expiry', at: first, past: false, days: 10 });
    expect(timeline.ladder).toEqual([
      { kind: 'expirySoon', at: last - 2 * WEEK_MS, past: false, days: 26 },
      { kind: 'expiry', at: last, past: false, days: 40 },
      { kind: 'adminWarning', at: last + 2 * WEEK_MS, past: false, days: 54 },
      { kind: 'userWarning', at: last + 4 * WEEK_MS, past: false, days: 68 },
      { kind: 'readOnly', at: last + 6 * WEEK_MS, past: false, days: 82 },
    ]);
  });

  it('has no cumulative expiry once every license has expired, but keeps the ladder', () => {
    const timeline = guideInstanceTimeline([{ expiresAt: NOW - 3 * DAY_MS, internalUsers: 1, externalUsers: 1 }], NOW);
    expect(timeline.cumulativeExpiry).toBeNull();
    expect(timeline.ladder.map((date) => [date.kind, date.past])).toEqual([
      ['expirySoon', true],
      ['expiry', true],
      ['adminWarning', false],
      ['userWarning', false],
      ['readOnly', false],
    ]);
  });
});
