// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import type { BillingAccount } from '../../../shared/portal/schemas/billing-account';
import { OrgBillingTab } from '../../../renderer/features/billing/OrgBillingTab';
import { portalKeys } from '../../../renderer/queries/portal-keys';
import { BERLIN } from '../portal/billing-account-fixtures';
import { alerts, answers, billingTab, field, ORG, OTHER_ORG, problemOf, statuses } from './billing-tab-fixtures';
import { deferred, ok } from './portal-licenses-fixtures';
import { portalScreen, press, typeInto } from './portal-screen';
import { ALICE, refused } from './portal-test-data';

describe('opening the billing tab', () => {
  it('reads the account, payment methods and invoices of the organization, and shows the account in the form', async () => {
    const app = await portalScreen(h(OrgBillingTab, { orgId: ORG, role: 'owner' }), answers());
    expect(await screen.findByLabelText('City')).toHaveProperty('value', 'Berlin');
    await screen.findByText('AK-2026-000005');
    expect([...app.main.channels()].sort()).toEqual([
      'portal:get-billing-account',
      'portal:list-accounts',
      'portal:list-invoices',
      'portal:list-payment-methods',
    ]);
    expect(
      app.main.sent
        .filter((request) => request.channel !== 'portal:list-accounts')
        .every((request) => (request.input as { org: string }).org === ORG),
    ).toBe(true);
    expect(screen.queryByRole('button', { name: 'Discard changes' })).toBeNull();
  });

  it('asks once when the tab is drawn twice while the first answers are on their way', async () => {
    const app = await portalScreen(
      h(
        'div',
        null,
        h(OrgBillingTab, { orgId: ORG, role: 'member' }),
        h(OrgBillingTab, { orgId: ORG, role: 'member' }),
      ),
      answers(),
    );
    await waitFor(() => expect(screen.getAllByText('AK-2026-000005')).toHaveLength(2));
    expect(app.count('portal:get-billing-account')).toBe(1);
    expect(app.count('portal:list-invoices')).toBe(1);
  });

  it('shows the organization it is open on, never an answer for the one before', async () => {
    const late = deferred<{ ok: true; value: { account: BillingAccount } }>();
    const app = await portalScreen(
      h(OrgBillingTab, { orgId: ORG, role: 'member' }),
      answers(BERLIN, {
        'portal:get-billing-account': ({ org }) =>
          org === ORG ? late.promise : ok({ account: { ...BERLIN, city: 'Hamburg', postal_code: '20095' } }),
      }),
    );
    app.rerender(h(OrgBillingTab, { orgId: OTHER_ORG, role: 'member' }));
    await screen.findByText('Hamburg');
    late.resolve(ok({ account: BERLIN }));
    await waitFor(() => expect(app.queryClient.getQueryData(portalKeys.billingAccount(ALICE.id, ORG))).toEqual(BERLIN));
    expect(screen.getByText('Hamburg')).toBeTruthy();
    expect(screen.queryByText('Berlin')).toBeNull();
  });

  it('says why the account could not be read, in the portal’s words with what to do', async () => {
    await portalScreen(
      h(OrgBillingTab, { orgId: ORG, role: 'owner' }),
      answers(BERLIN, {
        'portal:get-billing-account': () => refused('not_signed_in', 'The portal ended the sign-in.'),
      }),
    );
    // The portal's words, then where to sign in again.
    await waitFor(() =>
      expect(alerts()).toMatch(/read the billing account: The portal ended the sign-in\. .*account menu/),
    );
    expect(screen.queryByLabelText('City')).toBeNull();
  });
});

describe('saving the billing account', () => {
  it('sends only the changed fields, then shows the account as the portal saved it', async () => {
    const app = await billingTab({
      'portal:update-billing-account': ({ change }) => ok({ account: { ...BERLIN, ...change } }),
    });
    typeInto('City', 'Potsdam');
    typeInto('Postal code', '14467');
    press('Save');
    await waitFor(() => expect(statuses()).toContain('Saved the billing account.'));
    expect(app.main.sent).toEqual([
      {
        channel: 'portal:update-billing-account',
        input: { org: ORG, change: { city: 'Potsdam', postal_code: '14467' } },
      },
    ]);
    expect(app.queryClient.getQueryData(portalKeys.billingAccount(ALICE.id, ORG))).toEqual({
      ...BERLIN,
      city: 'Potsdam',
      postal_code: '14467',
    });
    expect(field('City').value).toBe('Potsdam');
    expect(screen.queryByRole('button', { name: 'Discard changes' })).toBeNull();
  });

  it('sends nothing while a field breaks the portal’s rules, and marks that field', async () => {
    const app = await billingTab();
    typeInto('Postal code', '1011');
    expect(problemOf('postal_code')).toBeUndefined();
    fireEvent.blur(field('Postal code'));
    expect(problemOf('postal_code')).toBe('A postal code in Germany has 5 digits, like 10115');
    press('Save');
    expect(alerts()).toContain('Nothing was saved. Correct the marked fields, then save again.');
    expect(app.main.sent).toEqual([]);
  });

  it('re-checks the postal code and tax ID already there when the country changes', async () => {
    await billingTab();
    fireEvent.change(field('Country'), { target: { value: 'AT' } });
    expect(problemOf('postal_code')).toBe('A postal code in Austria has 4 digits, like 1010');
    expect(problemOf('tax_id')).toBe('A VAT ID in Austria starts with AT, like ATU12345678');
    expect(problemOf('phone')).toBeUndefined();
  });

  it('shows the portal’s refusal (422) on each field in place, and changes nothing', async () => {
    const app = await billingTab({
      'portal:update-billing-account': () =>
        refused('invalid_input', 'The portal refused the request.', { postal_code: 'This postal code does not exist' }),
    });
    typeInto('Postal code', '99999');
    press('Save');
    await waitFor(() => expect(problemOf('postal_code')).toBe('This postal code does not exist'));
    expect(alerts()).toContain('Nothing was saved: the portal refused the marked fields.');
    expect(app.queryClient.getQueryData(portalKeys.billingAccount(ALICE.id, ORG))).toEqual(BERLIN);
    expect(field('Postal code').value).toBe('99999');
    // Editing the field again takes the portal's old word off it.
    typeInto('Postal code', '10115');
    expect(problemOf('postal_code')).toBeUndefined();
  });

  it('says in words why a Member may not save (403)', async () => {
    await billingTab({
      'portal:update-billing-account': () =>
        refused('forbidden', 'Only an Owner of Acme Corp can edit the billing account.'),
    });
    typeInto('City', 'Potsdam');
    typeInto('Postal code', '14467');
    press('Save');
    await waitFor(() =>
      expect(alerts()).toContain(
        'The portal refused to save the billing account: Only an Owner of Acme Corp can edit the billing account.',
      ),
    );
    expect(field('City').value).toBe('Potsdam');
  });

  it('keeps an edit in progress when the portal reports a change, and shows it over the newest account', async () => {
    const app = await billingTab();
    typeInto('City', 'Potsdam');
    app.main.answers['portal:get-billing-account'] = () => ok({ account: { ...BERLIN, name: 'Acme Holding GmbH' } });
    await app.queryClient.invalidateQueries({ queryKey: portalKeys.all });
    await waitFor(() => expect(field('Name').value).toBe('Acme Holding GmbH'));
    expect(field('City').value).toBe('Potsdam');
    expect(screen.getByRole('button', { name: 'Discard changes' })).toBeTruthy();
  });

  it('keeps what a save answered when a read that started before it answers later', async () => {
    const app = await billingTab({
      'portal:update-billing-account': ({ change }) => ok({ account: { ...BERLIN, ...change } }),
    });
    const late = deferred<{ ok: true; value: { account: BillingAccount } }>();
    app.main.answers['portal:get-billing-account'] = () => late.promise;
    void app.queryClient.invalidateQueries({ queryKey: portalKeys.all });
    typeInto('Name', 'Acme Holding GmbH');
    press('Save');
    await waitFor(() => expect(statuses()).toContain('Saved the billing account.'));
    late.resolve(ok({ account: BERLIN }));
    await new Promise((settle) => setTimeout(settle, 10));
    expect(app.queryClient.getQueryData(portalKeys.billingAccount(ALICE.id, ORG))).toMatchObject({
      name: 'Acme Holding GmbH',
    });
    expect(field('Name').value).toBe('Acme Holding GmbH');
  });

  it('discards changes back to the account as the portal has it', async () => {
    await billingTab();
    typeInto('City', 'Potsdam');
    press('Discard changes');
    expect(field('City').value).toBe('Berlin');
    expect(screen.queryByRole('button', { name: 'Discard changes' })).toBeNull();
  });
});
