import { describe, expect, it } from 'vitest';
import type { BillingAccount } from '../../../shared/portal/schemas/billing-account';
import type { PaymentMethod } from '../../../shared/portal/schemas/payment-methods';
import { selectBillingDirty, selectBillingFieldProblem } from '../../../renderer/store/billing-account';
import { createBillingStore } from '../../../renderer/store/billing';
import { BERLIN } from '../portal/billing-account-fixtures';
import { ok, scriptedMain } from './portal-licenses-fixtures';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER_ORG = '22222222-2222-4222-8222-222222222222';
const INVOICE = '33333333-3333-4333-8333-333333333333';

const VISA: PaymentMethod = { id: '44444444-4444-4444-8444-444444444444', type: 'card', brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2029, is_default: true, created_at: '2026-01-01T00:00:00Z' };
const MASTERCARD: PaymentMethod = { ...VISA, id: '55555555-5555-4555-8555-555555555555', brand: 'mastercard', last4: '4444', is_default: false };

function portal(account: BillingAccount = BERLIN, methods: PaymentMethod[] = [VISA]) {
  return scriptedMain({
    'portal:get-billing-account': () => ok({ account }),
    'portal:list-payment-methods': () => ok({ paymentMethods: methods }),
    'portal:list-invoices': () =>
      ok({
        invoices: [{ id: INVOICE, number: 'AK-2026-000005', date: '2026-03-01', amount: 5_000, currency: 'EUR', status: 'open' as const, pdf_url: 'http://127.0.0.1/pdf' }],
        payments: [],
      }),
  });
}

describe('opening the billing tab', () => {
  it('reads the account, payment methods and invoices of the organization, and shows the account in the form', async () => {
    const main = portal();
    const store = createBillingStore({ client: main.client });
    await store.getState().billingOpened(ORG);
    const state = store.getState();
    expect(main.sent.map((request) => request.channel).sort()).toEqual(['portal:get-billing-account', 'portal:list-invoices', 'portal:list-payment-methods']);
    expect(main.sent.every((request) => (request.input as { org: string }).org === ORG)).toBe(true);
    expect(state.form.city).toBe('Berlin');
    expect(state.paymentMethods).toEqual([VISA]);
    expect(state.invoices.map((invoice) => invoice.number)).toEqual(['AK-2026-000005']);
    expect(selectBillingDirty(state)).toBe(false);
  });

  it('asks once when the tab is opened twice while the first answers are on their way (React StrictMode)', async () => {
    const main = portal();
    const store = createBillingStore({ client: main.client });
    await Promise.all([store.getState().billingOpened(ORG), store.getState().billingOpened(ORG)]);
    expect(main.sent).toHaveLength(3);
  });

  it('drops an answer that arrives after another organization was opened', async () => {
    let release: () => void = () => undefined;
    const main = portal();
    main.answers['portal:get-billing-account'] = ({ org }) =>
      org === ORG ? new Promise((resolve) => (release = () => resolve(ok({ account: BERLIN })))) : ok({ account: { ...BERLIN, city: 'Hamburg', postal_code: '20095' } });
    const store = createBillingStore({ client: main.client });
    const first = store.getState().billingOpened(ORG);
    await store.getState().billingOpened(OTHER_ORG);
    release();
    await first;
    expect(store.getState().orgId).toBe(OTHER_ORG);
    expect(store.getState().account?.city).toBe('Hamburg');
  });

  it('says why the account could not be read, in the portal’s words with what to do', async () => {
    const main = portal();
    main.answers['portal:get-billing-account'] = () => ({ ok: false, error: { code: 'not_signed_in', message: 'The portal ended the sign-in.' } });
    const store = createBillingStore({ client: main.client });
    await store.getState().billingOpened(ORG);
    // The portal's words, then where to sign in again.
    expect(store.getState().accountProblem).toMatch(/read the billing account: The portal ended the sign-in\. .*account menu/);
    expect(store.getState().account).toBeNull();
  });
});

describe('saving the billing account', () => {
  async function opened(main = portal()) {
    const store = createBillingStore({ client: main.client });
    await store.getState().billingOpened(ORG);
    main.sent.length = 0;
    return store;
  }

  it('sends only the changed fields, then shows the account as the portal saved it', async () => {
    const main = portal();
    main.answers['portal:update-billing-account'] = ({ change }) => ok({ account: { ...BERLIN, ...change } });
    const store = await opened(main);
    store.getState().billingFieldEdited('city', 'Potsdam');
    store.getState().billingFieldEdited('postal_code', '14467');
    await store.getState().billingSaveRequested();
    expect(main.sent).toEqual([{ channel: 'portal:update-billing-account', input: { org: ORG, change: { city: 'Potsdam', postal_code: '14467' } } }]);
    expect(store.getState().account).toEqual({ ...BERLIN, city: 'Potsdam', postal_code: '14467' });
    expect(store.getState().saveNotice).toBe('Saved the billing account.');
    expect(selectBillingDirty(store.getState())).toBe(false);
  });

  it('sends nothing while a field breaks the portal’s rules, and marks that field', async () => {
    const main = portal();
    const store = await opened(main);
    store.getState().billingFieldEdited('postal_code', '1011');
    expect(selectBillingFieldProblem(store.getState(), 'postal_code')).toBeUndefined();
    store.getState().billingFieldLeft('postal_code');
    expect(selectBillingFieldProblem(store.getState(), 'postal_code')).toBe('A postal code in Germany has 5 digits, like 10115');
    await store.getState().billingSaveRequested();
    expect(main.sent).toEqual([]);
    expect(store.getState().account).toEqual(BERLIN);
    expect(store.getState().saveProblem).toBe('Nothing was saved. Correct the marked fields, then save again.');
  });

  it('re-checks the postal code and tax ID already there when the country changes', async () => {
    const store = await opened();
    store.getState().billingFieldEdited('country', 'AT');
    expect(selectBillingFieldProblem(store.getState(), 'postal_code')).toBe('A postal code in Austria has 4 digits, like 1010');
    expect(selectBillingFieldProblem(store.getState(), 'tax_id')).toBe('A VAT ID in Austria starts with AT, like ATU12345678');
    expect(selectBillingFieldProblem(store.getState(), 'phone')).toBeUndefined();
  });

  it('shows the portal’s refusal (422) on each field in place, and changes nothing', async () => {
    const main = portal();
    main.answers['portal:update-billing-account'] = () => ({
      ok: false,
      error: { code: 'invalid_input', message: 'The portal refused the request.', fields: { postal_code: 'This postal code does not exist' } },
    });
    const store = await opened(main);
    store.getState().billingFieldEdited('postal_code', '99999');
    await store.getState().billingSaveRequested();
    const state = store.getState();
    expect(selectBillingFieldProblem(state, 'postal_code')).toBe('This postal code does not exist');
    expect(state.saveProblem).toBe('Nothing was saved: the portal refused the marked fields.');
    expect(state.account).toEqual(BERLIN);
    expect(state.form.postal_code).toBe('99999');
    // Editing the field again takes the portal's old word off it.
    store.getState().billingFieldEdited('postal_code', '10115');
    expect(selectBillingFieldProblem(store.getState(), 'postal_code')).toBeUndefined();
  });

  it('says in words why a Member may not save (403)', async () => {
    const main = portal();
    main.answers['portal:update-billing-account'] = () => ({ ok: false, error: { code: 'forbidden', message: 'Only an Owner of Acme Corp can edit the billing account.' } });
    const store = await opened(main);
    store.getState().billingFieldEdited('city', 'Potsdam');
    store.getState().billingFieldEdited('postal_code', '14467');
    await store.getState().billingSaveRequested();
    expect(store.getState().saveProblem).toBe('The portal refused to save the billing account: Only an Owner of Acme Corp can edit the billing account.');
    expect(store.getState().account).toEqual(BERLIN);
  });

  it('keeps an edit in progress when the portal reports a change, and compares it with the newest account', async () => {
    const main = portal();
    const store = await opened(main);
    store.getState().billingFieldEdited('city', 'Potsdam');
    main.answers['portal:get-billing-account'] = () => ok({ account: { ...BERLIN, name: 'Acme Holding GmbH' } });
    await store.getState().portalChanged();
    expect(main.sent.map((request) => request.channel)).not.toContain('portal:get-billing-account');
    expect(store.getState().form.city).toBe('Potsdam');
    await store.getState().billingAccountLoaded(ORG);
    expect(store.getState().account?.name).toBe('Acme Holding GmbH');
    expect(store.getState().form.city).toBe('Potsdam');
  });

  it('keeps what a save answered when a read that started before it answers later', async () => {
    let release: () => void = () => undefined;
    const main = portal();
    main.answers['portal:update-billing-account'] = ({ change }) => ok({ account: { ...BERLIN, ...change } });
    const store = await opened(main);
    main.answers['portal:get-billing-account'] = () => new Promise((resolve) => (release = () => resolve(ok({ account: BERLIN }))));
    const reading = store.getState().portalChanged();
    store.getState().billingFieldEdited('name', 'Acme Holding GmbH');
    await store.getState().billingSaveRequested();
    release();
    await reading;
    expect(store.getState().account?.name).toBe('Acme Holding GmbH');
    expect(store.getState().form.name).toBe('Acme Holding GmbH');
  });

  it('discards changes back to the account as the portal has it', async () => {
    const store = await opened();
    store.getState().billingFieldEdited('city', 'Potsdam');
    store.getState().billingFormReset();
    expect(store.getState().form.city).toBe('Berlin');
    expect(selectBillingDirty(store.getState())).toBe(false);
  });
});

describe('payment methods', () => {
  it('opens the portal’s page for a new method, then names the method that appears when the window gets the focus back', async () => {
    const main = portal();
    main.answers['portal:setup-payment-method'] = () => ok({ setupUrl: 'http://127.0.0.1:4000/billing/setup/x' });
    const store = createBillingStore({ client: main.client });
    await store.getState().billingOpened(ORG);
    await store.getState().paymentMethodSetupRequested();
    expect(store.getState().methodsNotice).toMatch(/open in your browser/);
    main.answers['portal:list-payment-methods'] = () => ok({ paymentMethods: [VISA, MASTERCARD] });
    await store.getState().billingWindowFocused();
    expect(store.getState().paymentMethods).toEqual([VISA, MASTERCARD]);
    expect(store.getState().methodsNotice).toBe('Added Mastercard ending in 4444, expires 12/2029.');
  });

  it('says why a Member cannot add one', async () => {
    const main = portal();
    main.answers['portal:setup-payment-method'] = () => ({ ok: false, error: { code: 'forbidden', message: 'Only an Owner of Acme Corp can add payment methods.' } });
    const store = createBillingStore({ client: main.client });
    await store.getState().billingOpened(ORG);
    await store.getState().paymentMethodSetupRequested();
    expect(store.getState().setupProblem).toBe('The portal refused to open the page for adding a payment method: Only an Owner of Acme Corp can add payment methods.');
  });
});

describe('invoices', () => {
  it('opens an invoice’s PDF by id and names the file', async () => {
    const main = portal();
    main.answers['portal:open-invoice'] = () => ok({ fileName: 'AK-2026-000005.pdf' });
    const store = createBillingStore({ client: main.client });
    await store.getState().billingOpened(ORG);
    await store.getState().invoiceOpenRequested(INVOICE);
    expect(main.sent.at(-1)).toEqual({ channel: 'portal:open-invoice', input: { org: ORG, id: INVOICE } });
    expect(store.getState().invoiceNotice).toBe('Opened invoice AK-2026-000005 (AK-2026-000005.pdf) in your PDF viewer.');
  });

  it('says what went wrong when the PDF could not be opened', async () => {
    const main = portal();
    main.answers['portal:open-invoice'] = () => ({ ok: false, error: { code: 'refused', message: 'No app opened it; open the file yourself.' } });
    const store = createBillingStore({ client: main.client });
    await store.getState().billingOpened(ORG);
    await store.getState().invoiceOpenRequested(INVOICE);
    expect(store.getState().invoiceProblem).toBe('Could not open invoice AK-2026-000005: No app opened it; open the file yourself.');
    expect(store.getState().openingInvoiceId).toBeNull();
  });
});
