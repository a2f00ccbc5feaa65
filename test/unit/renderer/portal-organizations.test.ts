// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../shared/portal/schemas/organizations';
import { CreateOrganizationForm } from '../../../renderer/features/organizations/CreateOrganizationForm';
import { MyOrganizations } from '../../../renderer/features/organizations/MyOrganizations';
import { OrganizationRoute } from '../../../renderer/app/PortalPages';
import { accountActivated } from '../../../renderer/queries/portal-accounts';
import { deferred, ok } from './portal-licenses-fixtures';
import { portalScreen, press, typeInto } from './portal-screen';
import { toastTitles } from './toast-titles';
import { ACME, ALICE, ORG_ID, refused } from './portal-test-data';

const SUPPORT = 'https://portal.example.com/support';
const listed = (organizations: Organization[]) => () => ok({ organizations, supportUrl: SUPPORT });
const descriptionOf = (label: string): string => {
  const ids = screen.getByLabelText(label).getAttribute('aria-describedby') ?? '';
  return ids
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
};

describe('My organizations', () => {
  it('is the first run when the account belongs to no organization', async () => {
    await portalScreen(h(MyOrganizations), { 'portal:list-organizations': listed([]) });
    expect(await screen.findByRole('button', { name: 'Paste the invitation link' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the organizations of the account now active, never a list asked for as the one before', async () => {
    const bob = { ...ALICE, id: 'acct-bob', email: 'bob@acme.test', active: false };
    const aliceList = deferred<ReturnType<ReturnType<typeof listed>>>();
    const app = await portalScreen(h(MyOrganizations), { 'portal:list-organizations': () => aliceList.promise }, [
      ALICE,
      bob,
    ]);
    app.main.answers['portal:list-organizations'] = listed([{ ...ACME, name: 'Globex Inc.', role: 'member' }]);
    // Main switched to Bob (the account menu's switch, or an invitation accepted as him).
    act(() => accountActivated(app.queryClient, { ...bob, active: true }));
    expect(await screen.findByRole('link', { name: 'Globex Inc.' })).toBeTruthy();
    aliceList.resolve(ok({ organizations: [ACME], supportUrl: SUPPORT }));
    await new Promise((settled) => setTimeout(settled, 20));
    expect(screen.queryByRole('link', { name: 'Acme Corp' })).toBeNull();
  });
});

describe('creating an organization', () => {
  it('checks the fields by the portal’s rules and sends nothing while one fails', async () => {
    const { main } = await portalScreen(h(CreateOrganizationForm));
    typeInto('Organization name', '   ');
    typeInto('Notification e-mail', 'billing@evans');
    press('Create');
    expect(descriptionOf('Organization name')).toContain('Give the organization a name of 1 to 100 characters');
    expect(descriptionOf('Notification e-mail')).toMatch(/An e-mail address looks like anna@example.com/);
    expect(main.channels()).not.toContain('portal:create-organization');
  });

  it('puts the portal’s 422 messages on their fields and keeps each until its field is edited', async () => {
    await portalScreen(h(CreateOrganizationForm), {
      'portal:create-organization': () =>
        refused('invalid_input', 'Some fields are not valid.', {
          notification_email: 'This domain does not receive mail',
        }),
    });
    typeInto('Organization name', 'Evans Labs');
    typeInto('Notification e-mail', 'billing@evans.test');
    press('Create');
    await waitFor(() => expect(descriptionOf('Notification e-mail')).toContain('This domain does not receive mail'));
    expect(screen.queryByRole('alert')).toBeNull();
    typeInto('Organization name', 'Evans Labs GmbH');
    expect(descriptionOf('Notification e-mail')).toContain('This domain does not receive mail');
    typeInto('Notification e-mail', 'office@evans.test');
    expect(descriptionOf('Notification e-mail')).not.toContain('This domain does not receive mail');
  });

  it('sends the trimmed fields and opens the new organization’s page, saying so in a toast', async () => {
    const created = { ...ACME, name: 'Evans Labs', notification_email: 'billing@evans.test' };
    const app = await portalScreen(h(CreateOrganizationForm), {
      'portal:create-organization': () => ok({ organization: created }),
    });
    typeInto('Organization name', ' Evans Labs ');
    typeInto('Notification e-mail', ' billing@evans.test ');
    press('Create');
    await waitFor(() => expect(window.location.hash).toBe(`#org/${ORG_ID}/overview`));
    expect(app.main.sent.find((request) => request.channel === 'portal:create-organization')?.input).toEqual({
      name: 'Evans Labs',
      notification_email: 'billing@evans.test',
    });
    // The page shows what the answer said at once, before it is read.
    app.rerender(h(OrganizationRoute, { id: ORG_ID, tab: 'overview' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Evans Labs');
    expect(toastTitles()).toEqual(['Created Evans Labs. You are its Owner.']);
  });
});

describe('editing an organization', () => {
  async function openedAcme(answers: Parameters<typeof portalScreen>[1] = {}) {
    const app = await portalScreen(h(OrganizationRoute, { id: ORG_ID, tab: 'overview' }), {
      'portal:get-organization': () => ok({ organization: ACME, supportUrl: SUPPORT }),
      ...answers,
    });
    await screen.findByRole('button', { name: 'Edit organization' });
    press('Edit organization');
    return app;
  }

  it('sends only the fields that changed, and nothing when none did', async () => {
    const app = await openedAcme({
      'portal:update-organization': ({ change }) => ok({ organization: { ...ACME, ...change } }),
    });
    press('Save');
    expect(app.main.channels()).not.toContain('portal:update-organization');
    expect(toastTitles()).toEqual(['Nothing changed: the name and notification e-mail are as they were.']);
    expect(screen.queryByRole('dialog')).toBeNull();

    press('Edit organization');
    typeInto('Notification e-mail', 'licenses@acme.test');
    press('Save');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(app.main.sent.find((request) => request.channel === 'portal:update-organization')?.input).toEqual({
      org: ORG_ID,
      change: { notification_email: 'licenses@acme.test' },
    });
    expect(screen.getByRole('tabpanel').textContent).toContain('licenses@acme.test');
    expect(toastTitles().at(-1)).toBe('Saved Acme Corp.');
  });

  it('says in the portal’s words why a Member may not edit, and keeps the dialog open', async () => {
    const message =
      'Only an Owner of Acme Corp can edit the organization. Ask an Owner to do it, or to make you an Owner.';
    await openedAcme({ 'portal:update-organization': () => refused('forbidden', message) });
    typeInto('Organization name', 'Acme Inc.');
    press('Save');
    expect((await screen.findByRole('alert')).textContent).toBe(`The portal refused to save Acme Corp: ${message}`);
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(screen.getByLabelText('Organization name').getAttribute('aria-invalid')).toBe('false');
  });
});
