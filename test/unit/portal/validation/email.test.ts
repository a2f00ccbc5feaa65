import { describe, expect, it } from 'vitest';
import { emailSchema } from '../../../../shared/portal/schemas/common';
import { emailProblem } from '../../../../shared/portal/validation';

const VALID = ['anna@example.com', 'a.b+tag@sub.example.co.uk', "o'brien@example.ie", 'ANNA_1@EXAMPLE.DE', 'x@a-b.io'];
const INVALID = [
  'anna',
  'anna@',
  '@example.com',
  'anna@example',
  '.anna@example.com',
  'anna.@example.com',
  'an..na@example.com',
  'anna@-example.com',
  'anna@example-.com',
  'anna@example.c',
  'anna example@example.com',
  'anna@exam_ple.com',
  'anna@@example.com',
];

/** A valid-looking address of exactly `length` characters: a 64-character name, 60-character domain labels. */
function addressOfLength(length: number): string {
  const name = 'a'.repeat(64);
  const labels = ['b'.repeat(60), 'c'.repeat(60), 'd'.repeat(60)];
  const tld = 'e'.repeat(length - name.length - 1 - labels.join('.').length - 1);
  return `${name}@${labels.join('.')}.${tld}`;
}

describe('e-mail addresses', () => {
  it.each(VALID)('accepts %s', (value) => expect(emailProblem(value)).toBeNull());
  it.each(INVALID)('refuses %s', (value) =>
    expect(emailProblem(value)).toMatch(/^An e-mail address .+anna@example\.com/),
  );

  it('asks for one when blank, and refuses one longer than 254 characters', () => {
    expect(emailProblem('')).toBe('Enter an e-mail address, like anna@example.com');
    expect(emailProblem(addressOfLength(254))).toBeNull();
    expect(emailProblem(addressOfLength(255))).toBe('An e-mail address has at most 254 characters');
  });

  it('says where the @ goes when there is none', () => {
    expect(emailProblem('anna.example.com')).toBe(
      'An e-mail address has an @ between the name and the domain, like anna@example.com',
    );
  });

  it('is the same rule as the API schema', () => {
    for (const value of [...VALID, ...INVALID, addressOfLength(254), addressOfLength(255)]) {
      expect(emailSchema.safeParse(value).success, value).toBe(emailProblem(value) === null);
    }
  });
});
