// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { createElement, Fragment } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportPreviewRow } from '../../../shared/instances/fleet-import';
import { ImportInstancesButton, ImportInstancesDialog } from '../../../renderer/features/fleet-import/ImportInstances';
import { useImportScreen } from '../../../renderer/features/fleet-import/import-screen';
import { dashboardView } from './dashboard-view';
import { ok } from './portal-licenses-fixtures';
import { press } from './portal-screen';

afterEach(() => useImportScreen.setState({ open: false }));

const row = (number: number, name: string, extra: Partial<ImportPreviewRow> = {}): ImportPreviewRow => ({
  row: number,
  name,
  url: `https://${name.toLowerCase()}.example`,
  customer: null,
  tags: [],
  envVariable: null,
  tokenFromEnv: false,
  ca: null,
  allowHttp: false,
  problems: [],
  ...extra,
});

const PREVIEW: ImportPreview = {
  format: 'csv',
  refused: null,
  ignoredColumns: [],
  rows: [
    row(2, 'Alpha'),
    row(3, 'Beta', { envVariable: 'BETA_TOKEN', tokenFromEnv: true }),
    row(4, 'Gamma', { problems: ['Enter the address you open authentik at, like https://auth.example.com.'] }),
  ],
};

function openWith(preview: ImportPreview) {
  const view = dashboardView(
    createElement(Fragment, null, createElement(ImportInstancesButton), createElement(ImportInstancesDialog)),
    {
      'instances:import-preview': () => ok(preview),
      'instances:import': () =>
        ok({
          results: [
            { row: 2, name: 'Alpha', added: true, reason: null },
            { row: 3, name: 'Beta', added: false, reason: 'authentik refused the token.' },
          ],
        }),
    },
  );
  press('Import instances…');
  const file = new File(['name,url\n'], 'fleet.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText('Import file'), { target: { files: [file] } });
  return view;
}

const passwords = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('input[type="password"]')];

describe('the import dialog', () => {
  it('asks a token only for rows whose file names none, and sends each once with the import', async () => {
    const view = openWith(PREVIEW);
    await waitFor(() => expect(screen.getByText(/3 instances in the file/)).toBeTruthy(), { timeout: 10_000 });
    expect(screen.getByRole('list', { name: 'Problems of row 4' }).textContent).toContain('Enter the address');
    expect(screen.getByText('From the environment (BETA_TOKEN)')).toBeTruthy();
    expect(passwords().map((input) => input.getAttribute('aria-label'))).toEqual(['API token for Alpha']);

    press('Import 2 instances');
    expect(screen.getByRole('alert').textContent).toContain('Enter a token for every instance to import');
    expect(view.count('instances:import')).toBe(0);

    fireEvent.change(screen.getByLabelText('API token for Alpha'), { target: { value: ' typed-token ' } });
    press('Import 2 instances');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Added 1 of 2' })).toBeTruthy(), {
      timeout: 10_000,
    });
    const sent = view.main.sent.find((request) => request.channel === 'instances:import')?.input;
    expect(sent).toEqual({
      fileName: 'fleet.csv',
      text: 'name,url\n',
      rows: [2, 3],
      tokens: [{ row: 2, token: 'typed-token' }],
    });
    expect(screen.getByRole('list', { name: 'Not added' }).textContent).toBe('Beta: authentik refused the token.');
    expect(passwords()).toEqual([]);
  });

  it('takes one token for all when asked', async () => {
    const view = openWith({ ...PREVIEW, rows: [row(2, 'Alpha'), row(3, 'Delta')] });
    await waitFor(() => expect(screen.getByLabelText('Use the same token for all')).toBeTruthy(), { timeout: 10_000 });
    fireEvent.click(screen.getByLabelText('Use the same token for all'));
    expect(passwords().map((input) => input.getAttribute('aria-label'))).toEqual(['API token for all']);
    fireEvent.change(screen.getByLabelText('API token for all'), { target: { value: 'one' } });
    press('Import 2 instances');
    await waitFor(() => expect(view.count('instances:import')).toBe(1), { timeout: 10_000 });
    const sent = view.main.sent.find((request) => request.channel === 'instances:import')?.input as { tokens: unknown };
    expect(sent.tokens).toEqual([
      { row: 2, token: 'one' },
      { row: 3, token: 'one' },
    ]);
  });

  it('shows why a file is refused, and offers no import', async () => {
    openWith({ format: 'csv', refused: 'The file has a “token” column.', rows: [], ignoredColumns: [] });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The file has a “token” column.'), {
      timeout: 10_000,
    });
    expect(screen.getByRole('alert').textContent).toContain('nothing was imported');
    expect(screen.queryByRole('button', { name: /^Import \d/ })).toBeNull();
    await act(async () => undefined);
  });
});
