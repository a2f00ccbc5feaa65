// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { POLL_INTERVAL_MS } from '../../../renderer/features/portal-licenses/payment';
import { ACCOUNT, CHECKOUT_URL, INSTANCE, LICENSE, licenseOf, ok, ORG } from './portal-licenses-fixtures';
import { usePurchaseScreen } from '../../../renderer/features/portal-licenses/purchase-screen';
import {
  UNPAID,
  PAID,
  NO_BROWSER,
  onFakeClock,
  pass,
  purchase,
  button,
  tracked,
  licensesTab,
  checkedOut,
  heading,
  row,
} from './purchase-payment-screen';

/*
 * Waiting for a payment in the purchase dialog: the license read every few seconds until its key is issued,
 * stopped and resumed by the person, and a checkout page that would not open.
 */
onFakeClock();

describe('waiting for the payment in the dialog', () => {
  it('reads the license every few seconds as the account that ordered it, until its key is issued, then stops and offers to install it', async () => {
    let paid = false;
    const app = await checkedOut({ 'portal:get-license': () => ok({ license: paid ? PAID : UNPAID }) });
    expect(heading()).toBe('Checkout opened in your browser');
    expect(purchase().getByText(/Checking the license every 3 seconds/)).toBeTruthy();
    expect(app.reads()).toBe(1);
    await pass(POLL_INTERVAL_MS);
    expect(app.reads()).toBe(2);
    expect(row('Primary 2027')).toContain('Waiting for payment');
    // Amber until paid: never a success before the portal validated the payment.
    expect(purchase().getByText(/The key appears here once the portal has validated the payment/)).toBeTruthy();
    expect(purchase().queryByText(/Successful purchase/)).toBeNull();
    paid = true;
    await pass(POLL_INTERVAL_MS);
    expect(heading()).toBe('Payment validated');
    expect(purchase().queryByText(/The key appears here once the portal has validated the payment/)).toBeNull();
    // The license read shows in the organization's list at once.
    expect(row('Primary 2027')).toContain('Valid');
    await pass(POLL_INTERVAL_MS * 10);
    expect(app.reads()).toBe(3);
    expect(
      new Set(
        app.main.sent
          .filter((request) => request.channel === 'portal:get-license')
          .map((request) => JSON.stringify(request.input)),
      ),
    ).toEqual(new Set([JSON.stringify({ org: ORG, id: LICENSE, accountId: ACCOUNT })]));

    fireEvent.click(button(purchase(), 'Install into Primary'));
    await pass();
    expect(screen.queryByRole('dialog', { name: /^Purchase a license/, hidden: true })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Install “Primary 2027” into Primary', hidden: true })).toBeTruthy();
    expect(app.main.sent).toContainEqual({
      channel: 'portal:preflight-license-install',
      input: { org: ORG, id: LICENSE, instanceId: INSTANCE, accountId: ACCOUNT },
    });
    // Paid and closed: nothing is followed on the tab.
    expect(screen.queryByRole('region', { name: /^Purchase of/, hidden: true })).toBeNull();
  });

  it('stops reading when the person stops it, and reads at once when they ask again', async () => {
    const app = await checkedOut();
    fireEvent.click(button(purchase(), 'Stop checking'));
    await pass(POLL_INTERVAL_MS * 5);
    expect(app.reads()).toBe(1);
    expect(purchase().getByText(/Stopped checking\./)).toBeTruthy();
    fireEvent.click(button(purchase(), 'Refresh'));
    await pass();
    expect(app.reads()).toBe(2);
    expect(button(purchase(), 'Stop checking')).toBeTruthy();
    await pass(POLL_INTERVAL_MS);
    expect(app.reads()).toBe(3);
  });

  it('stops when signed out, with what to do', async () => {
    const app = await checkedOut({
      'portal:get-license': () => ({
        ok: false,
        error: { code: 'not_signed_in', message: 'The portal ended the sign-in.' },
      }),
    });
    await pass(POLL_INTERVAL_MS * 3);
    expect(app.reads()).toBe(1);
    expect(purchase().getByText(/Stopped checking\./)).toBeTruthy();
    expect(purchase().getByText(/^Could not read the license: The portal ended the sign-in\. .*sign/)).toBeTruthy();
  });

  it('a renewal is paid only once the expiry moves on', async () => {
    const before = licenseOf({ expires_at: '2027-01-01T00:00:00.000Z' });
    let renewed = false;
    const app = await licensesTab({
      'portal:get-license': () =>
        ok({
          license: renewed
            ? licenseOf({ expires_at: '2028-01-01T00:00:00.000Z', key_fingerprint: `sha256:${'cd'.repeat(32)}` })
            : before,
        }),
    });
    act(() => usePurchaseScreen.getState().renewalOpened(ORG, before));
    fireEvent.click(button(purchase(), 'Continue'));
    await pass();
    expect(app.main.sent).toContainEqual({ channel: 'portal:renew-license', input: { org: ORG, id: LICENSE } });
    await pass(POLL_INTERVAL_MS);
    // Still active with its old expiry: the renewal is not paid yet.
    expect(heading()).toBe('Checkout opened in your browser');
    renewed = true;
    await pass(POLL_INTERVAL_MS);
    expect(heading()).toBe('Payment validated');
    expect(purchase().getByText(/^Renewed: “Primary” now runs until/)).toBeTruthy();
    fireEvent.click(button(purchase(), 'Install into Primary'));
    await pass();
    expect(app.main.sent).toContainEqual({
      channel: 'portal:preflight-license-install',
      input: { org: ORG, id: LICENSE, instanceId: INSTANCE, accountId: ACCOUNT },
    });
  });
});

describe('a checkout page that does not open', () => {
  it('keeps the order, shows its address, opens the same page again or copies it, never orders twice, and is followed with it once closed', async () => {
    const app = await checkedOut({
      'portal:checkout': () =>
        ok({
          licenseId: LICENSE,
          checkoutUrl: CHECKOUT_URL,
          accountId: ACCOUNT,
          opened: false,
          openProblem: NO_BROWSER,
        }),
    });
    expect(heading()).toBe('The checkout page did not open');
    expect(purchase().getByRole('alert', { hidden: true }).textContent).toContain(NO_BROWSER);
    expect(purchase().getByText(CHECKOUT_URL)).toBeTruthy();

    app.main.answers['portal:open-checkout'] = () => ({ ok: false, error: { code: 'refused', message: NO_BROWSER } });
    fireEvent.click(button(purchase(), 'Open checkout again'));
    await pass();
    expect(purchase().getByRole('alert', { hidden: true }).textContent).toContain(
      `Could not open the checkout page: ${NO_BROWSER}`,
    );
    app.main.answers['portal:copy-checkout-url'] = () => ok({});
    fireEvent.click(button(purchase(), 'Copy address'));
    await pass();
    expect(purchase().getByText('Copied the checkout address to the clipboard.')).toBeTruthy();
    app.main.answers['portal:open-checkout'] = () => ok({});
    fireEvent.click(button(purchase(), 'Open checkout again'));
    await pass();
    expect(purchase().getByText('Opened the checkout page in your browser.')).toBeTruthy();
    expect(purchase().queryByRole('alert', { hidden: true })).toBeNull();
    expect(heading()).toBe('Checkout opened in your browser');
    expect(
      app.main.sent.filter(
        (request) => request.channel === 'portal:open-checkout' || request.channel === 'portal:copy-checkout-url',
      ),
    ).toEqual([
      { channel: 'portal:open-checkout', input: { checkoutUrl: CHECKOUT_URL } },
      { channel: 'portal:copy-checkout-url', input: { checkoutUrl: CHECKOUT_URL } },
      { channel: 'portal:open-checkout', input: { checkoutUrl: CHECKOUT_URL } },
    ]);
    expect(app.count('portal:checkout')).toBe(1);

    // Closed before paying: the Licenses tab follows it, with the same checkout page.
    fireEvent.click(button(purchase(), 'Close'));
    await pass();
    fireEvent.click(button(tracked('Purchase of “Primary 2027”'), /^Open checkout again/));
    await pass();
    expect(app.main.sent.at(-1)).toEqual({ channel: 'portal:open-checkout', input: { checkoutUrl: CHECKOUT_URL } });
    expect(app.count('portal:checkout')).toBe(1);
  });
});
