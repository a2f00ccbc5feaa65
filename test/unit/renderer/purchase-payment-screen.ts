import { notifyManager } from '@tanstack/react-query';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, beforeEach, vi } from 'vitest';
import {
  INITIAL_LICENSE_INSTALL_SCREEN,
  useLicenseInstallScreen,
} from '../../../renderer/features/portal-licenses/license-install-screen';
import { OrgLicensesTab } from '../../../renderer/features/portal-licenses/OrgLicensesTab';
import { INITIAL_PURCHASE_SCREEN, usePurchaseScreen } from '../../../renderer/features/portal-licenses/purchase-screen';
import { ACCOUNT, INSTANCE, licenseOf, ok, ORG, purchaseAnswers, type Answers } from './portal-licenses-fixtures';
import { portalScreen } from './portal-screen';

/*
 * The purchase dialog and the Licenses tab on a fake clock, for the tests of waiting for a payment: the
 * license bought, the queries' answers drawn at once, and the screens' stores reset after each test.
 */

export const UNPAID = licenseOf({
  status: 'pending_payment',
  expires_at: null,
  key_fingerprint: null,
  nickname: 'Primary 2027',
  instances: [{ instanceId: INSTANCE, instanceName: 'Primary', renewedNotInstalled: false, lastReadProblem: null }],
});
export const PAID = licenseOf({ nickname: 'Primary 2027' });
export const NO_BROWSER = 'The system browser could not be opened: no browser is installed.';

/** Registers the fake clock and the resets for the calling test file. */
export function onFakeClock(): void {
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
}

/** Lets `ms` pass on the fake clock, the answers due meanwhile taken and drawn. */
export async function pass(ms = 0): Promise<void> {
  for (let step = 0; step < 3; step += 1) await act(() => vi.advanceTimersByTimeAsync(step === 0 ? ms : 0));
}

export const purchase = () =>
  within(screen.getByRole('dialog', { name: /^(Purchase a license|Renew “)/, hidden: true }));
export const button = (scope: ReturnType<typeof within>, name: string | RegExp) =>
  scope.getByRole('button', { name, hidden: true });
export const tracked = (name: string) => within(screen.getByRole('region', { name, hidden: true }));

/** Acme's Licenses tab over a purchase's main (the license unpaid until `answers` say otherwise). */
export async function licensesTab(answers: Answers = {}) {
  const app = await portalScreen(
    h(OrgLicensesTab, { orgId: ORG, role: 'owner', noticeElsewhere: () => undefined }),
    purchaseAnswers({
      'portal:get-license': () => ok({ license: UNPAID }),
      'portal:renew-license': () =>
        ok({ checkoutUrl: 'http://127.0.0.1:4000/checkout/2', accountId: ACCOUNT, opened: true, openProblem: null }),
      ...answers,
    }),
  );
  await pass();
  return { ...app, reads: () => app.count('portal:get-license') };
}

/** The purchase of "Primary 2027" for the saved instance checked out, its dialog waiting for the payment. */
export async function checkedOut(answers: Answers = {}) {
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

export const heading = () => purchase().getByRole('heading', { level: 3, hidden: true }).textContent;
export const row = (name: string) =>
  screen.getByRole('row', { name: new RegExp(name), hidden: true }).textContent ?? '';
