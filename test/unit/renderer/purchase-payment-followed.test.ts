// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  POLL_INTERVAL_MS,
  TRACK_FIRST_DELAY_MS,
  TRACK_MAX_DELAY_MS,
} from '../../../renderer/features/portal-licenses/payment';
import { ACCOUNT, CHECKOUT_URL, INSTANCE, LICENSE, licenseOf, ok, ORG } from './portal-licenses-fixtures';
import { useToasts } from '../../../renderer/ui/toasts';
import { createElement as h } from 'react';
import { OrgLicensesTab } from '../../../renderer/features/portal-licenses/OrgLicensesTab';
import { usePurchaseScreen } from '../../../renderer/features/portal-licenses/purchase-screen';
import {
  UNPAID,
  PAID,
  onFakeClock,
  pass,
  purchase,
  button,
  tracked,
  checkedOut,
  heading,
  row,
} from './purchase-payment-screen';

/*
 * A purchase followed on the Licenses tab after its dialog closed: read less and less often, stopped when
 * paid or dismissed, and handed back to the dialog when the same license is renewed.
 */
onFakeClock();

describe('a purchase followed after its dialog closed', () => {
  it('goes to the Licenses tab with its name, and is read less and less often, never less than once a minute', async () => {
    const app = await checkedOut();
    fireEvent.click(button(purchase(), 'Close'));
    await pass();
    expect(screen.queryByRole('dialog', { name: /^Purchase a license/, hidden: true })).toBeNull();
    expect(
      tracked('Purchase of “Primary 2027”').getByText(/Checking the license again in 3 seconds, then less often\./),
    ).toBeTruthy();
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
    expect(row('Primary 2027')).toContain('Valid');
    const readsWhenPaid = app.reads();
    await pass(TRACK_MAX_DELAY_MS * 5);
    expect(app.reads()).toBe(readsWhenPaid);
    fireEvent.click(button(card, /^Install into Primary/));
    await pass();
    expect(app.main.sent.at(-1)).toEqual({
      channel: 'portal:preflight-license-install',
      input: { org: ORG, id: LICENSE, instanceId: INSTANCE, accountId: ACCOUNT },
    });
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

  it('keeps a stop the person asked for in the dialog; Refresh reads at once and backs off from the start again', async () => {
    const app = await checkedOut();
    fireEvent.click(button(purchase(), 'Stop checking'));
    fireEvent.click(button(purchase(), 'Close'));
    await pass(TRACK_MAX_DELAY_MS * 2);
    expect(app.reads()).toBe(1);
    const card = tracked('Purchase of “Primary 2027”');
    expect(card.getByText(/Stopped checking\. .*Refresh looks again\./)).toBeTruthy();
    fireEvent.click(button(card, /^Refresh/));
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

  it('offers Open checkout on the row while unpaid, then Renew once paid, tagged “Paid, not installed” as a new purchase', async () => {
    let paid = false;
    const app = await checkedOut({ 'portal:get-license': () => ok({ license: paid ? PAID : UNPAID }) });
    fireEvent.click(button(purchase(), 'Close'));
    await pass();
    app.main.answers['portal:open-checkout'] = () => ok({});
    const licenseRow = () => within(screen.getByRole('row', { name: /Primary 2027/, hidden: true }));
    expect(licenseRow().queryByRole('button', { name: /^Renew/, hidden: true })).toBeNull();
    fireEvent.click(button(licenseRow(), /^Open checkout ?for “Primary 2027”$/));
    await pass();
    expect(app.main.sent).toContainEqual({ channel: 'portal:open-checkout', input: { checkoutUrl: CHECKOUT_URL } });
    expect(useToasts.getState().toasts.map((toast) => toast.title)).toContain(
      'Opened the checkout of “Primary 2027” in your browser',
    );

    paid = true;
    await pass(TRACK_FIRST_DELAY_MS);
    await pass(6000);
    expect(row('Primary 2027')).toContain('Paid, not installed on Primary');
    expect(row('Primary 2027')).not.toContain('Renewed');
    expect(licenseRow().queryByRole('button', { name: /^Open checkout/, hidden: true })).toBeNull();
    fireEvent.click(button(licenseRow(), /^Renew ?Primary 2027$/));
    await pass();
    expect(screen.getByRole('dialog', { name: 'Renew “Primary 2027”', hidden: true })).toBeTruthy();
  });
});
