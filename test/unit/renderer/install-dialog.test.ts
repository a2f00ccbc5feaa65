// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import type { InstallPreflightView } from '../../../shared/instances/install-preflight-view';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { dashboardNoticeShown, useDashboardScreen } from '../../../renderer/features/dashboard/dashboard-screen';
import { InstallDialog } from '../../../renderer/features/install/InstallDialog';
import { useInstallScreen } from '../../../renderer/features/install/install-screen';
import { instanceScreen, listAnswer, press, typeInto } from './instance-screen-fixtures';
import { deferred, INSTANCE, ok, preflightOf, ROW } from './portal-licenses-fixtures';
import { eventfulMain } from './query-screen';

const KEY = 'eyJhbGciOiJFUzUxMiJ9.payload.signature';
const PREFLIGHT: InstallPreflightView = preflightOf(null);
const OUTCOME: ChannelOutput<'instances:install-key'> = {
  installed: true,
  reason: 'ok',
  message: 'Installed.',
  warnings: [],
  instance: ROW,
  cumulativeExpiry: '2027-11-29T09:00:00.000Z',
  authentikExpiry: null,
};
const refused = (message: string) => ({ ok: false as const, error: { code: 'connection_failed' as const, message } });

/** The dialog open on ROW, with the key typed in. */
async function keyTyped(main: ReturnType<typeof eventfulMain>) {
  const app = instanceScreen(h(InstallDialog, { onLateOutcome: dashboardNoticeShown }), main);
  useInstallScreen.getState().installDialogOpened(INSTANCE, 'Primary');
  await screen.findByRole('heading', { name: 'Install a license on Primary' });
  typeInto('License key', `  ${KEY}  `);
  return app;
}

describe('the install dialog', () => {
  it('checks the key, shows the preflight, then installs exactly once and shows the outcome', async () => {
    const main = eventfulMain({
      'instances:list': listAnswer(),
      'instances:preflight-install': () => ok(PREFLIGHT),
      'instances:install-key': () => ok(OUTCOME),
    });
    await keyTyped(main);
    press('Check');
    await screen.findByRole('button', { name: 'Install' });
    expect(main.sent).toEqual([
      { channel: 'instances:preflight-install', input: { id: INSTANCE, key: KEY, replaces: null } },
    ]);
    // Checked: the key is hidden from now on.
    expect(screen.getByRole('textbox', { name: 'License key (hidden)' })).toBeTruthy();
    press('Install');
    await screen.findByRole('button', { name: 'Done' });
    expect(main.sent.filter((request) => request.channel === 'instances:install-key')).toEqual([
      { channel: 'instances:install-key', input: { id: INSTANCE, key: KEY, allowOverCapacity: false, replaces: null } },
    ]);
    // The key leaves memory once installed.
    const dialog = useInstallScreen.getState().dialog;
    expect(dialog.open && dialog.key).toBe('');
  });

  it('says in main’s words why the key could not be checked, and stays on the key', async () => {
    const main = eventfulMain({ 'instances:preflight-install': () => refused('Primary did not answer.') });
    await keyTyped(main);
    press('Check');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Primary did not answer.'));
    expect(screen.getByRole('button', { name: 'Check' })).toBeTruthy();
  });

  it('drops a preflight for a key that was changed while it was checked', async () => {
    const late = deferred<ReturnType<typeof ok<InstallPreflightView>>>();
    const main = eventfulMain({ 'instances:preflight-install': () => late.promise });
    await keyTyped(main);
    press('Check');
    await screen.findByRole('button', { name: 'Checking…' });
    typeInto('License key', 'another.key.entirely');
    late.resolve(ok(PREFLIGHT));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Check' })).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Install' })).toBeNull();
    expect(useInstallScreen.getState().dialog).toMatchObject({ key: 'another.key.entirely', flow: { step: 'key' } });
  });

  it('offers Install anyway only after consent to exceed the seats, and sends that consent', async () => {
    const overCapacity: InstallPreflightView = {
      ...PREFLIGHT,
      action: 'refuse',
      reason: 'over_capacity',
      overCapacity: {
        readOnlyAtOnce: 'no',
        readOnlyNow: false,
        lastValid: { never: false, notBefore: null, notAfter: null },
        steps: [],
      },
    };
    const main = eventfulMain({
      'instances:list': listAnswer(),
      'instances:preflight-install': () => ok(overCapacity),
      'instances:install-key': () => ok(OUTCOME),
    });
    await keyTyped(main);
    press('Check');
    await screen.findByRole('button', { name: 'Install anyway' });
    press('Install anyway');
    expect(main.count('instances:install-key')).toBe(0);
    const consent = screen.getByRole('checkbox');
    consent.click();
    press('Install anyway');
    await screen.findByRole('button', { name: 'Done' });
    expect(main.sent.at(-1)).toEqual({
      channel: 'instances:install-key',
      input: { id: INSTANCE, key: KEY, allowOverCapacity: true, replaces: null },
    });
  });

  it('closed while installing: the outcome is said on the dashboard', async () => {
    const late = deferred<ReturnType<typeof ok<typeof OUTCOME>>>();
    const main = eventfulMain({
      'instances:list': listAnswer(),
      'instances:preflight-install': () => ok(PREFLIGHT),
      'instances:install-key': () => late.promise,
    });
    await keyTyped(main);
    press('Check');
    await screen.findByRole('button', { name: 'Install' });
    press('Install');
    await screen.findByRole('button', { name: 'Installing…' });
    press('Cancel');
    late.resolve(ok(OUTCOME));
    await waitFor(() =>
      expect(useDashboardScreen.getState().outcome).toEqual({
        tone: 'notice',
        text: 'Installed a license on Primary.',
      }),
    );
    expect(useInstallScreen.getState().dialog.open).toBe(false);
  });
});
