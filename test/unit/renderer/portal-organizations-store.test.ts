import { describe, expect, it } from 'vitest';
import { selectEditProblems } from '../../../renderer/store/portal-organization';
import { selectCreateProblems, selectFirstRun } from '../../../renderer/store/portal-organizations';
import { ok } from './portal-licenses-fixtures';
import { ACME, ORG_ID, signedInStores } from './portal-test-data';

const refused = (code: string, message: string, fields?: Record<string, string>) => ({ ok: false as const, error: { code: code as 'invalid_input', message, ...(fields === undefined ? {} : { fields }) } });

describe('creating an organization', () => {
  it('is the first run when the account belongs to no organization', async () => {
    const { stores } = await signedInStores({ 'portal:list-organizations': () => ok({ organizations: [], supportUrl: 'https://portal.example.com/support' }) });
    await stores.organizations.getState().organizationsNeeded();
    expect(selectFirstRun(stores.organizations.getState())).toBe(true);
  });

  it('checks the fields by the portal’s rules and sends nothing while one fails', async () => {
    const { stores, main } = await signedInStores({});
    const organizations = stores.organizations.getState();
    organizations.createFormEdited({ name: '   ', notificationEmail: 'billing@evans' });
    expect(await stores.organizations.getState().organizationCreateRequested()).toBeNull();
    const problems = selectCreateProblems(stores.organizations.getState());
    expect(problems.name).toBe('Give the organization a name of 1 to 100 characters');
    expect(problems.notificationEmail).toMatch(/^An e-mail address looks like anna@example.com/);
    expect(main.channels()).not.toContain('portal:create-organization');
  });

  it('puts the portal’s 422 messages on their fields and keeps each until its field is edited', async () => {
    const { stores } = await signedInStores({
      'portal:create-organization': () => refused('invalid_input', 'Some fields are not valid.', { notification_email: 'This domain does not receive mail' }),
    });
    stores.organizations.getState().createFormEdited({ name: 'Evans Labs', notificationEmail: 'billing@evans.test' });
    expect(await stores.organizations.getState().organizationCreateRequested()).toBeNull();
    expect(selectCreateProblems(stores.organizations.getState())).toEqual({ notificationEmail: 'This domain does not receive mail' });
    expect(stores.organizations.getState().createProblem).toBeNull();
    stores.organizations.getState().createFormEdited({ name: 'Evans Labs GmbH' });
    expect(selectCreateProblems(stores.organizations.getState()).notificationEmail).toBe('This domain does not receive mail');
    stores.organizations.getState().createFormEdited({ notificationEmail: 'office@evans.test' });
    expect(selectCreateProblems(stores.organizations.getState())).toEqual({});
  });

  it('sends the trimmed fields and opens the new organization’s page with a notice', async () => {
    const created = { ...ACME, name: 'Evans Labs', notification_email: 'billing@evans.test' };
    const { stores, main } = await signedInStores({
      'portal:create-organization': () => ok({ organization: created }),
      'portal:get-organization': () => ok({ organization: created, supportUrl: 'https://portal.example.com/support' }),
    });
    stores.organizations.getState().createFormEdited({ name: ' Evans Labs ', notificationEmail: ' billing@evans.test ' });
    expect(await stores.organizations.getState().organizationCreateRequested()).toBe(ORG_ID);
    expect(main.sent.find((request) => request.channel === 'portal:create-organization')?.input).toEqual({ name: 'Evans Labs', notification_email: 'billing@evans.test' });
    const page = stores.organization.getState();
    expect(page.orgId).toBe(ORG_ID);
    expect(page.notice).toMatch(/^Created Evans Labs. You are its Owner/);
  });
});

describe('editing an organization', () => {
  async function openedAcme(answers: Parameters<typeof signedInStores>[0] = {}) {
    const setup = await signedInStores({ 'portal:get-organization': () => ok({ organization: ACME, supportUrl: 'https://portal.example.com/support' }), ...answers });
    await setup.stores.organization.getState().organizationPageOpened(ORG_ID);
    setup.stores.organization.getState().editDialogOpened();
    return setup;
  }

  it('sends only the fields that changed, and nothing when none did', async () => {
    const { stores, main } = await openedAcme({ 'portal:update-organization': ({ change }) => ok({ organization: { ...ACME, ...change } }) });
    await stores.organization.getState().organizationSaveRequested();
    expect(main.channels()).not.toContain('portal:update-organization');
    expect(stores.organization.getState().notice).toMatch(/^Nothing changed/);

    stores.organization.getState().editDialogOpened();
    stores.organization.getState().editFormEdited({ notificationEmail: 'licenses@acme.test' });
    await stores.organization.getState().organizationSaveRequested();
    expect(main.sent.find((request) => request.channel === 'portal:update-organization')?.input).toEqual({ org: ORG_ID, change: { notification_email: 'licenses@acme.test' } });
    expect(stores.organization.getState().editOpen).toBe(false);
    expect(stores.organization.getState().organization?.notification_email).toBe('licenses@acme.test');
  });

  it('says in the portal’s words why a Member may not edit, and keeps the dialog open', async () => {
    const { stores } = await openedAcme({
      'portal:update-organization': () => refused('forbidden', 'Only an Owner of Acme Corp can edit the organization. Ask an Owner to do it, or to make you an Owner.'),
    });
    stores.organization.getState().editFormEdited({ name: 'Acme Inc.' });
    await stores.organization.getState().organizationSaveRequested();
    const state = stores.organization.getState();
    expect(state.editOpen).toBe(true);
    expect(state.editProblem).toBe('The portal refused to save Acme Corp: Only an Owner of Acme Corp can edit the organization. Ask an Owner to do it, or to make you an Owner.');
    expect(selectEditProblems(state)).toEqual({});
  });
});
