// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useLicenseScreen } from '../../../renderer/features/portal-licenses/license-screen';
import { OrgLicensesTab } from '../../../renderer/features/portal-licenses/OrgLicensesTab';
import { licensesQuery } from '../../../renderer/features/portal-licenses/queries';
import { deferred, LICENSE, licenseOf, ok, ORG, type Answers } from './portal-licenses-fixtures';
import { portalScreen, press, typeInto } from './portal-screen';
import { ALICE } from './portal-test-data';
import { useToasts } from '../../../renderer/ui/toasts';

const KEY = 'eyJhbGciOiJFUzUxMiJ9.eyJuYW1lIjoiUHJpbWFyeSJ9.c2lnbmF0dXJl';
const CLEARS_AT = '2026-11-29T09:01:00.000Z';

afterEach(() =>
  useLicenseScreen.setState({
    detailsId: null,
    renameDraft: null,
    renameAttempted: false,
    clipboard: { state: 'idle' },
  }),
);

/** Alice on Acme's Licenses tab as `role`, once the list shows. */
async function licensesTab(answers: Answers = {}, role: 'owner' | 'member' = 'owner') {
  const all: Answers = {
    'portal:list-licenses': () => ok({ licenses: [licenseOf()] }),
    'portal:reveal-license-key': () => ok({ key: KEY }),
    'portal:copy-license-key': () => ok({ clearsAt: CLEARS_AT }),
    'portal:list-pending-installs': () => ok({ pending: [], uncompared: [], accountProblems: [] }),
    ...answers,
  };
  const app = await portalScreen(h(OrgLicensesTab, { orgId: ORG, role, noticeElsewhere: () => undefined }), all);
  await screen.findByRole('row', { name: /Primary/ });
  return app;
}

const dialog = () => within(screen.getByRole('dialog', { name: /^License “/, hidden: true }));

async function detailsOpen(answers: Answers = {}, role: 'owner' | 'member' = 'owner') {
  const app = await licensesTab(answers, role);
  useLicenseScreen.getState().detailsOpened(LICENSE);
  await screen.findByRole('heading', { name: 'License “Primary”', hidden: true });
  return app;
}

const statuses = () =>
  screen
    .getAllByRole('status', { hidden: true })
    .map((status) => status.textContent)
    .join(' ');

describe('the licenses list', () => {
  it('lists the organization’s licenses, and says why when it cannot, keeping what was listed before', async () => {
    const app = await licensesTab();
    expect(app.main.sent.filter((request) => request.channel === 'portal:list-licenses')).toEqual([
      { channel: 'portal:list-licenses', input: { org: ORG } },
    ]);
    app.main.answers['portal:list-licenses'] = () => ({
      ok: false,
      error: { code: 'connection_failed', message: 'The portal did not answer.' },
    });
    press('Refresh');
    expect(await screen.findByText(/The licenses could not be listed: The portal did not answer\./)).toBeTruthy();
    expect(screen.getByRole('row', { name: /Primary/ })).toBeTruthy();
  });
});

describe('the key in the details', () => {
  it('is only fetched when the person presses Reveal, and leaves memory when the details close', async () => {
    const app = await detailsOpen();
    expect(app.main.channels()).not.toContain('portal:reveal-license-key');
    expect(dialog().queryByRole('textbox', { name: 'License key', hidden: true })).toBeNull();
    dialog().getByRole('button', { name: 'Reveal', hidden: true }).click();
    expect(await dialog().findByDisplayValue(KEY)).toBeTruthy();
    expect(app.main.sent).toContainEqual({ channel: 'portal:reveal-license-key', input: { org: ORG, id: LICENSE } });
    dialog().getByRole('button', { name: 'Close', hidden: true }).click();
    await waitFor(() => expect(screen.queryByDisplayValue(KEY)).toBeNull());
    useLicenseScreen.getState().detailsOpened(LICENSE);
    await screen.findByRole('heading', { name: 'License “Primary”', hidden: true });
    expect(screen.queryByDisplayValue(KEY)).toBeNull();
    // Nothing holds the key once its dialog is gone.
    expect(
      JSON.stringify(
        app.queryClient
          .getMutationCache()
          .getAll()
          .map((mutation) => mutation.state.data),
      ),
    ).not.toContain(KEY);
  });

  it('is dropped when it arrives after the details closed', async () => {
    const late = deferred<{ ok: true; value: { key: string } }>();
    await detailsOpen({ 'portal:reveal-license-key': () => late.promise });
    dialog().getByRole('button', { name: 'Reveal', hidden: true }).click();
    dialog().getByRole('button', { name: 'Close', hidden: true }).click();
    useLicenseScreen.getState().detailsOpened(LICENSE);
    await screen.findByRole('heading', { name: 'License “Primary”', hidden: true });
    late.resolve(ok({ key: KEY }));
    await new Promise((settle) => setTimeout(settle, 10));
    expect(screen.queryByDisplayValue(KEY)).toBeNull();
  });

  it('is copied by main without coming to the page, and the page learns when the clipboard is cleared', async () => {
    const app = await detailsOpen();
    dialog().getByRole('button', { name: 'Copy', hidden: true }).click();
    await waitFor(() => expect(statuses()).toContain('Copied; the clipboard is cleared in'));
    expect(app.main.sent).toContainEqual({ channel: 'portal:copy-license-key', input: { org: ORG, id: LICENSE } });
    expect(app.main.channels()).not.toContain('portal:reveal-license-key');
    // Another screen's copy being cleared is not this one's.
    useLicenseScreen.getState().clipboardCleared('2000-01-01T00:00:00Z');
    expect(statuses()).toContain('Copied; the clipboard is cleared in');
    useLicenseScreen.getState().clipboardCleared(CLEARS_AT);
    await waitFor(() => expect(statuses()).toContain('The clipboard was cleared: it no longer holds the key.'));
  });

  it('says why the key could not be revealed, in words', async () => {
    await detailsOpen({
      'portal:reveal-license-key': () => ({
        ok: false,
        error: { code: 'not_signed_in', message: 'Sign in to the customer portal again.' },
      }),
    });
    dialog().getByRole('button', { name: 'Reveal', hidden: true }).click();
    expect(await dialog().findByText('The key was not revealed: Sign in to the customer portal again.')).toBeTruthy();
    expect(dialog().queryByRole('textbox', { name: 'License key', hidden: true })).toBeNull();
  });
});

describe('renaming a license', () => {
  it('sends nothing for an empty name, and shows the renamed license once the portal saved it', async () => {
    const app = await detailsOpen({
      'portal:rename-license': ({ change }) => ok({ license: licenseOf({ nickname: change.nickname }) }),
    });
    dialog().getByRole('button', { name: 'Rename…', hidden: true }).click();
    expect(await dialog().findByDisplayValue('Primary')).toBeTruthy();
    typeInto('Nickname', '   ');
    dialog().getByRole('button', { name: 'Save name', hidden: true }).click();
    expect(await dialog().findByText('Give the license a name of 1 to 100 characters')).toBeTruthy();
    expect(app.main.channels()).not.toContain('portal:rename-license');

    typeInto('Nickname', '  Production 2027 ');
    dialog().getByRole('button', { name: 'Save name', hidden: true }).click();
    await waitFor(
      () =>
        expect(useToasts.getState().toasts.map((toast) => toast.title)).toContain(
          'Renamed “Primary” to “Production 2027”',
        ),
      { timeout: 10_000 },
    );
    expect(app.main.sent).toContainEqual({
      channel: 'portal:rename-license',
      input: { org: ORG, id: LICENSE, change: { nickname: 'Production 2027' } },
    });
    expect(app.queryClient.getQueryData(licensesQuery(ALICE.id, ORG).queryKey)?.[0]?.nickname).toBe('Production 2027');
    expect(screen.queryByLabelText('Nickname')).toBeNull();
  });

  it('says why the portal refused (a Member), and keeps the old name', async () => {
    const app = await detailsOpen({
      'portal:rename-license': () => ({
        ok: false,
        error: { code: 'forbidden', message: 'Only an Owner of Acme Corp can rename licenses.' },
      }),
    });
    dialog().getByRole('button', { name: 'Rename…', hidden: true }).click();
    await dialog().findByDisplayValue('Primary');
    typeInto('Nickname', 'Other');
    dialog().getByRole('button', { name: 'Save name', hidden: true }).click();
    expect(
      await dialog().findByText(
        'The portal refused to rename the license: Only an Owner of Acme Corp can rename licenses.',
      ),
    ).toBeTruthy();
    expect(app.queryClient.getQueryData(licensesQuery(ALICE.id, ORG).queryKey)?.[0]?.nickname).toBe('Primary');
  });
});
