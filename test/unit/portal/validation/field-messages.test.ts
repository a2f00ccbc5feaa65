import { describe, expect, it } from 'vitest';
import { fieldMessages } from '../../../../shared/portal/field-messages';
import { billingAccountUpdateSchema } from '../../../../shared/portal/schemas/billing-account';
import { checkoutCreateSchema } from '../../../../shared/portal/schemas/checkout';
import { invitationCreateSchema } from '../../../../shared/portal/schemas/invitations';
import { organizationCreateSchema, organizationUpdateSchema } from '../../../../shared/portal/schemas/organizations';

function fieldsOf(result: { success: boolean; error?: Parameters<typeof fieldMessages>[0] }) {
  expect(result.success).toBe(false);
  return result.error ? fieldMessages(result.error) : {};
}

describe("a 422's field messages from a request schema", () => {
  it('gives one message in words per bad field, and one per unknown field', () => {
    const fields = fieldsOf(
      organizationCreateSchema.safeParse({ name: '   ', notification_email: 'billing', owner: 'me' }),
    );
    expect(fields).toEqual({
      name: 'Give the organization a name of 1 to 100 characters',
      notification_email: 'An e-mail address looks like anna@example.com: a name, an @ and a domain with a dot',
      owner: 'This field is not part of the request; leave it out',
    });
  });

  it('names a missing field', () => {
    expect(fieldsOf(invitationCreateSchema.safeParse({ email: 'anna@example.com' }))).toEqual({
      role: 'The role is owner or member',
    });
    expect(fieldsOf(invitationCreateSchema.safeParse({ email: 'anna@example.com', role: 'admin' }))).toEqual({
      role: 'The role is owner or member',
    });
  });

  it('explains a checkout order field by field', () => {
    const fields = fieldsOf(
      checkoutCreateSchema.safeParse({
        plan: 'gold',
        name: '',
        install_id: 'abc',
        internal_users: 0,
        external_users: 2.5,
      }),
    );
    expect(Object.keys(fields).sort()).toEqual(['external_users', 'install_id', 'internal_users', 'name', 'plan']);
    expect(fields.internal_users).toBe('The number of internal users is a whole number from 1 to 1,000,000');
    expect(fields.install_id).toMatch(/^An Install ID is a UUID/);
  });

  it('keys a problem with the whole body as `body`', () => {
    expect(fieldsOf(organizationUpdateSchema.safeParse({}))).toEqual({
      body: 'Change at least one field: name or notification_email',
    });
    expect(Object.keys(fieldsOf(billingAccountUpdateSchema.safeParse('text')))).toEqual(['body']);
  });

  it('lets null clear a billing field but checks a set one', () => {
    expect(billingAccountUpdateSchema.safeParse({ tax_id: null }).success).toBe(true);
    expect(fieldsOf(billingAccountUpdateSchema.safeParse({ phone: '030 901820', country: 'Germany' }))).toEqual({
      phone:
        'Write the phone number in international form without spaces: a +, the country code and the number, like +4930901820',
      country: 'A country is its two-letter ISO code in capitals, like DE, FR or US',
    });
  });
});
