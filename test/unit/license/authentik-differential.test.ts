import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { trustRootsOf, type TrustRoots } from '../../../main/license/trust-roots';
import { AUTHENTIK_STATUSES } from '../../../shared/license/authentik-status';
import { appOutcome } from './differential/app-side';
import { describeCase, rawCaseArbitrary, resolveCase } from './differential/case-arbitrary';
import { createKeyPool, type KeyPool } from './differential/key-pool';
import { simSide } from './differential/sim-side';

/** Replays a reported failure: DIFFERENTIAL_SEED and DIFFERENTIAL_PATH as fast-check printed them. */
function replay(): Pick<fc.Parameters<unknown>, 'seed' | 'path'> {
  const seed = process.env.DIFFERENTIAL_SEED;
  return seed === undefined ? {} : { seed: Number(seed), path: process.env.DIFFERENTIAL_PATH };
}

describe('the app against the independent authentik simulator, case by random case', () => {
  let pool: KeyPool;
  let appRoots: TrustRoots;
  beforeAll(async () => {
    pool = await createKeyPool();
    appRoots = trustRootsOf(pool.roots);
  });

  it('agrees on status, summary, seats, combined expiry, key acceptance and capacity after install (10,000 cases)', () => {
    const seen = new Set<string>();
    const property = fc.property(rawCaseArbitrary(pool.keys.length), (raw) => {
      const resolved = resolveCase(raw, pool.keys);
      const sim = simSide(resolved, pool.roots);
      const app = appOutcome(resolved, sim.lastValidForApp, appRoots);
      if (!isDeepStrictEqual(app, sim.outcome)) {
        throw new Error(
          `the app and the simulator disagree\n  case: ${describeCase(resolved)}\n  last valid given to the app: ${sim.lastValidForApp}\n` +
            `  simulator: ${JSON.stringify(sim.outcome)}\n  app:       ${JSON.stringify(app)}`,
        );
      }
      const { outcome } = sim;
      seen.add(`status:${outcome.status}`).add(`summary:${outcome.legacyFlags === null ? 'status' : 'booleans'}`);
      if (outcome.keyAccepted !== null) seen.add(`key:${outcome.keyAccepted ? 'accepted' : 'refused'}`);
      if (outcome.afterInstall !== null) seen.add(`after:${outcome.afterInstall.overCapacity ? 'over' : 'within'}`);
    });
    fc.assert(property, { numRuns: 10_000, ...replay() });

    // The cases reach every status and both sides of every verdict, so agreement is not vacuous.
    const expected = [
      ...AUTHENTIK_STATUSES.map((status) => `status:${status}`),
      'summary:status',
      'summary:booleans',
      'key:accepted',
      'key:refused',
      'after:over',
      'after:within',
    ];
    expect([...seen].sort()).toEqual(expected.sort());
  }, 120_000);
});
