import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppQueryClient } from '../../../renderer/queries/query-client';
import { createInstancesStore } from '../../../renderer/store/instances';
import { createPortalLicensesStores } from '../../../renderer/store/portal-licenses-stores';
import { POLL_INTERVAL_MS } from '../../../renderer/store/purchase';
import { TRACK_FIRST_DELAY_MS, TRACK_MAX_DELAY_MS } from '../../../renderer/store/purchase-tracking';
import { ACCOUNT, CHECKOUT_URL, FINGERPRINT, INSTANCE, LICENSE, licenseOf, licensesListed, listedLicenses, ok, ORG, purchaseMain, type Answers } from './portal-licenses-fixtures';

const UNPAID = licenseOf({ status: 'pending_payment', expires_at: null, key_fingerprint: null, instances: [{ instanceId: INSTANCE, instanceName: 'Primary', renewedNotInstalled: false, lastReadProblem: null }] });

/** A purchase's main, its license unpaid and for INSTANCE, and a renewal's checkout answered too. */
function portal(answers: Answers = {}) {
  return purchaseMain({
    'portal:renew-license': () => ok({ checkoutUrl: 'http://127.0.0.1:4000/checkout/2', accountId: ACCOUNT, opened: true, openProblem: null }),
    'portal:get-license': () => ok({ license: UNPAID }),
    ...answers,
  });
}

/** The licenses stores over a scripted main, the organization's Licenses tab open. */
async function tabOpen(main: ReturnType<typeof portal>) {
  const instances = createInstancesStore({ client: main.client });
  const queryClient = createAppQueryClient(main.client);
  const stores = createPortalLicensesStores({ client: main.client, queryClient, instances });
  await licensesListed(queryClient);
  return { ...stores, queryClient };
}

/** The stores, with a purchase checked out in the browser and its dialog waiting for the payment. */
async function checkedOut(main: ReturnType<typeof portal>) {
  const stores = await tabOpen(main);
  await stores.purchase.getState().purchaseOpened(ORG);
  await stores.purchase.getState().purchaseInstanceChosen(INSTANCE);
  stores.purchase.getState().purchaseFormEdited({ nickname: 'Primary 2027' });
  await stores.purchase.getState().checkoutRequested();
  expect(stores.purchase.getState().step).toBe('payment');
  return stores;
}

const reads = (main: ReturnType<typeof portal>) => main.channels().filter((channel) => channel === 'portal:get-license').length;

describe('a purchase followed after its dialog closed', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes to the Licenses tab with its name, and is read less and less often, never less than once a minute', async () => {
    const main = portal();
    const { purchase, tracking } = await checkedOut(main);
    purchase.getState().purchaseClosed();
    expect(purchase.getState().kind).toBeNull();
    expect(tracking.getState().tracked).toEqual([expect.objectContaining({ orgId: ORG, licenseId: LICENSE, kind: 'purchase', nickname: 'Primary 2027', check: 'checking' })]);

    // 3 s, then 6, 12, 24, 48, and from then on every 60 s.
    const waits = [TRACK_FIRST_DELAY_MS, 6000, 12_000, 24_000, 48_000, TRACK_MAX_DELAY_MS, TRACK_MAX_DELAY_MS];
    for (const [index, wait] of waits.entries()) {
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(reads(main)).toBe(index);
      await vi.advanceTimersByTimeAsync(1);
      expect(reads(main)).toBe(index + 1);
    }
    expect(tracking.getState().tracked[0]?.license?.status).toBe('pending_payment');
  });

  it('stops once the license is paid, shows it in the list, reads the pairings again and offers Install into its instance', async () => {
    let paid = false;
    const main = portal({ 'portal:get-license': () => ok({ license: paid ? licenseOf({ nickname: 'Primary 2027' }) : UNPAID }) });
    const { purchase, tracking, queryClient, install } = await checkedOut(main);
    purchase.getState().purchaseClosed();
    await vi.advanceTimersByTimeAsync(TRACK_FIRST_DELAY_MS);
    paid = true;
    await vi.advanceTimersByTimeAsync(6000);
    const [tracked] = tracking.getState().tracked;
    expect(tracked).toMatchObject({ check: 'done', license: { status: 'active', key_fingerprint: FINGERPRINT } });
    expect(listedLicenses(queryClient).map((license) => [license.nickname, license.status])).toEqual([['Primary 2027', 'active']]);
    expect(main.channels()).toContain('portal:list-pending-installs');
    const readsWhenPaid = reads(main);
    await vi.advanceTimersByTimeAsync(TRACK_MAX_DELAY_MS * 5);
    expect(reads(main)).toBe(readsWhenPaid);

    await tracking.getState().trackedInstallRequested(LICENSE, INSTANCE);
    expect(install.getState().target).toEqual({ orgId: ORG, licenseId: LICENSE, licenseName: 'Primary 2027', instanceId: INSTANCE, instanceName: 'Primary', accountId: ACCOUNT });
    expect(main.sent).toContainEqual({ channel: 'portal:preflight-license-install', input: { org: ORG, id: LICENSE, instanceId: INSTANCE, accountId: ACCOUNT } });
  });

  it('opens its checkout page again on request, the same page (no second order), and says why when it cannot', async () => {
    const main = portal({ 'portal:open-checkout': () => ({ ok: false, error: { code: 'refused', message: 'The system browser could not be opened.' } }) });
    const { purchase, tracking } = await checkedOut(main);
    purchase.getState().purchaseClosed();
    await tracking.getState().trackedCheckoutOpenRequested(LICENSE);
    expect(tracking.getState().tracked[0]).toMatchObject({ checkoutUrl: CHECKOUT_URL, checkoutProblem: 'Could not open the checkout page: The system browser could not be opened.' });
    main.answers['portal:open-checkout'] = () => ok({});
    await tracking.getState().trackedCheckoutOpenRequested(LICENSE);
    expect(tracking.getState().tracked[0]?.checkoutProblem).toBeNull();
    expect(main.sent.filter((request) => request.channel === 'portal:open-checkout').map((request) => request.input)).toEqual([{ checkoutUrl: CHECKOUT_URL }, { checkoutUrl: CHECKOUT_URL }]);
    expect(main.channels().filter((channel) => channel === 'portal:checkout')).toHaveLength(1);
  });

  it('reads and installs the license as the account that placed the order, in the dialog and after it closed, not as whichever account is active', async () => {
    let paid = false;
    const main = portal({ 'portal:get-license': () => ok({ license: paid ? licenseOf() : UNPAID }) });
    const { purchase, tracking, install } = await checkedOut(main);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    purchase.getState().purchaseClosed();
    expect(tracking.getState().tracked[0]?.accountId).toBe(ACCOUNT);
    paid = true;
    await vi.advanceTimersByTimeAsync(TRACK_FIRST_DELAY_MS);
    expect(tracking.getState().tracked[0]?.check).toBe('done');
    expect(main.sent.filter((request) => request.channel === 'portal:get-license').map((request) => request.input)).toEqual([
      { org: ORG, id: LICENSE, accountId: ACCOUNT },
      { org: ORG, id: LICENSE, accountId: ACCOUNT },
    ]);
    await tracking.getState().trackedInstallRequested(LICENSE, INSTANCE);
    expect(install.getState().target?.accountId).toBe(ACCOUNT);
  });

  it('stops when the person dismisses it', async () => {
    const main = portal();
    const { purchase, tracking } = await checkedOut(main);
    purchase.getState().purchaseClosed();
    await vi.advanceTimersByTimeAsync(TRACK_FIRST_DELAY_MS);
    tracking.getState().trackedDismissed(LICENSE);
    expect(tracking.getState().tracked).toEqual([]);
    await vi.advanceTimersByTimeAsync(TRACK_MAX_DELAY_MS * 5);
    expect(reads(main)).toBe(1);
  });

  it('keeps a stop the person asked for in the dialog, and Check now reads at once and backs off from the start again', async () => {
    const main = portal();
    const { purchase, tracking } = await checkedOut(main);
    purchase.getState().checkStopped();
    purchase.getState().purchaseClosed();
    expect(tracking.getState().tracked[0]?.check).toBe('stopped');
    await vi.advanceTimersByTimeAsync(TRACK_MAX_DELAY_MS * 2);
    expect(reads(main)).toBe(0);
    await tracking.getState().trackedCheckRequested(LICENSE);
    expect(reads(main)).toBe(1);
    expect(tracking.getState().tracked[0]).toMatchObject({ check: 'checking', delayMs: 6000 });
    await vi.advanceTimersByTimeAsync(6000);
    expect(reads(main)).toBe(2);
  });

  it('stops, with what to do, when the sign-in has ended', async () => {
    const main = portal({ 'portal:get-license': () => ({ ok: false, error: { code: 'not_signed_in', message: 'The portal ended the sign-in.' } }) });
    const { purchase, tracking } = await checkedOut(main);
    purchase.getState().purchaseClosed();
    await vi.advanceTimersByTimeAsync(TRACK_MAX_DELAY_MS * 3);
    expect(reads(main)).toBe(1);
    expect(tracking.getState().tracked[0]).toMatchObject({ check: 'stopped', checkProblem: expect.stringMatching(/^Could not read the license: The portal ended the sign-in\./) });
  });

  it('is not followed when the dialog closes on a paid license, nor twice when the dialog checks out the same license again', async () => {
    const main = portal({ 'portal:get-license': () => ok({ license: licenseOf() }) });
    const { purchase, tracking } = await checkedOut(main);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    expect(purchase.getState().check).toBe('done');
    purchase.getState().purchaseClosed();
    expect(tracking.getState().tracked).toEqual([]);

    // A renewal closed while waiting, then renewed again from the dialog: only the dialog follows it.
    main.answers['portal:get-license'] = () => ok({ license: licenseOf() });
    const before = licenseOf();
    purchase.getState().renewalOpened(ORG, before);
    await purchase.getState().checkoutRequested();
    purchase.getState().purchaseClosed();
    expect(tracking.getState().tracked).toEqual([expect.objectContaining({ licenseId: LICENSE, kind: 'renewal', renewing: before })]);
    purchase.getState().renewalOpened(ORG, before);
    await purchase.getState().checkoutRequested();
    expect(tracking.getState().tracked).toEqual([]);
  });

  it('a renewal is paid only once its expiry moves on, and then goes through the instance preflight', async () => {
    const before = licenseOf({ expires_at: '2027-01-01T00:00:00.000Z' });
    let renewed = false;
    const main = portal({
      'portal:get-license': () => ok({ license: renewed ? licenseOf({ expires_at: '2028-01-01T00:00:00.000Z', key_fingerprint: `sha256:${'cd'.repeat(32)}`, previous_key_fingerprint: FINGERPRINT }) : before }),
    });
    const { purchase, tracking, install } = await tabOpen(main);
    purchase.getState().renewalOpened(ORG, before);
    await purchase.getState().checkoutRequested();
    purchase.getState().purchaseClosed();
    await vi.advanceTimersByTimeAsync(TRACK_FIRST_DELAY_MS);
    expect(tracking.getState().tracked[0]?.check).toBe('checking');
    renewed = true;
    await vi.advanceTimersByTimeAsync(6000);
    expect(tracking.getState().tracked[0]).toMatchObject({ check: 'done', license: { expires_at: '2028-01-01T00:00:00.000Z' } });
    await tracking.getState().trackedInstallRequested(LICENSE, INSTANCE);
    expect(install.getState().target).toMatchObject({ licenseId: LICENSE, instanceId: INSTANCE });
    expect(main.sent).toContainEqual({ channel: 'portal:preflight-license-install', input: { org: ORG, id: LICENSE, instanceId: INSTANCE, accountId: ACCOUNT } });
  });
});
