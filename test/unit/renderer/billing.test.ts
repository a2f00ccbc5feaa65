// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import type { BillingAccount } from '../../../shared/portal/schemas/billing-account';
import type { PaymentMethod } from '../../../shared/portal/schemas/payment-methods';
import { OrgBillingTab } from '../../../renderer/features/billing/OrgBillingTab';
import { portalKeys } from '../../../renderer/queries/portal-keys';
import { BERLIN } from '../portal/billing-account-fixtures';
import { deferred, ok, type Answers } from './portal-licenses-fixtures';
import { portalScreen, press, typeInto } from './portal-screen';
import { ALICE, refused } from './portal-test-data';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER_ORG = '22222222-2222-4222-8222-222222222222';
const INVOICE = '33333333-3333-4333-8333-333333333333';

const VISA: PaymentMethod = { id: '44444444-4444-4444-8444-444444444444', type: 'card', brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2029, is_default: true, created_at: '2026-01-01T00:00:00Z' };
const MASTERCARD: PaymentMethod = { ...VISA, id: '55555555-5555-4555-8555-555555555555', brand: 'mastercard', last4: '4444', is_default: false };

function answers(account: BillingAccount = BERLIN, more: Answers = {}): Answers {
  return {
    'portal:get-billing-account': () => ok({ account }),
    'portal:list-payment-methods': () => ok({ paymentMethods: [VISA] }),
    'portal:list-invoices': () =>
      ok({
        invoices: [{ id: INVOICE, number: 'AK-2026-000005', date: '2026-03-01', amount: 5_000, currency: 'EUR', status: 'open' as const, pdf_url: 'http://127.0.0.1/pdf' }],
        payments: [],
      }),
    ...more,
  };
}

/** Alice's Billing tab of Acme as `role`, once the account, methods and invoices are shown. */
async function billingTab(more: Answers = {}, role: 'owner' | 'member' = 'owner') {
  const app = await portalScreen(h(OrgBillingTab, { orgId: ORG, role }), answers(BERLIN, more));
  await screen.findByRole('table', { name: 'Invoices, newest first' });
  await screen.findByText('4242', { exact: false });
  if (role === 'owner') await screen.findByLabelText('City');
  app.main.sent.length = 0;
  return app;
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const problemOf = (id: string) => document.getElementById(`billing-${id}-problem`)?.textContent;
const alerts = () => screen.getAllByRole('alert').map((alert) => alert.textContent).join(' ');
const statuses = () => screen.getAllByRole('status').map((status) => status.textContent).join(' ');

describe('opening the billing tab', () => {
  it('reads the account, payment methods and invoices of the organization, and shows the account in the form', async () => {
    const app = await portalScreen(h(OrgBillingTab, { orgId: ORG, role: 'owner' }), answers());
    expect(await screen.findByLabelText('City')).toHaveProperty('value', 'Berlin');
    await screen.findByText('AK-2026-000005');
    expect([...app.main.channels()].sort()).toEqual(['portal:get-billing-account', 'portal:list-accounts', 'portal:list-invoices', 'portal:list-payment-methods']);
    expect(app.main.sent.filter((request) => request.channel !== 'portal:list-accounts').every((request) => (request.input as { org: string }).org === ORG)).toBe(true);
    expect(screen.queryByRole('button', { name: 'Discard changes' })).toBeNull();
  });

  it('asks once when the tab is drawn twice while the first answers are on their way', async () => {
    const app = await portalScreen(h('div', null, h(OrgBillingTab, { orgId: ORG, role: 'member' }), h(OrgBillingTab, { orgId: ORG, role: 'member' })), answers());
    await waitFor(() => expect(screen.getAllByText('AK-2026-000005')).toHaveLength(2));
    expect(app.count('portal:get-billing-account')).toBe(1);
    expect(app.count('portal:list-invoices')).toBe(1);
  });

  it('shows the organization it is open on, never an answer for the one before', async () => {
    const late = deferred<{ ok: true; value: { account: BillingAccount } }>();
    const app = await portalScreen(
      h(OrgBillingTab, { orgId: ORG, role: 'member' }),
      answers(BERLIN, { 'portal:get-billing-account': ({ org }) => (org === ORG ? late.promise : ok({ account: { ...BERLIN, city: 'Hamburg', postal_code: '20095' } })) }),
    );
    app.rerender(h(OrgBillingTab, { orgId: OTHER_ORG, role: 'member' }));
    await screen.findByText('Hamburg');
    late.resolve(ok({ account: BERLIN }));
    await waitFor(() => expect(app.queryClient.getQueryData(portalKeys.billingAccount(ALICE.id, ORG))).toEqual(BERLIN));
    expect(screen.getByText('Hamburg')).toBeTruthy();
    expect(screen.queryByText('Berlin')).toBeNull();
  });

  it('says why the account could not be read, in the portal’s words with what to do', async () => {
    await portalScreen(h(OrgBillingTab, { orgId: ORG, role: 'owner' }), answers(BERLIN, { 'portal:get-billing-account': () => refused('not_signed_in', 'The portal ended the sign-in.') }));
    // The portal's words, then where to sign in again.
    await waitFor(() => expect(alerts()).toMatch(/read the billing account: The portal ended the sign-in\. .*account menu/));
    expect(screen.queryByLabelText('City')).toBeNull();
  });
});

describe('saving the billing account', () => {
  it('sends only the changed fields, then shows the account as the portal saved it', async () => {
    const app = await billingTab({ 'portal:update-billing-account': ({ change }) => ok({ account: { ...BERLIN, ...change } }) });
    typeInto('City', 'Potsdam');
    typeInto('Postal code', '14467');
    press('Save');
    await waitFor(() => expect(statuses()).toContain('Saved the billing account.'));
    expect(app.main.sent).toEqual([{ channel: 'portal:update-billing-account', input: { org: ORG, change: { city: 'Potsdam', postal_code: '14467' } } }]);
    expect(app.queryClient.getQueryData(portalKeys.billingAccount(ALICE.id, ORG))).toEqual({ ...BERLIN, city: 'Potsdam', postal_code: '14467' });
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
      'portal:update-billing-account': () => refused('invalid_input', 'The portal refused the request.', { postal_code: 'This postal code does not exist' }),
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
    await billingTab({ 'portal:update-billing-account': () => refused('forbidden', 'Only an Owner of Acme Corp can edit the billing account.') });
    typeInto('City', 'Potsdam');
    typeInto('Postal code', '14467');
    press('Save');
    await waitFor(() => expect(alerts()).toContain('The portal refused to save the billing account: Only an Owner of Acme Corp can edit the billing account.'));
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
    const app = await billingTab({ 'portal:update-billing-account': ({ change }) => ok({ account: { ...BERLIN, ...change } }) });
    const late = deferred<{ ok: true; value: { account: BillingAccount } }>();
    app.main.answers['portal:get-billing-account'] = () => late.promise;
    void app.queryClient.invalidateQueries({ queryKey: portalKeys.all });
    typeInto('Name', 'Acme Holding GmbH');
    press('Save');
    await waitFor(() => expect(statuses()).toContain('Saved the billing account.'));
    late.resolve(ok({ account: BERLIN }));
    await new Promise((settle) => setTimeout(settle, 10));
    expect(app.queryClient.getQueryData(portalKeys.billingAccount(ALICE.id, ORG))).toMatchObject({ name: 'Acme Holding GmbH' });
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

describe('payment methods', () => {
  it('opens the portal’s page for a new method, then names the method that appears when the window gets the focus back', async () => {
    const app = await billingTab({ 'portal:setup-payment-method': () => ok({ setupUrl: 'http://127.0.0.1:4000/billing/setup/x' }) });
    press('Add a payment method');
    await waitFor(() => expect(statuses()).toMatch(/open in your browser/));
    app.main.answers['portal:list-payment-methods'] = () => ok({ paymentMethods: [VISA, MASTERCARD] });
    fireEvent.focus(window);
    await waitFor(() => expect(statuses()).toContain('Added Mastercard ending in 4444, expires 12/2029.'));
    expect(app.main.sent.at(-1)).toEqual({ channel: 'portal:list-payment-methods', input: { org: ORG } });
    // A second card: what happened last speaks, not the card added before.
    press('Add a payment method');
    await waitFor(() => expect(statuses()).toMatch(/open in your browser/));
    expect(statuses()).not.toContain('Added Mastercard');
  });

  it('says why a Member cannot add one', async () => {
    await billingTab({ 'portal:setup-payment-method': () => refused('forbidden', 'Only an Owner of Acme Corp can add payment methods.') });
    press('Add a payment method');
    await waitFor(() => expect(alerts()).toContain('The portal refused to open the page for adding a payment method: Only an Owner of Acme Corp can add payment methods.'));
  });
});

describe('invoices', () => {
  it('opens an invoice’s PDF by id and names the file', async () => {
    const app = await billingTab({ 'portal:open-invoice': () => ok({ fileName: 'AK-2026-000005.pdf' }) });
    press(/Open PDF/);
    await waitFor(() => expect(statuses()).toContain('Opened invoice AK-2026-000005 (AK-2026-000005.pdf) in your PDF viewer.'));
    expect(app.main.sent).toEqual([{ channel: 'portal:open-invoice', input: { org: ORG, id: INVOICE } }]);
  });

  it('says what went wrong when the PDF could not be opened', async () => {
    await billingTab({ 'portal:open-invoice': () => refused('refused', 'No app opened it; open the file yourself.') });
    press(/Open PDF/);
    await waitFor(() => expect(alerts()).toContain('Could not open invoice AK-2026-000005: No app opened it; open the file yourself.'));
    expect(screen.getByRole('button', { name: /Open PDF/ }).hasAttribute('disabled')).toBe(false);
  });
});
