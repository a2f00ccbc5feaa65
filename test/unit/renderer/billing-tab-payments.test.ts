// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { alerts, billingTab, INVOICE, MASTERCARD, ORG, statuses, VISA } from './billing-tab-fixtures';
import { ok } from './portal-licenses-fixtures';
import { press } from './portal-screen';
import { refused } from './portal-test-data';
import { useToasts } from '../../../renderer/ui/toasts';

const toasts = () =>
  useToasts
    .getState()
    .toasts.map((toast) => `${toast.tone}: ${toast.title}${toast.detail === undefined ? '' : ` (${toast.detail})`}`);

// The Billing tab's payment methods and invoices; the account form is in billing-tab-account.test.ts.

describe('payment methods', () => {
  it('opens the portal’s page for a new method, then names the method that appears when the window gets the focus back', async () => {
    const app = await billingTab({
      'portal:setup-payment-method': () => ok({ setupUrl: 'http://127.0.0.1:4000/billing/setup/x' }),
    });
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
    await billingTab({
      'portal:setup-payment-method': () => refused('forbidden', 'Only an Owner of Acme Corp can add payment methods.'),
    });
    press('Add a payment method');
    await waitFor(() =>
      expect(alerts()).toContain(
        'The portal refused to open the page for adding a payment method: Only an Owner of Acme Corp can add payment methods.',
      ),
    );
  });
});

describe('invoices', () => {
  it('opens an invoice’s PDF by id and names the file in a toast', async () => {
    const app = await billingTab({ 'portal:open-invoice': () => ok({ fileName: 'AK-2026-000005.pdf' }) });
    press(/Open PDF/);
    await waitFor(() => expect(toasts()).toContain('success: Opened invoice AK-2026-000005 (AK-2026-000005.pdf)'), {
      timeout: 10_000,
    });
    expect(app.main.sent).toEqual([{ channel: 'portal:open-invoice', input: { org: ORG, id: INVOICE } }]);
  });

  it('says what went wrong when the PDF could not be opened', async () => {
    await billingTab({ 'portal:open-invoice': () => refused('refused', 'No app opened it; open the file yourself.') });
    press(/Open PDF/);
    await waitFor(
      () =>
        expect(toasts()).toContain(
          'danger: Could not open invoice AK-2026-000005: No app opened it; open the file yourself.',
        ),
      { timeout: 10_000 },
    );
    expect(screen.getByRole('button', { name: /Open PDF/ }).hasAttribute('disabled')).toBe(false);
  });
  it('offers Pay on an open invoice, which opens the portal’s payment page through main, and reads the list again on return', async () => {
    const app = await billingTab({ 'portal:pay-invoice': () => ok({}) });
    press(/^Pay ?invoice AK-2026-000005$/);
    await waitFor(
      () =>
        expect(toasts().join('\n')).toMatch(
          /^info: Opened the payment page of invoice AK-2026-000005 in your browser/m,
        ),
      { timeout: 10_000 },
    );
    expect(app.main.sent).toContainEqual({ channel: 'portal:pay-invoice', input: { org: ORG, id: INVOICE } });
    fireEvent.focus(window);
    await waitFor(
      () => expect(app.main.sent.at(-1)).toEqual({ channel: 'portal:list-invoices', input: { org: ORG } }),
      {
        timeout: 10_000,
      },
    );
  });

  it('says why the payment page could not be opened', async () => {
    await billingTab({
      'portal:pay-invoice': () => refused('refused', 'Invoice AK-2026-000005 is paid: there is nothing to pay.'),
    });
    press(/^Pay ?invoice/);
    await waitFor(() => expect(toasts().join('\n')).toMatch(/^danger: .*there is nothing to pay\.$/m), {
      timeout: 10_000,
    });
  });
});
