import { describe, expect, it } from 'vitest';
import { usageView } from '../../../renderer/format/usage';

describe('a usage bar, judged as authentik’s Licenses page does', () => {
  it.each([
    // used, licensed, level, share, fill
    [0, 100, 'ok', '0 %', 0],
    [80, 100, 'ok', '80 %', 80],
    [400, 500, 'ok', '80 %', 80],
    [81, 100, 'warning', '81 %', 81],
    // 80.2 %: over 80, so a warning, and the share (rounded up) says so instead of "80 %".
    [401, 500, 'warning', '81 %', 80.2],
    [100, 100, 'warning', '100 %', 100],
    [101, 100, 'danger', '101 %', 100],
    // 100.1 %: over capacity, and never shown as "100 %".
    [1001, 1000, 'danger', '101 %', 100],
    [250, 100, 'danger', '250 %', 100],
    // 7 / 100 * 100 is 7.000000000000001 in floating point; the share stays 7 %.
    [7, 100, 'ok', '7 %', 7],
  ] as const)('%i of %i licensed is %s, %s', (used, licensed, level, share, fill) => {
    const view = usageView(used, licensed, 'Internal users');
    expect(view).toMatchObject({ level, share, counts: `${used.toLocaleString()} / ${licensed.toLocaleString()}` });
    expect(view.fill).toBeCloseTo(fill, 10);
  });

  it('says how far over capacity a bar is, in the sentence a screen reader hears', () => {
    expect(usageView(101, 100, 'Internal users').spoken).toBe(
      'Internal users: 101 of 100 licensed, 101 %, over capacity by 1',
    );
    expect(usageView(100, 100, 'Internal users').spoken).toBe('Internal users: 100 of 100 licensed, 100 %');
  });

  it('is ∞ and danger when users exist but no seat is licensed', () => {
    expect(usageView(5, 0, 'External users')).toEqual({
      level: 'danger',
      counts: '5 / 0',
      share: '∞',
      fill: 100,
      spoken: 'External users: 5 in use with none licensed, over capacity',
    });
  });

  it('is an empty, ok bar with no share for none in use and none licensed', () => {
    expect(usageView(0, 0, 'External users')).toEqual({
      level: 'ok',
      counts: '0 / 0',
      share: '',
      fill: 0,
      spoken: 'External users: none in use, none licensed',
    });
  });

  it('is unknown, with "?" for the part it does not know, before the instance is read', () => {
    expect(usageView(null, null, 'Internal users')).toEqual({
      level: 'unknown',
      counts: '? / ?',
      share: '',
      fill: 0,
      spoken: 'Internal users: unknown',
    });
    expect(usageView(null, 50, 'Internal users')).toMatchObject({
      level: 'unknown',
      counts: '? / 50',
      spoken: 'Internal users: current count unknown, 50 licensed',
    });
    expect(usageView(12, null, 'Internal users')).toMatchObject({
      level: 'unknown',
      counts: '12 / ?',
      spoken: 'Internal users: 12 in use, licensed count unknown',
    });
  });
});
