import { describe, expect, it } from 'vitest';
import { checkoutCreateSchema } from '../../../../shared/portal/schemas/checkout';
import { installIdSchema } from '../../../../shared/portal/schemas/common';
import { installIdProblem, MAX_USERS, userCountProblem } from '../../../../shared/portal/validation';

const INSTALL_MESSAGE =
  'An Install ID is a UUID, like 6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44; authentik shows it on its Enterprise → Licenses page under Install';

describe('Install IDs', () => {
  const valid = [
    '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44',
    '6B3C8A51-2F4E-4D7A-9C1B-0E5F7A9D2C44',
    '00000000-0000-0000-0000-000000000000',
  ];
  const invalid = [
    '6b3c8a512f4e4d7a9c1b0e5f7a9d2c44',
    '{6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44}',
    '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c4',
    '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c4g',
    ' 6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44',
    '',
  ];
  it.each(valid)('accepts %s', (value) => expect(installIdProblem(value)).toBeNull());
  it.each(invalid)('refuses %j, saying where to find it', (value) =>
    expect(installIdProblem(value)).toBe(INSTALL_MESSAGE),
  );

  it('is the same rule as the API schema', () => {
    for (const value of [...valid, ...invalid])
      expect(installIdSchema.safeParse(value).success, value).toBe(installIdProblem(value) === null);
  });
});

describe('user counts', () => {
  it('takes positive whole numbers of either kind up to the maximum', () => {
    expect(userCountProblem(1, 'internal')).toBeNull();
    expect(userCountProblem(MAX_USERS, 'internal')).toBeNull();
    expect(userCountProblem(1, 'external')).toBeNull();
    expect(userCountProblem(250, 'external')).toBeNull();
    expect(userCountProblem(MAX_USERS, 'external')).toBeNull();
  });

  it.each([0, -1, 1.5, MAX_USERS + 1, Number.NaN, Number.POSITIVE_INFINITY, '5', null])(
    'refuses %j internal users',
    (value) =>
      expect(userCountProblem(value, 'internal')).toBe(
        'The number of internal users is a whole number from 1 to 1,000,000',
      ),
  );

  it.each([0, -1, 0.5, MAX_USERS + 1, '1'])('refuses %j external users', (value) =>
    expect(userCountProblem(value, 'external')).toBe(
      'The number of external users is a whole number from 1 to 1,000,000',
    ),
  );

  it('is the same rule as the checkout request', () => {
    const order = (internal_users: unknown, external_users: unknown) =>
      checkoutCreateSchema.safeParse({
        plan: '0b9e2c1a-4f3d-4e5b-8a7c-6d5e4f3a2b1c',
        name: 'Production',
        install_id: '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44',
        internal_users,
        external_users,
      }).success;
    for (const value of [0, 1, 1.5, MAX_USERS, MAX_USERS + 1, -1, '5']) {
      expect(order(value, 1), `internal ${String(value)}`).toBe(userCountProblem(value, 'internal') === null);
      expect(order(1, value), `external ${String(value)}`).toBe(userCountProblem(value, 'external') === null);
    }
  });
});
