// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { OrgLicensesTab } from '../../../renderer/features/portal-licenses/OrgLicensesTab';
import { INITIAL_PURCHASE_SCREEN, usePurchaseScreen } from '../../../renderer/features/portal-licenses/purchase-screen';
import {
  deferred,
  detailOf,
  FORECAST,
  INSTALL_ID,
  INSTANCE,
  LICENSE,
  ok,
  ORG,
  PLAN,
  PLANS,
  purchaseAnswers,
  type Answers,
} from './portal-licenses-fixtures';
import { portalScreen } from './portal-screen';

afterEach(() => usePurchaseScreen.setState(INITIAL_PURCHASE_SCREEN, true));

const dialog = () => within(screen.getByRole('dialog', { name: /^(Purchase a license|Renew “)/, hidden: true }));
const field = (label: string) => dialog().getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const click = (name: string | RegExp) => fireEvent.click(dialog().getByRole('button', { name, hidden: true }));

/** Alice on Acme's Licenses tab, the purchase dialog open on its order, the plans and the saved instance listed. */
async function purchaseForm(answers: Answers = {}) {
  const app = await portalScreen(
    h(OrgLicensesTab, { orgId: ORG, role: 'owner', noticeElsewhere: () => undefined }),
    purchaseAnswers(answers),
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Purchase license' }));
  await waitFor(() => expect(dialog().getByRole('radio', { name: PLANS[0]?.name, hidden: true })).toBeTruthy());
  await waitFor(() =>
    expect(dialog().getByRole('option', { name: `Primary — ${INSTALL_ID}`, hidden: true })).toBeTruthy(),
  );
  return app;
}

/** Why these numbers, as the dialog says it. */
const reasoning = () => document.getElementById('purchase-seat-reasoning')?.textContent ?? '';

const chooseInstance = (value: string) => fireEvent.change(field('Instance'), { target: { value } });

describe('the order form', () => {
  it('offers the saved instances and the plans, the first plan chosen', async () => {
    const app = await purchaseForm();
    expect((dialog().getByRole('radio', { name: PLANS[0]?.name, hidden: true }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(app.count('portal:list-plans')).toBe(1);
  });

  it('pre-fills the users from the chosen instance’s forecast, today’s plus the growth, and names the license after it', async () => {
    const app = await purchaseForm();
    chooseInstance(INSTANCE);
    await waitFor(() => expect(field('Internal users').value).toBe('95'));
    expect(app.main.sent).toContainEqual({ channel: 'instances:detail', input: { id: INSTANCE, refresh: false } });
    // 40 internal users today + 55 forecast growth; 300 external today + 250 growth.
    expect(field('External users').value).toBe('550');
    expect(field('License name').value).toBe('Primary');
    expect(dialog().getByText(/Suggested from Primary’s forecast/)).toBeTruthy();
    expect(reasoning()).toMatch(/Internal: 95 suggested: 40 users today \+ 55 forecast growth in a year\./);
    expect(dialog().getByText(/Each year: 95 internal × /)).toBeTruthy();
  });

  it('pre-fills 1 external user, the portal’s minimum, for an instance with none today and none forecast, and orders it', async () => {
    const app = await purchaseForm({
      'instances:detail': () =>
        ok(detailOf({ internalUsers: 10, externalUsers: 0, forecastedInternalUsers: 24, forecastedExternalUsers: 0 })),
    });
    chooseInstance(INSTANCE);
    await waitFor(() => expect(field('External users').value).toBe('1'));
    expect(field('Internal users').value).toBe('34');
    expect(reasoning()).toMatch(
      /External: 1 suggested, the portal’s minimum: 0 users today \+ 0 forecast growth in a year\./,
    );
    expect(reasoning()).toMatch(/Internal: 34 suggested: 10 users today \+ 24 forecast growth in a year\./);
    click('Continue');
    await waitFor(() => expect(app.count('portal:checkout')).toBe(1));
    expect(app.main.sent).toContainEqual({
      channel: 'portal:checkout',
      input: {
        org: ORG,
        order: { plan: PLAN, name: 'Primary', install_id: INSTALL_ID, internal_users: 34, external_users: 1 },
      },
    });
  });

  it('keeps the numbers and the name the person typed when the forecast answers after them', async () => {
    const late = deferred<{ ok: true; value: InstanceDetail }>();
    await purchaseForm({ 'instances:detail': () => late.promise });
    type('License name', 'Production 2027');
    chooseInstance(INSTANCE);
    await waitFor(() => expect(dialog().getByText('Reading the instance’s forecast…')).toBeTruthy());
    type('Internal users', '70');
    type('External users', '10');
    late.resolve(ok(detailOf(FORECAST)));
    await waitFor(() => expect(dialog().getByText(/Suggested from Primary’s forecast/)).toBeTruthy());
    expect([field('License name').value, field('Internal users').value, field('External users').value]).toEqual([
      'Production 2027',
      '70',
      '10',
    ]);
    expect(reasoning()).toMatch(/Internal: 95 suggested: 40 users today \+ 55 forecast growth in a year\./);
  });

  it('sends nothing while the order breaks the portal’s rules, and says which field is wrong', async () => {
    const app = await purchaseForm();
    chooseInstance('typed');
    type('Install ID', 'not-an-install-id');
    type('License name', 'Lab');
    type('Internal users', '0');
    type('External users', '2.5');
    click('Continue');
    await waitFor(() => expect(field('Internal users').getAttribute('aria-invalid')).toBe('true'));
    expect(app.count('portal:checkout')).toBe(0);
    expect([field('Install ID'), field('External users')].map((input) => input.getAttribute('aria-invalid'))).toEqual([
      'true',
      'true',
    ]);
    expect(field('License name').getAttribute('aria-invalid')).not.toBe('true');
    expect(dialog().getByText('The number of internal users is a whole number from 1 to 1,000,000')).toBeTruthy();
  });

  it('orders exactly what the form says for a typed Install ID, once however often Continue is pressed', async () => {
    const placed =
      deferred<
        ReturnType<
          typeof ok<{ licenseId: string; checkoutUrl: string; accountId: string; opened: boolean; openProblem: null }>
        >
      >();
    const app = await purchaseForm({ 'portal:checkout': () => placed.promise });
    chooseInstance('typed');
    type('Install ID', ' 6B3C8A51-2F4E-4D7A-9C1B-0E5F7A9D2C44 ');
    type('License name', ' Lab ');
    type('Internal users', '12');
    type('External users', '1');
    click('Continue');
    await waitFor(() =>
      expect(dialog().getByRole('button', { name: 'Opening the checkout…', hidden: true })).toBeTruthy(),
    );
    click('Opening the checkout…');
    placed.resolve(
      ok({
        licenseId: LICENSE,
        checkoutUrl: 'http://127.0.0.1:4000/checkout/1',
        accountId: 'user-1',
        opened: true,
        openProblem: null,
      }),
    );
    await waitFor(() =>
      expect(dialog().getByRole('heading', { name: 'Checkout opened in your browser', hidden: true })).toBeTruthy(),
    );
    expect(app.main.sent.filter((request) => request.channel === 'portal:checkout')).toEqual([
      {
        channel: 'portal:checkout',
        input: {
          org: ORG,
          order: {
            plan: PLAN,
            name: 'Lab',
            install_id: '6B3C8A51-2F4E-4D7A-9C1B-0E5F7A9D2C44',
            internal_users: 12,
            external_users: 1,
          },
        },
      },
    ]);
    expect(dialog().queryByRole('button', { name: 'Continue', hidden: true })).toBeNull();
  });

  it('places the portal’s field messages (422) on their fields until the field is edited', async () => {
    await purchaseForm({
      'portal:checkout': () => ({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'The order is not valid.',
          fields: { internal_users: 'Too many internal users for this plan' },
        },
      }),
    });
    chooseInstance(INSTANCE);
    await waitFor(() => expect(field('Internal users').value).toBe('95'));
    click('Continue');
    await waitFor(() => expect(dialog().getByText('Too many internal users for this plan')).toBeTruthy());
    expect(dialog().getByRole('alert', { hidden: true }).textContent).toBe(
      'The portal refused the order; see the fields marked above.',
    );
    type('Internal users', '60');
    expect(dialog().queryByText('Too many internal users for this plan')).toBeNull();
    expect(dialog().queryByRole('alert', { hidden: true })).toBeNull();
  });

  it('says in words why the portal refused the order (a Member)', async () => {
    await purchaseForm({
      'portal:checkout': () => ({
        ok: false,
        error: { code: 'forbidden', message: 'Only an Owner of Acme Corp can order licenses.' },
      }),
    });
    chooseInstance(INSTANCE);
    await waitFor(() => expect(field('Internal users').value).toBe('95'));
    click('Continue');
    await waitFor(() =>
      expect(dialog().getByRole('alert', { hidden: true }).textContent).toBe(
        'The portal refused to open the checkout: Only an Owner of Acme Corp can order licenses.',
      ),
    );
  });
});
