import { describe, expect, it } from 'vitest';
import { mapConcurrent } from '../../../main/instances/map-concurrent';

const noFailure = (error: unknown): never => {
  throw error;
};

describe('mapConcurrent', () => {
  it('never runs more than the limit at once, and keeps the input order', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapConcurrent(
      [30, 5, 20, 1, 10, 15, 2],
      3,
      async (ms, index) => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, ms));
        running -= 1;
        return index;
      },
      noFailure,
    );
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(3);
  });

  it('handles fewer items than the limit, and none', async () => {
    expect(await mapConcurrent([1], 8, async (value) => value * 2, noFailure)).toEqual([2]);
    expect(await mapConcurrent([], 8, async (value: number) => value, noFailure)).toEqual([]);
  });

  it("turns a task that rejects or throws into that item's failed result, and still runs every other item", async () => {
    const started: string[] = [];
    const results = await mapConcurrent(
      ['a', 'rejects', 'b', 'throws', 'c', 'd'],
      2,
      (name) => {
        started.push(name);
        if (name === 'throws') throw new RangeError('Invalid time value');
        if (name === 'rejects') return Promise.reject(new TypeError('hostile answer'));
        return Promise.resolve(`read ${name}`);
      },
      (error, name, index) => `failed ${name} at ${index}: ${(error as Error).name}`,
    );
    expect(results).toEqual([
      'read a',
      'failed rejects at 1: TypeError',
      'read b',
      'failed throws at 3: RangeError',
      'read c',
      'read d',
    ]);
    expect(started.sort()).toEqual(['a', 'b', 'c', 'd', 'rejects', 'throws']);
  });

  it('keeps going when every task of a worker fails', async () => {
    const odd = async (value: number): Promise<number> => {
      if (value % 2 === 1) throw new Error('odd');
      return value;
    };
    expect(await mapConcurrent([1, 2, 3, 4], 1, odd, () => 0)).toEqual([0, 2, 0, 4]);
  });
});
