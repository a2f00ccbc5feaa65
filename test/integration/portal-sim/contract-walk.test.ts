import { describe, expect, it } from 'vitest';
import { createTestPki } from '../../pki/test-pki';
import { ACCESS_REFUSALS, STATE_REFUSALS } from './contract-walk-refusals';
import { JOURNEYS } from './contract-walk-journeys';
import { loadOpenApiResponseValidator } from './openapi-response-validator';
import { freshPortalSimPerTest, startPortalKit } from './portal-sim-fixtures';

/**
 * A broad walk over Portal API v1: every operation, its successes and its refusals, each answer checked
 * against docs/portal-api-v1.yaml by an independent validator. Each step runs on a fresh simulator.
 */
const WALK = { ...ACCESS_REFUSALS, ...JOURNEYS, ...STATE_REFUSALS };

describe('Portal API v1: every response the simulator gives conforms to docs/portal-api-v1.yaml', () => {
  const kit = freshPortalSimPerTest();
  for (const [name, step] of Object.entries(WALK)) it(name, () => step(kit));
});

describe('Portal API v1: the walk covers the document', () => {
  // The whole walk again, in this one test, so the check holds whichever tests run beside it (-t included).
  it('produces every response the document declares', { timeout: 120_000 }, async () => {
    const [validator, pki] = await Promise.all([loadOpenApiResponseValidator(), createTestPki()]);
    const seen = new Set<string>();
    for (const step of Object.values(WALK)) {
      const kit = await startPortalKit({ checkoutDelayMs: 0, pki }, validator, seen);
      try {
        await step(kit);
      } finally {
        await kit.sim.stop();
      }
    }
    expect(validator.declared.filter((entry) => !seen.has(entry))).toEqual([]);
  });
});
