import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { createAppQueryClient } from '../../../renderer/queries/query-client';
import { createInstancesStore } from '../../../renderer/store/instances';
import { createPortalLicensesStores } from '../../../renderer/store/portal-licenses-stores';
import { POLL_INTERVAL_MS, visiblePurchaseProblems } from '../../../renderer/store/purchase';
import { suggestedAtPortalMinimum, TYPED_INSTALL_ID } from '../../../renderer/store/purchase-form';
import { ACCOUNT, CHECKOUT_URL, deferred, detailOf, FORECAST, INSTANCE, LICENSE, licenseOf, licensesListed, listedLicenses, ok, ORG, PLAN, PLANS, purchaseMain, ROW } from './portal-licenses-fixtures';

function stores(main: ReturnType<typeof purchaseMain>) {
  const instances = createInstancesStore({ client: main.client });
  const queryClient = createAppQueryClient(main.client);
  return { instances, queryClient, ...createPortalLicensesStores({ client: main.client, queryClient, instances }) };
}

async function purchaseForm(main = purchaseMain()) {
  const all = stores(main);
  await licensesListed(all.queryClient);
  await all.purchase.getState().purchaseOpened(ORG);
  return all;
}

describe('the order form', () => {
  it('offers the saved instances and the plans, the first plan chosen', async () => {
    const { purchase, instances } = await purchaseForm();
    expect(instances.getState().rows.map((row) => row.name)).toEqual(['Primary']);
    expect(purchase.getState().plans).toEqual(PLANS);
    expect(purchase.getState().form.planId).toBe(PLAN);
  });

  it('pre-fills the users from the chosen instance’s forecast, never fewer than it has now, and names the license after it', async () => {
    const main = purchaseMain();
    const { purchase } = await purchaseForm(main);
    await purchase.getState().purchaseInstanceChosen(INSTANCE);
    const state = purchase.getState();
    expect(main.sent).toContainEqual({ channel: 'instances:detail', input: { id: INSTANCE, refresh: false } });
    // 55 forecast internal users; 300 external users today, more than the 250 forecast.
    expect(state.form).toMatchObject({ instanceId: INSTANCE, internalUsers: '55', externalUsers: '300', nickname: 'Primary' });
    expect(state.suggestion).toEqual({ internalNow: 40, internalForecast: 55, internal: 55, externalNow: 300, externalForecast: 250, external: 300 });
  });

  it('pre-fills 1 external user, the portal’s minimum, for an instance with none today and none forecast', async () => {
    const main = purchaseMain({ 'instances:detail': () => ok(detailOf({ internalUsers: 10, externalUsers: 0, forecastedInternalUsers: 24, forecastedExternalUsers: 0 })) });
    const { purchase } = await purchaseForm(main);
    await purchase.getState().purchaseInstanceChosen(INSTANCE);
    const { form, suggestion } = purchase.getState();
    expect(form).toMatchObject({ internalUsers: '24', externalUsers: '1' });
    expect(suggestion).toMatchObject({ externalNow: 0, externalForecast: 0, external: 1 });
    expect(suggestion !== null && suggestedAtPortalMinimum(suggestion, 'external')).toBe(true);
    expect(suggestion !== null && suggestedAtPortalMinimum(suggestion, 'internal')).toBe(false);
    await purchase.getState().checkoutRequested();
    expect(visiblePurchaseProblems(purchase.getState(), [ROW])).toEqual({});
  });

  it('keeps the numbers and the name the person typed when the forecast answers after them', async () => {
    const late = deferred<{ ok: true; value: InstanceDetail }>();
    const main = purchaseMain({ 'instances:detail': () => late.promise });
    const { purchase } = await purchaseForm(main);
    purchase.getState().purchaseFormEdited({ nickname: 'Production 2027' });
    const choosing = purchase.getState().purchaseInstanceChosen(INSTANCE);
    purchase.getState().purchaseFormEdited({ internalUsers: '70', externalUsers: '10' });
    late.resolve(ok(detailOf(FORECAST)));
    await choosing;
    expect(purchase.getState().form).toMatchObject({ nickname: 'Production 2027', internalUsers: '70', externalUsers: '10' });
    expect(purchase.getState().suggestion?.internal).toBe(55);
  });

  it('sends nothing while the order breaks the portal’s rules, and says which field is wrong', async () => {
    const main = purchaseMain();
    const { purchase } = await purchaseForm(main);
    await purchase.getState().purchaseInstanceChosen(TYPED_INSTALL_ID);
    purchase.getState().purchaseFormEdited({ installId: 'not-an-install-id', nickname: 'Lab', internalUsers: '0', externalUsers: '2.5' });
    await purchase.getState().checkoutRequested();
    expect(main.channels()).not.toContain('portal:checkout');
    expect(purchase.getState().step).toBe('order');
    const problems = visiblePurchaseProblems(purchase.getState(), [ROW]);
    expect(Object.keys(problems).sort()).toEqual(['externalUsers', 'installId', 'internalUsers']);
    expect(problems.internalUsers).toBe('The number of internal users is a whole number from 1 to 1,000,000');
  });

  it('orders exactly what the form says for a typed Install ID', async () => {
    const main = purchaseMain();
    const { purchase } = await purchaseForm(main);
    await purchase.getState().purchaseInstanceChosen(TYPED_INSTALL_ID);
    purchase.getState().purchaseFormEdited({ installId: ' 6B3C8A51-2F4E-4D7A-9C1B-0E5F7A9D2C44 ', nickname: ' Lab ', internalUsers: '12', externalUsers: '1' });
    await purchase.getState().checkoutRequested();
    expect(main.sent).toContainEqual({
      channel: 'portal:checkout',
      input: { org: ORG, order: { plan: PLAN, name: 'Lab', install_id: '6B3C8A51-2F4E-4D7A-9C1B-0E5F7A9D2C44', internal_users: 12, external_users: 1 } },
    });
    expect(purchase.getState().step).toBe('payment');
  });

  it('places the portal’s field messages (422) on their fields until the field is edited', async () => {
    const main = purchaseMain({
      'portal:checkout': () => ({
        ok: false,
        error: { code: 'invalid_input', message: 'The order is not valid.', fields: { internal_users: 'Too many internal users for this plan' } },
      }),
    });
    const { purchase } = await purchaseForm(main);
    await purchase.getState().purchaseInstanceChosen(INSTANCE);
    await purchase.getState().checkoutRequested();
    expect(purchase.getState().step).toBe('order');
    expect(purchase.getState().serverProblems).toEqual({ internalUsers: 'Too many internal users for this plan' });
    purchase.getState().purchaseFormEdited({ internalUsers: '60' });
    expect(purchase.getState().serverProblems).toEqual({});
  });

  it('says in words why the portal refused the order (a Member)', async () => {
    const main = purchaseMain({ 'portal:checkout': () => ({ ok: false, error: { code: 'forbidden', message: 'Only an Owner of Acme Corp can order licenses.' } }) });
    const { purchase } = await purchaseForm(main);
    await purchase.getState().purchaseInstanceChosen(INSTANCE);
    await purchase.getState().checkoutRequested();
    expect(purchase.getState().submitProblem).toBe('The portal refused to open the checkout: Only an Owner of Acme Corp can order licenses.');
  });
});

describe('waiting for the payment', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function checkingOut(main: ReturnType<typeof purchaseMain>) {
    const all = await purchaseForm(main);
    await all.purchase.getState().purchaseInstanceChosen(INSTANCE);
    await all.purchase.getState().checkoutRequested();
    return all;
  }

  const reads = (main: ReturnType<typeof purchaseMain>) => main.channels().filter((channel) => channel === 'portal:get-license').length;

  it('reads the license every few seconds until its key is issued, then stops and offers to install it', async () => {
    let paid = false;
    const main = purchaseMain({
      'portal:get-license': () => ok({ license: paid ? licenseOf() : licenseOf({ status: 'pending_payment', expires_at: null, key_fingerprint: null }) }),
    });
    const { purchase, install, queryClient } = await checkingOut(main);
    expect(purchase.getState().check).toBe('checking');
    expect(reads(main)).toBe(0);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    expect(reads(main)).toBe(1);
    expect(purchase.getState().license?.status).toBe('pending_payment');
    paid = true;
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    expect(purchase.getState().check).toBe('done');
    expect(listedLicenses(queryClient).map((license) => license.status)).toEqual(['active']);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3);
    expect(reads(main)).toBe(2);

    await purchase.getState().paidLicenseInstallRequested(INSTANCE);
    expect(purchase.getState().kind).toBeNull();
    expect(install.getState().target).toEqual({ orgId: ORG, licenseId: LICENSE, licenseName: 'Primary', instanceId: INSTANCE, instanceName: 'Primary', accountId: ACCOUNT });
    expect(main.sent).toContainEqual({ channel: 'portal:preflight-license-install', input: { org: ORG, id: LICENSE, instanceId: INSTANCE, accountId: ACCOUNT } });
  });

  it('stops reading when the person stops it, and reads at once when they ask again', async () => {
    const main = purchaseMain();
    const { purchase } = await checkingOut(main);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    purchase.getState().checkStopped();
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 5);
    expect(reads(main)).toBe(1);
    expect(purchase.getState().check).toBe('stopped');
    await purchase.getState().checkResumed();
    expect(reads(main)).toBe(2);
    expect(purchase.getState().check).toBe('checking');
  });

  it('hands the license still waiting for its payment to the Licenses tab when the dialog is closed', async () => {
    const main = purchaseMain();
    const { purchase, tracking } = await checkingOut(main);
    purchase.getState().purchaseClosed();
    expect(purchase.getState()).toMatchObject({ kind: null, licenseId: null });
    expect(tracking.getState().tracked).toEqual([expect.objectContaining({ orgId: ORG, licenseId: LICENSE, kind: 'purchase', check: 'checking' })]);
  });

  it('stops when signed out, with what to do', async () => {
    const main = purchaseMain({ 'portal:get-license': () => ({ ok: false, error: { code: 'not_signed_in', message: 'The portal ended the sign-in.' } }) });
    const { purchase } = await checkingOut(main);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3);
    expect(reads(main)).toBe(1);
    expect(purchase.getState().check).toBe('stopped');
    expect(purchase.getState().checkProblem).toMatch(/^Could not read the license: The portal ended the sign-in\. .*sign/);
  });

  it('a renewal is paid only once the expiry moves on', async () => {
    const before = licenseOf({ expires_at: '2027-01-01T00:00:00.000Z', instances: [{ instanceId: INSTANCE, instanceName: 'Primary', renewedNotInstalled: false, lastReadProblem: null }] });
    let renewed = false;
    const main = purchaseMain({
      'portal:renew-license': () => ok({ checkoutUrl: 'http://127.0.0.1:4000/checkout/2', accountId: ACCOUNT, opened: true, openProblem: null }),
      'portal:get-license': () => ok({ license: renewed ? licenseOf({ expires_at: '2028-01-01T00:00:00.000Z', key_fingerprint: `sha256:${'cd'.repeat(32)}` }) : before }),
    });
    const all = stores(main);
    await licensesListed(all.queryClient);
    all.purchase.getState().renewalOpened(ORG, before);
    await all.purchase.getState().checkoutRequested();
    expect(main.sent).toContainEqual({ channel: 'portal:renew-license', input: { org: ORG, id: LICENSE } });
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    // Still active with its old expiry: the renewal is not paid yet.
    expect(all.purchase.getState().check).toBe('checking');
    renewed = true;
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    expect(all.purchase.getState().check).toBe('done');
    expect(all.purchase.getState().license?.expires_at).toBe('2028-01-01T00:00:00.000Z');

    // Installed through main's preflight, which finds the key it renews on the instance (tested with main).
    await all.purchase.getState().paidLicenseInstallRequested(INSTANCE);
    expect(all.install.getState().target).toMatchObject({ licenseId: LICENSE, instanceId: INSTANCE });
    expect(main.sent).toContainEqual({ channel: 'portal:preflight-license-install', input: { org: ORG, id: LICENSE, instanceId: INSTANCE, accountId: ACCOUNT } });
  });
});

describe('a checkout page that does not open', () => {
  const NO_BROWSER = 'The system browser could not be opened: no browser is installed.';

  it('keeps the order the portal created, shows its address, opens the same page again or copies it, and never orders twice', async () => {
    const main = purchaseMain({ 'portal:checkout': () => ok({ licenseId: LICENSE, checkoutUrl: CHECKOUT_URL, accountId: ACCOUNT, opened: false, openProblem: NO_BROWSER }) });
    const { purchase, tracking } = await purchaseForm(main);
    await purchase.getState().purchaseInstanceChosen(INSTANCE);
    await purchase.getState().checkoutRequested();
    expect(purchase.getState()).toMatchObject({ step: 'payment', licenseId: LICENSE, checkoutUrl: CHECKOUT_URL, checkoutOpened: false, checkoutProblem: NO_BROWSER });

    // Pressing Continue again (a double press, a stale button) orders nothing more.
    await purchase.getState().checkoutRequested();
    const orders = () => main.sent.filter((request) => request.channel === 'portal:checkout');
    expect(orders()).toHaveLength(1);

    main.answers['portal:open-checkout'] = () => ({ ok: false, error: { code: 'refused', message: NO_BROWSER } });
    await purchase.getState().checkoutOpenAgainRequested();
    expect(purchase.getState()).toMatchObject({ checkoutOpened: false, checkoutProblem: `Could not open the checkout page: ${NO_BROWSER}` });
    main.answers['portal:copy-checkout-url'] = () => ok({});
    await purchase.getState().checkoutUrlCopyRequested();
    expect(purchase.getState().checkoutNotice).toBe('Copied the checkout address to the clipboard.');
    main.answers['portal:open-checkout'] = () => ok({});
    await purchase.getState().checkoutOpenAgainRequested();
    expect(purchase.getState()).toMatchObject({ checkoutOpened: true, checkoutProblem: null, checkoutNotice: 'Opened the checkout page in your browser.' });
    expect(main.sent.filter((request) => request.channel === 'portal:open-checkout' || request.channel === 'portal:copy-checkout-url')).toEqual([
      { channel: 'portal:open-checkout', input: { checkoutUrl: CHECKOUT_URL } },
      { channel: 'portal:copy-checkout-url', input: { checkoutUrl: CHECKOUT_URL } },
      { channel: 'portal:open-checkout', input: { checkoutUrl: CHECKOUT_URL } },
    ]);
    expect(orders()).toHaveLength(1);

    // Closed before paying: the Licenses tab follows it with the same checkout page.
    purchase.getState().purchaseClosed();
    expect(tracking.getState().tracked).toEqual([expect.objectContaining({ licenseId: LICENSE, checkoutUrl: CHECKOUT_URL })]);
  });

  it('a renewal whose page does not open is renewed once, its address shown', async () => {
    const renewalUrl = 'http://127.0.0.1:4000/checkout/2';
    const main = purchaseMain({ 'portal:renew-license': () => ok({ checkoutUrl: renewalUrl, accountId: ACCOUNT, opened: false, openProblem: NO_BROWSER }) });
    const all = stores(main);
    await licensesListed(all.queryClient);
    all.purchase.getState().renewalOpened(ORG, licenseOf());
    await all.purchase.getState().checkoutRequested();
    await all.purchase.getState().checkoutRequested();
    expect(all.purchase.getState()).toMatchObject({ step: 'payment', checkoutUrl: renewalUrl, checkoutOpened: false, checkoutProblem: NO_BROWSER });
    expect(main.channels().filter((channel) => channel === 'portal:renew-license')).toHaveLength(1);
  });
});
