// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createElement as h, Fragment } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditLine, AuditVerification } from '../../../shared/audit/audit-entry';
import { useAuditFilters } from '../../../renderer/features/audit/audit-filters';
import { AuditChainNotice, AuditChainStatus } from '../../../renderer/features/audit/AuditChainNotice';
import { AuditScreen } from '../../../renderer/features/audit/AuditScreen';
import { auditEventsWired } from '../../../renderer/ipc/events';
import { deferred, ok, type Answers } from './portal-licenses-fixtures';
import { eventfulMain, queryScreen } from './query-screen';

const INTACT: AuditVerification = { state: 'intact', entries: 4, firstAltered: null, message: '4 entries.' };
const ALTERED: AuditVerification = {
  state: 'altered',
  entries: 4,
  firstAltered: 2,
  message: 'Entry 3 does not follow entry 2.',
};

/** An entry at a moment of this computer's own calendar (the date fields are in its days). */
function line(
  number: number,
  local: [number, number, number, number, number],
  fields: Partial<AuditEntry> = {},
): AuditLine {
  const [year, month, day, hour, minute] = local;
  return {
    line: number,
    entry: {
      v: 1,
      time: new Date(year, month - 1, day, hour, minute).toISOString(),
      actor: { kind: 'os', name: 'alice' },
      action: 'license.install',
      target: { instance: { id: 'i-1', name: 'Prod', url: 'https://prod.example.com' } },
      fingerprint: null,
      result: 'attempted',
      detail: null,
      op: `op-${number}`,
      prev: '0'.repeat(64),
      ...fields,
    },
  };
}

const LINES: AuditLine[] = [
  line(1, [2026, 5, 1, 9, 0]),
  line(2, [2026, 5, 2, 23, 30], {
    action: 'instance.remove',
    target: { instance: { id: 'i-2', name: 'Edge', url: 'https://edge.example.com' } },
  }),
  { line: 3, entry: null },
  line(4, [2026, 5, 3, 0, 0], {
    actor: { kind: 'portal', name: 'owner@acme.example' },
    action: 'invitation.send',
    target: { organization: 'org-1' },
  }),
];

afterEach(() => useAuditFilters.setState(useAuditFilters.getInitialState(), true));

/** The header (status and notice) and the Audit screen, as the app draws them, over a main whose events are wired. */
async function auditScreen(answers: Answers = {}) {
  const main = eventfulMain({
    'audit:verify': () => ok({ verification: INTACT, unrecorded: [] }),
    'audit:list': () => ok({ verification: INTACT, unrecorded: [], lines: LINES }),
    ...answers,
  });
  const { queryClient } = queryScreen(
    h(Fragment, null, h(AuditChainStatus), h(AuditChainNotice), h(AuditScreen)),
    main,
  );
  auditEventsWired(main.client, queryClient);
  await screen.findByRole('region', { name: 'Audit entries' });
  return { main, queryClient };
}

/** The entry numbers the table shows, top to bottom. */
const shown = (): number[] =>
  within(screen.getByRole('region', { name: 'Audit entries' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => Number.parseInt(row.querySelector('th')?.textContent ?? '', 10));
const choose = (label: string, value: string): void =>
  void fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
const options = (label: string): string[] =>
  within(screen.getByLabelText(label, { exact: true }))
    .getAllByRole('option')
    .map((option) => option.getAttribute('value') ?? '');

describe('the Audit screen', () => {
  it('shows the newest entry first, damaged lines included, and offers the actions, instances and actors the trail holds', async () => {
    await auditScreen();
    expect(shown()).toEqual([4, 3, 2, 1]);
    expect(screen.getByText('4 entries')).toBeTruthy();
    expect(options('Action')).toEqual(['*', 'instance.remove', 'invitation.send', 'license.install']);
    expect(options('Instance')).toEqual(['*', 'Edge', 'Prod']);
    expect(options('Actor')).toEqual(['*', 'alice (this computer)', 'owner@acme.example (portal)']);
  });

  it('filters by action, instance, actor, and whole days of this computer, the last one included, without asking main', async () => {
    const { main } = await auditScreen();
    choose('Action', 'instance.remove');
    expect(shown()).toEqual([2]);
    expect(screen.getByText('1 of 4 entries')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    choose('Actor', 'owner@acme.example (portal)');
    expect(shown()).toEqual([4]);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    choose('Instance', 'Prod');
    expect(shown()).toEqual([1]);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    choose('From', '2026-05-02');
    choose('Until', '2026-05-02');
    expect(shown()).toEqual([2]);
    choose('From', '2026-05-03');
    choose('Until', '');
    expect(shown()).toEqual([4]);
    expect(main.count('audit:list')).toBe(1);
  });

  it('asks for the filters it shows when exporting, and says why an export failed', async () => {
    const { main } = await auditScreen({
      'audit:export': () => ({ ok: false as const, error: { code: 'internal_error' as const, message: 'disk full' } }),
    });
    choose('Action', 'license.install');
    choose('From', '2026-05-01');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect((await screen.findByText(/^Export failed/)).textContent).toBe('Export failed: disk full');
    expect(main.sent.at(-1)).toEqual({
      channel: 'audit:export',
      input: {
        format: 'csv',
        filters: {
          action: 'license.install',
          instance: null,
          actor: null,
          from: new Date(2026, 4, 1).toISOString(),
          until: null,
        },
      },
    });
  });

  it('says the trail could not be read, in main’s words', async () => {
    const main = eventfulMain({
      'audit:verify': () => ok({ verification: INTACT, unrecorded: [] }),
      'audit:list': () => ({
        ok: false as const,
        error: { code: 'internal_error' as const, message: 'audit.jsonl is not readable' },
      }),
    });
    queryScreen(h(AuditScreen), main);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The audit trail could not be read: audit.jsonl is not readable',
    );
  });
});

describe('the chain in the header', () => {
  it('keeps the newest answer: a check asked before the list does not overwrite the list’s verdict', async () => {
    const slow = deferred<ReturnType<typeof ok<{ verification: AuditVerification; unrecorded: string[] }>>>();
    const { queryClient } = await auditScreen({
      'audit:verify': () => slow.promise,
      'audit:list': () => ok({ verification: ALTERED, unrecorded: [], lines: LINES }),
    });
    await waitFor(() => expect(document.querySelector('.audit-status')?.textContent).toBe('altered'));
    await act(async () => slow.resolve(ok({ verification: INTACT, unrecorded: [] })));
    // Every answer is in, and has been drawn.
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    await act(() => new Promise((drawn) => setTimeout(drawn, 10)));
    expect(document.querySelector('.audit-status')?.textContent).toBe('altered');
    expect(screen.getByRole('region', { name: 'Chain: Altered' }).textContent).toContain(
      'nothing from entry 2 on can be relied on',
    );
    expect(screen.getByRole('alert').textContent).toContain('Entry 3 does not follow entry 2.');
  });

  it('is checked again when main records a change, and asks for attention when an outcome went unrecorded', async () => {
    let unrecorded: string[] = [];
    const { main } = await auditScreen({
      'audit:verify': () => ok({ verification: INTACT, unrecorded }),
      'audit:list': () => ok({ verification: INTACT, unrecorded, lines: LINES }),
    });
    expect(document.querySelector('.audit-status')?.textContent).toBe('intact');
    expect(screen.queryByRole('alert')).toBeNull();
    const listed = main.count('audit:list');
    unrecorded = ['The outcome of license.install (succeeded) could not be recorded'];
    act(() => main.emit('audit:did-change'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('could not be recorded'));
    // The screen on show reads its entries again too.
    expect(main.count('audit:list')).toBe(listed + 1);
    act(() => main.emit('instances:did-change'));
    await waitFor(() => expect(main.count('audit:list')).toBe(listed + 2));
  });
});
