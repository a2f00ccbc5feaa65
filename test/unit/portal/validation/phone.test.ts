import { describe, expect, it } from 'vitest';
import { billingAccountSchema } from '../../../../shared/portal/schemas/billing-account';
import { phoneProblem } from '../../../../shared/portal/validation';

const VALID = ['+4930901820', '+14155550123', '+447911123456', '+861012345678901'];
const INVALID = ['4930901820', '+0301234567', '+49 30 901820', '+49-30-901820', '(415) 555-0123', '+', '+1', ''];

describe('phone numbers in E.164', () => {
  it.each(VALID)('accepts %s', (value) => expect(phoneProblem(value)).toBeNull());
  it.each(INVALID)('refuses %j, saying how to write it', (value) =>
    expect(phoneProblem(value)).toBe(
      'Write the phone number in international form without spaces: a +, the country code and the number, like +4930901820',
    ),
  );

  it('counts at most 15 digits', () => {
    expect(phoneProblem('+123456789012345')).toBeNull();
    expect(phoneProblem('+1234567890123456')).toBe('A phone number has at most 15 digits, country code included');
  });

  it('is the same rule as the API schema', () => {
    for (const value of [...VALID, ...INVALID, '+1234567890123456']) {
      expect(billingAccountSchema.shape.phone.safeParse(value).success, value).toBe(phoneProblem(value) === null);
    }
  });
});
