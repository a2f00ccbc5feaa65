import { describe, expect, it } from 'vitest';
import { legacySummarySchema } from '../../../main/instances/authentik-schemas';
import { summaryFromLegacyWire } from '../../../main/instances/summary-mapping';

const EPOCH = '1970-01-01T00:00:00Z';
const wire = (fields: Record<string, unknown>) =>
  legacySummarySchema.parse({
    internal_users: 10,
    external_users: 10,
    valid: true,
    show_admin_warning: false,
    show_user_warning: false,
    read_only: false,
    has_license: true,
    latest_valid: '2027-01-01T00:00:00Z',
    ...fields,
  });

describe('summaryFromLegacyWire: the pre-2024.8 booleans as a status', () => {
  it('reads valid: false as invalid (over capacity, or every license expired), not as expired', () => {
    // Over capacity: an unexpired license, too many users.
    expect(summaryFromLegacyWire(wire({ valid: false })).status).toBe('invalid');
    // Every license expired: no seats left and no unexpired expiry (the epoch), so any active user makes it not valid.
    const lapsed = summaryFromLegacyWire(
      wire({ valid: false, internal_users: 0, external_users: 0, latest_valid: EPOCH }),
    );
    expect(lapsed).toEqual({
      status: 'invalid',
      internalUsers: 0,
      externalUsers: 0,
      latestValid: null,
      licenseFlags: [],
    });
  });

  it.each([
    [{}, 'valid'],
    [{ has_license: false, valid: false, latest_valid: EPOCH }, 'unlicensed'],
    [{ valid: false, show_admin_warning: true }, 'limit_exceeded_admin'],
    [{ valid: false, show_admin_warning: true, show_user_warning: true }, 'limit_exceeded_user'],
    [{ valid: false, show_admin_warning: true, show_user_warning: true, read_only: true }, 'read_only'],
    // The warnings follow the last valid record, not `valid` now: a key just installed does not clear them.
    [{ valid: true, show_admin_warning: true }, 'limit_exceeded_admin'],
  ])('reads %j as %s', (fields, status) => {
    expect(summaryFromLegacyWire(wire(fields)).status).toBe(status);
  });
});
