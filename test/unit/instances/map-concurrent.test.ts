import { describe, expect, it } from 'vitest';
import { mapConcurrent } from '../../../main/instances/map-concurrent';

describe('mapConcurrent', () => {
  it('never runs more than the limit at once, and keeps the input order', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapConcurrent([30, 5, 20, 1, 10, 15, 2], 3, async (ms, index) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      return index;
    });
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(3);
  });

  it('handles fewer items than the limit, and none', async () => {
    expect(await mapConcurrent([1], 8, async (value) => value * 2)).toEqual([2]);
    expect(await mapConcurrent([], 8, async (value: number) => value)).toEqual([]);
  });
});
