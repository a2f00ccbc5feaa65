import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditLine, AuditVerification } from '../../../shared/audit/audit-entry';
import { selectAuditAttention, selectAuditChoices, selectVisibleLines } from '../../../renderer/store/audit-selectors';
import { createAuditTrailStore } from '../../../renderer/store/audit-trail';
import { deferred, ok, scriptedMain } from './portal-licenses-fixtures';

const INTACT: AuditVerification = { state: 'intact', entries: 4, firstAltered: null, message: '4 entries.' };

/** An entry at a moment of this computer's own calendar (the date fields are in its days). */
function line(number: number, local: [number, number, number, number, number], fields: Partial<AuditEntry> = {}): AuditLine {
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
  line(2, [2026, 5, 2, 23, 30], { action: 'instance.remove', target: { instance: { id: 'i-2', name: 'Edge', url: 'https://edge.example.com' } } }),
  { line: 3, entry: null },
  line(4, [2026, 5, 3, 0, 0], { actor: { kind: 'portal', name: 'owner@acme.example' }, action: 'invitation.send', target: { organization: 'org-1' } }),
];

async function listed() {
  const main = scriptedMain({ 'audit:list': () => ok({ verification: INTACT, unrecorded: [], lines: LINES }) });
  const store = createAuditTrailStore({ client: main.client });
  await store.getState().listRequested();
  return { store, main };
}

describe('the audit trail screen\'s store', () => {
  it('shows the newest entry first, damaged lines included, and offers the actions, instances and actors the trail holds', async () => {
    const { store } = await listed();
    expect(selectVisibleLines(store.getState()).map(({ line: number }) => number)).toEqual([4, 3, 2, 1]);
    expect(selectAuditChoices(store.getState())).toEqual({
      actions: ['instance.remove', 'invitation.send', 'license.install'],
      instances: ['Edge', 'Prod'],
      actors: ['alice (this computer)', 'owner@acme.example (portal)'],
    });
  });

  it('filters by action, instance, actor, and whole days of this computer, the last one included', async () => {
    const { store } = await listed();
    const shown = () => selectVisibleLines(store.getState()).map(({ line: number }) => number);
    store.getState().filterChanged({ action: 'instance.remove' });
    expect(shown()).toEqual([2]);
    store.getState().filtersCleared();
    store.getState().filterChanged({ actor: 'owner@acme.example (portal)' });
    expect(shown()).toEqual([4]);
    store.getState().filtersCleared();
    store.getState().filterChanged({ instance: 'Prod' });
    expect(shown()).toEqual([1]);
    store.getState().filtersCleared();
    store.getState().filterChanged({ fromDay: '2026-05-02', untilDay: '2026-05-02' });
    expect(shown()).toEqual([2]);
    store.getState().filterChanged({ fromDay: '2026-05-03', untilDay: '' });
    expect(shown()).toEqual([4]);
  });

  it('asks for the filters it shows when exporting', async () => {
    const { store, main } = await listed();
    main.answers['audit:export'] = () => ({ ok: false as const, error: { code: 'internal_error' as const, message: 'disk full' } });
    store.getState().filterChanged({ action: 'license.install', fromDay: '2026-05-01' });
    await store.getState().exportRequested('csv');
    expect(main.sent.at(-1)).toEqual({
      channel: 'audit:export',
      input: { format: 'csv', filters: { action: 'license.install', instance: null, actor: null, from: new Date(2026, 4, 1).toISOString(), until: null } },
    });
    expect(store.getState().problem).toBe('Export failed: disk full');
  });

  it('needs attention when the chain is altered or an outcome went unrecorded, and keeps the newest answer', async () => {
    const slow = deferred<ReturnType<typeof ok<{ verification: AuditVerification; unrecorded: string[] }>>>();
    const main = scriptedMain({
      'audit:verify': () => slow.promise,
      'audit:list': () => ok({ verification: { state: 'altered', entries: 4, firstAltered: 2, message: 'Entry 3 does not follow entry 2.' }, unrecorded: [], lines: LINES }),
    });
    const store = createAuditTrailStore({ client: main.client });
    const checking = store.getState().statusRequested();
    await store.getState().listRequested();
    slow.resolve(ok({ verification: INTACT, unrecorded: [] }));
    await checking;
    expect(store.getState().verification).toMatchObject({ state: 'altered', firstAltered: 2 });
    expect(selectAuditAttention(store.getState())).toBe(true);

    store.setState({ verification: INTACT, unrecorded: [] });
    expect(selectAuditAttention(store.getState())).toBe(false);
    store.setState({ unrecorded: ['The outcome of license.install (succeeded) could not be recorded'] });
    expect(selectAuditAttention(store.getState())).toBe(true);
  });
});
