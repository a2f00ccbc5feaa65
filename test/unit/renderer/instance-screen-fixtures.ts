import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement as h, type ReactElement } from 'react';
import { afterEach } from 'vitest';
import type { InstalledLicenseView, InstanceDetail } from '../../../shared/instances/instance-detail';
import { INITIAL_DASHBOARD_SCREEN, useDashboardScreen } from '../../../renderer/features/dashboard/dashboard-screen';
import { useEditInstanceScreen } from '../../../renderer/features/dashboard/edit-instance-screen';
import { INITIAL_INSTALL_SCREEN, useInstallScreen } from '../../../renderer/features/install/install-screen';
import { useInstanceScreen } from '../../../renderer/features/instance/instance-screen';
import { createAppQueryClient } from '../../../renderer/queries/query-client';
import { detailOf, FINGERPRINT, ok, ROW } from './portal-licenses-fixtures';
import type { eventfulMain } from './query-screen';

// jsdom has <dialog> but neither showModal() nor close(): enough of both for ModalDialog.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
};

// jsdom lays nothing out, so it has no scrollIntoView either: a dialog that scrolls its problem into view calls it.
Element.prototype.scrollIntoView = function scrollIntoView() {};

afterEach(() => {
  cleanup();
  // Screen state is per page: each test starts from a page never opened.
  useInstallScreen.setState(INITIAL_INSTALL_SCREEN, true);
  useDashboardScreen.setState(INITIAL_DASHBOARD_SCREEN, true);
  useInstanceScreen.setState({ notice: null, installIdCopied: null, deletion: null });
  useEditInstanceScreen.setState({ editingId: null });
});

export const LICENSE_UUID = '55555555-5555-4555-8555-555555555555';

export function installed(change: Partial<InstalledLicenseView> = {}): InstalledLicenseView {
  return {
    licenseUuid: LICENSE_UUID,
    name: 'Main seats',
    internalUsers: 50,
    externalUsers: 100,
    expiry: '2027-01-01T00:00:00.000Z',
    fingerprint: FINGERPRINT,
    flags: [],
    verdict: { valid: true, reason: 'ok', message: 'valid' },
    verdictByLocalClock: null,
    ...change,
  };
}

/** ROW's page as main answers it, with `licenses` installed. */
export const pageOf = (
  licenses: InstalledLicenseView[] = [installed()],
  change: Partial<InstanceDetail> = {},
): InstanceDetail => ({ ...detailOf(null), licenses, ...change });

/** The list main answers: ROW and `others`. */
export const listAnswer =
  (...others: (typeof ROW)[]) =>
  () =>
    ok({ instances: [ROW, ...others], dataNotices: [] });

/** `ui` drawn over `main` with a fresh query client, which the test can also read. */
export function instanceScreen(ui: ReactElement, main: ReturnType<typeof eventfulMain>) {
  const queryClient = createAppQueryClient(main.client);
  const view = render(h(QueryClientProvider, { client: queryClient }, ui));
  return {
    queryClient,
    rerender: (next: ReactElement) => view.rerender(h(QueryClientProvider, { client: queryClient }, next)),
  };
}

export function press(name: string | RegExp): void {
  fireEvent.click(screen.getByRole('button', { name }));
}

export function typeInto(label: string | RegExp, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}
