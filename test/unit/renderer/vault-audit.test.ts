// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { createElement, Fragment } from 'react';
import { describe, expect, it } from 'vitest';
import { DeleteOrphansDialog } from '../../../renderer/features/dashboard/DeleteOrphansDialog';
import { KeychainAuditNotice } from '../../../renderer/features/dashboard/KeychainAuditNotice';
import { dashboardView } from './dashboard-view';
import { ok } from './portal-licenses-fixtures';
import { press } from './portal-screen';

const MISSING = { id: '00000000-0000-4000-8000-00000000aaaa', name: 'Primary' };
const audited =
  (orphanedAccounts: string[], missingTokens: { id: string; name: string }[] = []) =>
  () =>
    ok({ orphanedAccounts, missingTokens });
const vault = () =>
  createElement(Fragment, null, createElement(KeychainAuditNotice), createElement(DeleteOrphansDialog));
const region = () => screen.queryByRole('region', { name: 'Token vault' });

describe('the token vault’s audit', () => {
  it('tells of tokens without an instance and instances without a token', async () => {
    dashboardView(vault(), { 'instances:audit': audited(['old-1', 'old-2'], [MISSING]) });
    await waitFor(() => expect(region()?.textContent).toContain('2 tokens in the vault belong to no saved instance.'));
    expect(region()?.textContent).toContain('1 saved instance has no API token in the vault');
  });

  it('says nothing when the vault and the instances agree', async () => {
    const view = dashboardView(vault(), { 'instances:audit': audited([]) });
    await waitFor(() => expect(view.count('instances:audit')).toBe(1));
    await act(async () => undefined);
    expect(region()).toBeNull();
  });

  it('says in words why the vault could not be checked', async () => {
    dashboardView(vault(), {
      'instances:audit': () => ({
        ok: false as const,
        error: { code: 'internal_error' as const, message: 'The keychain is locked.' },
      }),
    });
    await waitFor(() =>
      expect(region()?.textContent).toContain(
        'The token vault could not be checked against the saved instances: The keychain is locked.',
      ),
    );
  });

  it('stays dismissed for the same findings, and comes back when main tells of a change that alters them', async () => {
    let orphans = ['old-1'];
    const view = dashboardView(vault(), { 'instances:audit': () => audited(orphans)() });
    await waitFor(() => expect(region()).not.toBeNull());
    press(/Dismiss/);
    expect(region()).toBeNull();
    act(() => view.emit('instances:did-change'));
    await waitFor(() => expect(view.count('instances:audit')).toBe(2));
    expect(region()).toBeNull();
    orphans = ['old-1', 'old-2'];
    act(() => view.emit('instances:did-change'));
    await waitFor(() => expect(region()?.textContent).toContain('2 tokens in the vault belong'));
  });

  it('deletes the orphaned tokens after a confirmation, says how many, and checks the vault again', async () => {
    let orphans = ['old-1', 'old-2'];
    const view = dashboardView(vault(), {
      'instances:audit': () => audited(orphans)(),
      'instances:delete-orphaned-tokens': () => {
        orphans = [];
        return ok({ deleted: 2 });
      },
    });
    await waitFor(() => expect(region()).not.toBeNull());
    press('Delete 2 orphaned tokens…');
    expect(screen.getByRole('heading', { name: 'Delete 2 orphaned tokens?' })).toBeTruthy();
    expect(view.count('instances:delete-orphaned-tokens')).toBe(0);
    press('Delete 2 tokens');
    await waitFor(() => expect(region()?.textContent).toContain('Deleted 2 orphaned tokens.'));
    await waitFor(() => expect(region()?.textContent).not.toContain('belong to no saved instance'));
    expect(view.count('instances:audit')).toBe(2);
  });

  it('keeps the confirmation open with the words when deleting fails, and shows what is left', async () => {
    let orphans = ['old-1', 'old-2'];
    const view = dashboardView(vault(), {
      'instances:audit': () => audited(orphans)(),
      'instances:delete-orphaned-tokens': () => {
        orphans = ['old-2'];
        return {
          ok: false as const,
          error: { code: 'internal_error' as const, message: 'The vault file could not be written.' },
        };
      },
    });
    await waitFor(() => expect(region()).not.toBeNull());
    press('Delete 2 orphaned tokens…');
    press('Delete 2 tokens');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Deleting the entries failed. The vault file could not be written.',
      ),
    );
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Delete 1 orphaned token?' })).toBeTruthy());
    expect(view.count('instances:audit')).toBe(2);
  });
});
