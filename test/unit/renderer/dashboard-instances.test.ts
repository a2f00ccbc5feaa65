// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createElement, Fragment } from 'react';
import { describe, expect, it } from 'vitest';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import { AddInstanceDialog } from '../../../renderer/features/dashboard/AddInstanceDialog';
import { DashboardActions } from '../../../renderer/features/dashboard/DashboardActions';
import { DashboardOutcome } from '../../../renderer/features/dashboard/DashboardOutcome';
import { FilterBar } from '../../../renderer/features/dashboard/FilterBar';
import { useDashboardScreen } from '../../../renderer/features/dashboard/dashboard-screen';
import { RefreshProgress } from '../../../renderer/features/dashboard/RefreshProgress';
import { RemoveInstanceDialog } from '../../../renderer/features/dashboard/RemoveInstanceDialog';
import { useDashboardRows } from '../../../renderer/features/dashboard/queries';
import { dashboardView } from './dashboard-view';
import { fleetRow } from './instance-rows';
import { deferred, ok } from './portal-licenses-fixtures';
import { press, typeInto } from './portal-screen';

const PRIMARY = fleetRow('Primary');
const BACKUP = fleetRow('Backup');
const listed = (instances: InstanceRow[]) => () => ok({ instances, dataNotices: [] });
const refused = (message: string) => () => ({
  ok: false as const,
  error: { code: 'internal_error' as const, message },
});

/** The rows as the dashboard would show them, names only. */
function RowNames() {
  const { rows } = useDashboardRows(Date.now());
  return createElement(
    'ul',
    { 'aria-label': 'rows' },
    ...rows.map((row) => createElement('li', { key: row.id }, row.name)),
  );
}

const dashboard = (...parts: (() => ReturnType<typeof createElement> | null)[]) =>
  createElement(Fragment, null, ...parts.map((part) => createElement(part)));
const names = (): string[] => screen.getByRole('list', { name: 'rows' }).textContent?.split(/(?=[A-Z])/) ?? [];

describe('the instance list', () => {
  it('is read once and shown; main’s instances:did-change reads it again', async () => {
    let rows = [PRIMARY];
    const view = dashboardView(dashboard(RowNames), { 'instances:list': () => listed(rows)() });
    await waitFor(() => expect(names()).toEqual(['Primary']));
    rows = [PRIMARY, BACKUP];
    act(() => view.emit('instances:did-change'));
    await waitFor(() => expect(names()).toEqual(['Primary', 'Backup']));
    expect(view.count('instances:list')).toBe(2);
  });

  it('is read again each time the dashboard opens, since aklm changes the data folder without main hearing of it', async () => {
    let rows = [PRIMARY];
    const view = dashboardView(dashboard(RowNames), { 'instances:list': () => listed(rows)() });
    await waitFor(() => expect(names()).toEqual(['Primary']));
    rows = [PRIMARY, BACKUP];
    view.unmount();
    render(createElement(QueryClientProvider, { client: view.queryClient }, dashboard(RowNames)));
    await waitFor(() => expect(names()).toEqual(['Primary', 'Backup']));
    expect(view.count('instances:list')).toBe(2);
  });

  it('is read once per opening: the filter bar, shown once the list answered, does not read it again', async () => {
    const view = dashboardView(dashboard(RowNames), { 'instances:list': listed([PRIMARY, BACKUP]) });
    await waitFor(() => expect(names()).toEqual(['Primary', 'Backup']));
    render(
      createElement(
        QueryClientProvider,
        { client: view.queryClient },
        createElement(FilterBar, { shown: 2, total: 2 }),
      ),
    );
    expect(screen.getByRole('search', { name: 'Filter instances' })).toBeDefined();
    await act(() => new Promise((settled) => setTimeout(settled, 50)));
    expect(view.count('instances:list')).toBe(1);
  });

  it('ignores an answer made out of date by a change main told of meanwhile', async () => {
    const late = deferred<ReturnType<ReturnType<typeof listed>>>();
    let answer: () => unknown = () => late.promise;
    const view = dashboardView(dashboard(RowNames), { 'instances:list': () => answer() as never });
    await waitFor(() => expect(view.count('instances:list')).toBe(1));
    answer = listed([BACKUP]);
    act(() => view.emit('instances:did-change'));
    await waitFor(() => expect(names()).toEqual(['Backup']));
    await act(async () => late.resolve(listed([PRIMARY])()));
    expect(names()).toEqual(['Backup']);
  });
});

describe('Refresh all', () => {
  it('asks main to read every instance, shows its progress as main tells it, then says how it went', async () => {
    const answered = deferred<ReturnType<ReturnType<typeof listed>>>();
    const failing = {
      ...BACKUP,
      lastRefresh: { at: '2026-11-29T09:05:00.000Z', ok: false, error: { code: 'unreachable', message: 'no answer' } },
    } as InstanceRow;
    const view = dashboardView(dashboard(DashboardActions, RefreshProgress, DashboardOutcome, RowNames), {
      'instances:list': listed([PRIMARY, BACKUP]),
      'instances:refresh': () => answered.promise as never,
    });
    await waitFor(() => expect(names()).toEqual(['Primary', 'Backup']));
    press('Refresh all');
    await waitFor(() => expect(view.main.sent).toContainEqual({ channel: 'instances:refresh', input: { ids: null } }));
    await waitFor(() => expect(screen.getByText('0 of 2')).toBeTruthy());
    act(() => view.emit('instances:refresh-progress', { done: 1, total: 2 }));
    expect(screen.getByText('1 of 2')).toBeTruthy();
    // A second press while it runs sends nothing.
    press('Refreshing…');
    expect(view.count('instances:refresh')).toBe(1);
    await act(async () => answered.resolve(ok({ instances: [PRIMARY, failing] }) as never));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Refreshed 2 instances; 1 instance could not be read (the reason is on each row).',
      ),
    );
    expect(screen.queryByText('1 of 2')).toBeNull();
  });

  it('says in main’s words why it failed', async () => {
    dashboardView(dashboard(DashboardActions, DashboardOutcome), {
      'instances:list': listed([PRIMARY]),
      'instances:refresh': refused('The registry could not be read.'),
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Refresh all' })).toBeTruthy());
    press('Refresh all');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Refresh all failed: The registry could not be read.'),
    );
  });
});

describe('adding an instance', () => {
  const open = () => act(() => useDashboardScreen.getState().addDialogOpened());

  it('sends nothing while a field is wrong, then sends the form and shows the instance added', async () => {
    const added = fleetRow('Tertiary');
    const view = dashboardView(dashboard(AddInstanceDialog, DashboardOutcome, RowNames), {
      'instances:list': listed([PRIMARY]),
      'instances:add': () => ok({ instance: added }),
    });
    await waitFor(() => expect(names()).toEqual(['Primary']));
    open();
    press('Test and save');
    expect(view.count('instances:add')).toBe(0);
    await waitFor(() => expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true'));
    typeInto('Name', 'Tertiary');
    typeInto('URL', 'https://tertiary.example.com');
    typeInto('API token', 'secret-token');
    press('Test and save');
    await waitFor(() => expect(screen.getByRole('status', { name: '' }).textContent).toContain('Added Tertiary.'));
    expect(view.main.sent.find((request) => request.channel === 'instances:add')?.input).toMatchObject({
      name: 'Tertiary',
      url: 'https://tertiary.example.com',
      token: 'secret-token',
    });
    expect(names()).toEqual(['Primary', 'Tertiary']);
    expect(useDashboardScreen.getState().add.open).toBe(false);
  });

  it('keeps the dialog open with main’s words when main refuses it', async () => {
    dashboardView(dashboard(AddInstanceDialog), {
      'instances:list': listed([]),
      'instances:add': refused('authentik did not accept this token.'),
    });
    open();
    typeInto('Name', 'Tertiary');
    typeInto('URL', 'https://tertiary.example.com');
    typeInto('API token', 'secret-token');
    press('Test and save');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'The instance was not added. authentik did not accept this token.',
      ),
    );
    expect(useDashboardScreen.getState().add.open).toBe(true);
  });
});

describe('removing an instance', () => {
  it('sends its id, drops its row and says what was deleted', async () => {
    const view = dashboardView(dashboard(RemoveInstanceDialog, DashboardOutcome, RowNames), {
      'instances:list': listed([PRIMARY, BACKUP]),
      'instances:remove': () => ok({}) as never,
    });
    await waitFor(() => expect(names()).toEqual(['Primary', 'Backup']));
    act(() => useDashboardScreen.getState().removeDialogOpened(PRIMARY.id));
    press('Remove Primary');
    await waitFor(() => expect(names()).toEqual(['Backup']));
    expect(view.main.sent).toContainEqual({ channel: 'instances:remove', input: { id: PRIMARY.id } });
    expect(screen.getByText('Removed Primary and deleted its API token from the token vault.')).toBeTruthy();
    expect(useDashboardScreen.getState().removalId).toBeNull();
  });

  it('keeps the confirmation open with main’s words when it fails', async () => {
    dashboardView(dashboard(RemoveInstanceDialog, RowNames), {
      'instances:list': listed([PRIMARY]),
      'instances:remove': refused('The token vault is locked.'),
    });
    await waitFor(() => expect(names()).toEqual(['Primary']));
    act(() => useDashboardScreen.getState().removeDialogOpened(PRIMARY.id));
    press('Remove Primary');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The token vault is locked.'));
    expect(names()).toEqual(['Primary']);
  });
});

describe('Export', () => {
  it('says in main’s words why it failed', async () => {
    dashboardView(dashboard(DashboardActions, DashboardOutcome), {
      'instances:list': listed([PRIMARY]),
      'instances:export': refused('The disk is full.'),
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export CSV' })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Export failed: The disk is full.'));
  });
});
