// @vitest-environment jsdom
import { notifyManager } from '@tanstack/react-query';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INITIAL_LICENSE_INSTALL_SCREEN, useLicenseInstallScreen } from '../../../renderer/features/portal-licenses/license-install-screen';
import { OrgLicensesTab } from '../../../renderer/features/portal-licenses/OrgLicensesTab';
import { POLL_INTERVAL_MS, TRACK_FIRST_DELAY_MS, TRACK_MAX_DELAY_MS } from '../../../renderer/features/portal-licenses/payment';
import { INITIAL_PURCHASE_SCREEN, usePurchaseScreen } from '../../../renderer/features/portal-licenses/purchase-screen';
import { ACCOUNT, CHECKOUT_URL, INSTANCE, LICENSE, licenseOf, ok, ORG, purchaseAnswers, type Answers } from './portal-licenses-fixtures';
import { portalScreen } from './portal-screen';

const UNPAID = licenseOf({ status: 'pending_payment', expires_at: null, key_fingerprint: null, nickname: 'Primary 2027', instances: [{ instanceId: INSTANCE, instanceName: 'Primary', renewedNotInstalled: false, lastReadProblem: null }] });
const PAID = licenseOf({ nickname: 'Primary 2027' });
const NO_BROWSER = 'The system browser could not be opened: no browser is installed.';

beforeEach(() => {
  // The screen hears of answers at once, not on a timer of the fake clock.
  notifyManager.setScheduler(queueMicrotask);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  notifyManager.setScheduler((callback) => setTimeout(callback, 0));
  usePurchaseScreen.setState(INITIAL_PURCHASE_SCREEN, true);
  useLicenseInstallScreen.setState(INITIAL_LICENSE_INSTALL_SCREEN, true);
});

/** Lets `ms` pass on the fake clock, the answers due meanwhile taken and drawn. */
async function pass(ms = 0): Promise<void> {
  for (let step = 0; step < 3; step += 1) await act(() => vi.advanceTimersByTimeAsync(step === 0 ? ms : 0));
}

const purchase = () => within(screen.getByRole('dialog', { name: /^(Purchase a license|Renew “)/, hidden: true }));
const button = (scope: ReturnType<typeof within>, name: string | RegExp) => scope.getByRole('button', { name, hidden: true });
const tracked = (name: string) => within(screen.getByRole('region', { name, hidden: true }));

/** Acme's Licenses tab over a purchase's main (the license unpaid until `answers` say otherwise). */
async function licensesTab(answers: Answers = {}) {
  const app = await portalScreen(
    h(OrgLicensesTab, { orgId: ORG, role: 'owner', noticeElsewhere: () => undefined }),
    purchaseAnswers({
      'portal:get-license': () => ok({ license: UNPAID }),
      'portal:renew-license': () => ok({ checkoutUrl: 'http://127.0.0.1:4000/checkout/2', accountId: ACCOUNT, opened: true, openProblem: null }),
      ...answers,
    }),
  );
  await pass();
  return { ...app, reads: () => app.count('portal:get-license') };
}

/** The purchase of "Primary 2027" for the saved instance checked out, its dialog waiting for the payment. */
async function checkedOut(answers: Answers = {}) {
  const app = await licensesTab(answers);
  fireEvent.click(screen.getByRole('button', { name: 'Purchase license' }));
  await pass();
  fireEvent.change(purchase().getByLabelText('Instance'), { target: { value: INSTANCE } });
  await pass();
  fireEvent.change(purchase().getByLabelText('License name'), { target: { value: 'Primary 2027' } });
  fireEvent.click(button(purchase(), 'Continue'));
  await pass();
  return app;
}

const heading = () => purchase().getByRole('heading', { level: 3, hidden: true }).textContent;
const row = (name: string) => screen.getByRole('row', { name: new RegExp(name), hidden: true }).textContent ?? '';

describe('waiting for the payment in the dialog', () => {
  it('reads the license every few seconds as the account that ordered it, until its key is issued, then stops and offers to install it', async () => {
    let paid = false;
    const app = await checkedOut({ 'portal:get-license': () => ok({ license: paid ? PAID : UNPAID }) });
    expect(heading()).toBe('Checkout opened in your browser');
    expect(purchase().getByText(/Checking the license every 3 seconds/)).toBeTruthy();
    expect(app.reads()).toBe(1);
    await pass(POLL_INTERVAL_MS);
    expect(app.reads()).toBe(2);
    expect(row('Primary 2027')).toContain('Pending payment');
    paid = true;
    await pass(POLL_INTERVAL_MS);
    expect(heading()).toBe('Payment validated');
    // The license read shows in the organization's list at once.
    expect(row('Primary 2027')).toContain('Active');
    await pass(POLL_INTERVAL_MS * 10);
    expect(app.reads()).toBe(3);
    expect(new Set(app.main.sent.filter((request) => request.channel === 'portal:get-license').map((request) => JSON.stringify(request.input)))).toEqual(
      new Set([JSON.stringify({ org: ORG, id: LICENSE, accountId: ACCOUNT })]),
    );

    fireEvent.click(button(purchase(), 'Install into Primary'));
    await pass();
    expect(screen.queryByRole('dialog', { name: /^Purchase a license/, hidden: true })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Install “Primary 2027” into Primary', hidden: true })).toBeTruthy();
    expect(app.main.sent).toContainEqual({ channel: 'portal:preflight-license-install', input: { org: ORG, id: LICENSE, instanceId: INSTANCE, accountId: ACCOUNT } });
    // Paid and closed: nothing is followed on the tab.
    expect(screen.queryByRole('region', { name: /^Purchase of/, hidden: true })).toBeNull();
  });

  it('stops reading when the person stops it, and reads at once when they ask again', async () => {
    const app = await checkedOut();
    fireEvent.click(button(purchase(), 'Stop checking'));
    await pass(POLL_INTERVAL_MS * 5);
    expect(app.reads()).toBe(1);
    expect(purchase().getByText(/Stopped checking\./)).toBeTruthy();
    fireEvent.click(button(purchase(), 'Check again'));
    await pass();
    expect(app.reads()).toBe(2);
    expect(button(purchase(), 'Stop checking')).toBeTruthy();
    await pass(POLL_INTERVAL_MS);
    expect(app.reads()).toBe(3);
  });

  it('stops when signed out, with what to do', async () => {
    const app = await checkedOut({ 'portal:get-license': () => ({ ok: false, error: { code: 'not_signed_in', message: 'The portal ended the sign-in.' } }) });
    await pass(POLL_INTERVAL_MS * 3);
    expect(app.reads()).toBe(1);
    expect(purchase().getByText(/Stopped checking\./)).toBeTruthy();
    expect(purchase().getByText(/^Could not read the license: The portal ended the sign-in\. .*sign/)).toBeTruthy();
  });

  it('a renewal is paid only once the expiry moves on', async () => {
    const before = licenseOf({ expires_at: '2027-01-01T00:00:00.000Z' });
    let renewed = false;
    const app = await licensesTab({ 'portal:get-license': () => ok({ license: renewed ? licenseOf({ expires_at: '2028-01-01T00:00:00.000Z', key_fingerprint: `sha256:${'cd'.repeat(32)}` }) : before }) });
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
    expect(app.main.sent).toContainEqual({ channel: 'portal:preflight-license-install', input: { org: ORG, id: LICENSE, instanceId: INSTANCE, accountId: ACCOUNT } });
  });
});

describe('a checkout page that does not open', () => {
  it('keeps the order, shows its address, opens the same page again or copies it, never orders twice, and is followed with it once closed', async () => {
    const app = await checkedOut({ 'portal:checkout': () => ok({ licenseId: LICENSE, checkoutUrl: CHECKOUT_URL, accountId: ACCOUNT, opened: false, openProblem: NO_BROWSER }) });
    expect(heading()).toBe('The checkout page did not open');
    expect(purchase().getByRole('alert', { hidden: true }).textContent).toContain(NO_BROWSER);
    expect(purchase().getByText(CHECKOUT_URL)).toBeTruthy();

    app.main.answers['portal:open-checkout'] = () => ({ ok: false, error: { code: 'refused', message: NO_BROWSER } });
    fireEvent.click(button(purchase(), 'Open checkout again'));
    await pass();
    expect(purchase().getByRole('alert', { hidden: true }).textContent).toContain(`Could not open the checkout page: ${NO_BROWSER}`);
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
    expect(app.main.sent.filter((request) => request.channel === 'portal:open-checkout' || request.channel === 'portal:copy-checkout-url')).toEqual([
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

describe('a purchase followed after its dialog closed', () => {
  it('goes to the Licenses tab with its name, and is read less and less often, never less than once a minute', async () => {
    const app = await checkedOut();
    fireEvent.click(button(purchase(), 'Close'));
    await pass();
    expect(screen.queryByRole('dialog', { name: /^Purchase a license/, hidden: true })).toBeNull();
    expect(tracked('Purchase of “Primary 2027”').getByText(/Checking the license again in 3 seconds, then less often\./)).toBeTruthy();
    // 3 s, then 6, 12, 24, 48, and from then on every 60 s (the dialog read it once).
    const waits = [TRACK_FIRST_DELAY_MS, 6000, 12_000, 24_000, 48_000, TRACK_MAX_DELAY_MS, TRACK_MAX_DELAY_MS];
    for (const [index, wait] of waits.entries()) {
      await pass(wait - 1);
      expect(app.reads()).toBe(index + 1);
      await pass(1);
      expect(app.reads()).toBe(index + 2);
    }
    expect(tracked('Purchase of “Primary 2027”').getByText(/Checking the license again in 60 seconds/)).toBeTruthy();
  });

  it('stops once the license is paid, shows it in the list and offers Install into its instance, as the account that ordered it', async () => {
    let paid = false;
    const app = await checkedOut({ 'portal:get-license': () => ok({ license: paid ? PAID : UNPAID }) });
    fireEvent.click(button(purchase(), 'Close'));
    await pass(TRACK_FIRST_DELAY_MS);
    paid = true;
    await pass(6000);
    const card = tracked('Purchase of “Primary 2027”');
    expect(card.getByText(/“Primary 2027” is active until .*: its key is ready\./)).toBeTruthy();
    expect(row('Primary 2027')).toContain('Active');
    const readsWhenPaid = app.reads();
    await pass(TRACK_MAX_DELAY_MS * 5);
    expect(app.reads()).toBe(readsWhenPaid);
    fireEvent.click(button(card, /^Install into Primary/));
    await pass();
    expect(app.main.sent.at(-1)).toEqual({ channel: 'portal:preflight-license-install', input: { org: ORG, id: LICENSE, instanceId: INSTANCE, accountId: ACCOUNT } });
  });

  it('is followed while the Licenses tab shows it, and read at once when the tab opens again after its wait', async () => {
    const app = await checkedOut();
    fireEvent.click(button(purchase(), 'Close'));
    await pass();
    app.rerender(h('div'));
    await pass(TRACK_MAX_DELAY_MS);
    expect(app.reads()).toBe(1);
    app.rerender(h(OrgLicensesTab, { orgId: ORG, role: 'owner', noticeElsewhere: () => undefined }));
    await pass();
    expect(app.reads()).toBe(2);
    expect(tracked('Purchase of “Primary 2027”')).toBeTruthy();
  });

  it('stops when the person dismisses it', async () => {
    const app = await checkedOut();
    fireEvent.click(button(purchase(), 'Close'));
    await pass(TRACK_FIRST_DELAY_MS);
    fireEvent.click(button(tracked('Purchase of “Primary 2027”'), /^Dismiss/));
    await pass(TRACK_MAX_DELAY_MS * 5);
    expect(screen.queryByRole('region', { name: /^Purchase of/, hidden: true })).toBeNull();
    expect(app.reads()).toBe(2);
  });

  it('keeps a stop the person asked for in the dialog; Check now reads at once and backs off from the start again', async () => {
    const app = await checkedOut();
    fireEvent.click(button(purchase(), 'Stop checking'));
    fireEvent.click(button(purchase(), 'Close'));
    await pass(TRACK_MAX_DELAY_MS * 2);
    expect(app.reads()).toBe(1);
    const card = tracked('Purchase of “Primary 2027”');
    expect(card.getByText(/Stopped checking\. .*Check now looks again\./)).toBeTruthy();
    fireEvent.click(button(card, /^Check now/));
    await pass();
    expect(app.reads()).toBe(2);
    await pass(TRACK_FIRST_DELAY_MS);
    expect(app.reads()).toBe(3);
  });

  it('is followed by the dialog alone again when the same license is renewed from it', async () => {
    const app = await checkedOut({ 'portal:get-license': () => ok({ license: licenseOf() }) });
    await pass(POLL_INTERVAL_MS);
    expect(heading()).toBe('Payment validated');
    fireEvent.click(button(purchase(), 'Close'));
    await pass();
    expect(screen.queryByRole('region', { name: /^Purchase of/, hidden: true })).toBeNull();

    // A renewal closed while waiting is followed on the tab, until it is renewed from the dialog again.
    const before = licenseOf();
    act(() => usePurchaseScreen.getState().renewalOpened(ORG, before));
    fireEvent.click(button(purchase(), 'Continue'));
    await pass();
    fireEvent.click(button(purchase(), 'Close'));
    await pass();
    expect(tracked('Renewal of “Primary”')).toBeTruthy();
    act(() => usePurchaseScreen.getState().renewalOpened(ORG, before));
    fireEvent.click(button(purchase(), 'Continue'));
    await pass();
    expect(screen.queryByRole('region', { name: /^Renewal of/, hidden: true })).toBeNull();
    expect(app.count('portal:renew-license')).toBe(2);
  });
});
