// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  INITIAL_LICENSE_INSTALL_SCREEN,
  useLicenseInstallScreen,
} from '../../../renderer/features/portal-licenses/license-install-screen';
import { LicenseInstallDialog } from '../../../renderer/features/portal-licenses/LicenseInstallDialog';
import { instancesQuery } from '../../../renderer/queries/instance-list';
import { deferred, INSTANCE, LICENSE, ok, ORG, preflightOf, ROW, type Answers } from './portal-licenses-fixtures';
import { portalScreen } from './portal-screen';

afterEach(() => useLicenseInstallScreen.setState(INITIAL_LICENSE_INSTALL_SCREEN, true));

const TARGET = {
  orgId: ORG,
  licenseId: LICENSE,
  licenseName: 'Primary',
  instanceId: INSTANCE,
  instanceName: 'Primary',
};
const INSTALLED = {
  installed: true,
  reason: 'ok',
  message: 'Installed.',
  warnings: [],
  instance: { ...ROW, version: '2026.8.4' },
  cumulativeExpiry: null,
  authentikExpiry: null,
};
const REPLACES = { licenseUuid: '55555555-5555-4555-8555-555555555555', name: 'Primary 2026' };

const dialog = () => within(screen.getByRole('dialog', { name: 'Install “Primary” into Primary', hidden: true }));
const step = () =>
  screen.getByRole('dialog', { hidden: true }).querySelector('.install-dialog')?.getAttribute('data-step');
const opened = () => act(() => useLicenseInstallScreen.getState().licenseInstallOpened(TARGET));
const closed = () => act(() => useLicenseInstallScreen.getState().licenseInstallClosed());

/** The install dialog over main, open on TARGET once the preflight answered. */
async function preflighted(answers: Answers = {}) {
  const noticeElsewhere = vi.fn<(text: string) => void>();
  const app = await portalScreen(h(LicenseInstallDialog, { noticeElsewhere }), {
    'instances:list': () => ok({ instances: [ROW], dataNotices: [] }),
    'portal:preflight-license-install': () => ok(preflightOf(REPLACES)),
    'portal:install-license': () => ok(INSTALLED),
    ...answers,
  });
  opened();
  await waitFor(() => expect(step()).toBe('preflight'));
  return {
    ...app,
    noticeElsewhere,
    installs: () =>
      app.main.sent.filter((request) => request.channel === 'portal:install-license').map((request) => request.input),
  };
}

describe('"Install into <instance>" of a portal license', () => {
  it('asks main for the preflight without choosing what it replaces, and installs exactly as the preflight said: replacing the license it named', async () => {
    const app = await preflighted();
    expect(
      app.main.sent
        .filter((request) => request.channel === 'portal:preflight-license-install')
        .map((request) => request.input),
    ).toEqual([{ org: ORG, id: LICENSE, instanceId: INSTANCE, accountId: null }]);
    expect(dialog().getByText(/The renewed key replaces “Primary 2026”/)).toBeTruthy();
    fireEvent.click(dialog().getByRole('button', { name: 'Replace key', hidden: true }));
    await waitFor(() => expect(step()).toBe('outcome'));
    expect(app.installs()).toEqual([
      {
        org: ORG,
        id: LICENSE,
        instanceId: INSTANCE,
        allowOverCapacity: false,
        replaces: REPLACES.licenseUuid,
        accountId: null,
      },
    ]);
    expect(app.noticeElsewhere).not.toHaveBeenCalled();
  });

  it('installs beside the other keys when the preflight names nothing to replace', async () => {
    const app = await preflighted({ 'portal:preflight-license-install': () => ok(preflightOf(null)) });
    fireEvent.click(dialog().getByRole('button', { name: 'Install', hidden: true }));
    await waitFor(() => expect(step()).toBe('outcome'));
    expect(app.installs()).toEqual([
      { org: ORG, id: LICENSE, instanceId: INSTANCE, allowOverCapacity: false, replaces: null, accountId: null },
    ]);
  });

  it('says why the preflight could not run, and Try again asks once more', async () => {
    let refusals = 1;
    const app = await portalScreen(h(LicenseInstallDialog, { noticeElsewhere: () => undefined }), {
      'portal:preflight-license-install': () =>
        refusals-- > 0
          ? { ok: false, error: { code: 'connection_failed', message: 'The instance did not answer.' } }
          : ok(preflightOf(null)),
    });
    opened();
    await waitFor(() => expect(step()).toBe('problem'));
    expect(dialog().getByRole('alert', { hidden: true }).textContent).toBe(
      'Could not check “Primary” against Primary: The instance did not answer.',
    );
    fireEvent.click(dialog().getByRole('button', { name: 'Try again', hidden: true }));
    await waitFor(() => expect(step()).toBe('preflight'));
    expect(app.count('portal:preflight-license-install')).toBe(2);
  });

  it('checks again at each opening, never showing an earlier opening’s answer', async () => {
    const app = await preflighted();
    closed();
    opened();
    await waitFor(() => expect(app.count('portal:preflight-license-install')).toBe(2));
    await waitFor(() => expect(step()).toBe('preflight'));
  });

  it('closed while installing: the row is main’s answer, and the outcome goes to the dashboard', async () => {
    const answer = deferred<ReturnType<typeof ok<typeof INSTALLED>>>();
    const app = await preflighted({ 'portal:install-license': () => answer.promise });
    await app.queryClient.fetchQuery(instancesQuery);
    fireEvent.click(dialog().getByRole('button', { name: 'Replace key', hidden: true }));
    await waitFor(() => expect(app.count('portal:install-license')).toBe(1));
    closed();
    answer.resolve(ok(INSTALLED));
    await waitFor(() =>
      expect(app.noticeElsewhere).toHaveBeenCalledWith('Replaced “Primary 2026” with “Primary” on Primary.'),
    );
    expect(app.queryClient.getQueryData(instancesQuery.queryKey)?.instances[0]?.version).toBe('2026.8.4');
  });

  it('closed while installing, a refusal goes to the dashboard in words', async () => {
    const answer = deferred<{ ok: false; error: { code: 'forbidden'; message: string } }>();
    const app = await preflighted({ 'portal:install-license': () => answer.promise });
    fireEvent.click(dialog().getByRole('button', { name: 'Replace key', hidden: true }));
    await waitFor(() => expect(app.count('portal:install-license')).toBe(1));
    closed();
    answer.resolve({ ok: false, error: { code: 'forbidden', message: 'Only an Owner can install.' } });
    await waitFor(() =>
      expect(app.noticeElsewhere).toHaveBeenCalledWith(
        'The portal refused to install “Primary” on Primary: Only an Owner can install.',
      ),
    );
  });
});
