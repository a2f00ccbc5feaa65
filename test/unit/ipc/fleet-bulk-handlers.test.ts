import { describe, expect, it } from 'vitest';
import type { AuditRecorder } from '../../../main/audit/audit-recorder';
import { fleetBulkHandlers } from '../../../main/ipc/handlers/fleet-bulk-handlers';
import type { InstanceRecord } from '../../../main/registry/instance-record';
import type { InstanceRecordPatch, InstanceRegistry } from '../../../main/registry/instance-registry';

const record = (id: string, tags: string[]): InstanceRecord =>
  ({ id, name: `Instance ${id}`, url: `https://${id}.example`, customer: null, tags }) as unknown as InstanceRecord;

function harness(records: InstanceRecord[]) {
  const log: string[] = [];
  const writes: ReadonlyMap<string, InstanceRecordPatch>[] = [];
  const audit: AuditRecorder = {
    run: async (attempt, work, outcomeOf) => {
      const name = 'instance' in attempt.target ? (attempt.target.instance?.name ?? '?') : '?';
      log.push(`attempt ${attempt.action} ${name}`);
      const value = await work();
      log.push(`outcome ${name}: ${outcomeOf(value).detail}`);
      return value;
    },
  };
  const registry = {
    list: () => records,
    updateMany: (patches: ReadonlyMap<string, InstanceRecordPatch>) => {
      log.push('registry write');
      writes.push(patches);
    },
  } as unknown as InstanceRegistry;
  const handlers = fleetBulkHandlers({ registry, monitor: { rows: () => [] }, audit, emit: () => undefined });
  return { handlers, log, writes };
}

describe('bulk Tag', () => {
  it('records an edit for every instance it changes, all attempts before the one write', async () => {
    const { handlers, log, writes } = harness([record('a', []), record('b', ['eu']), record('c', ['x'])]);
    await handlers['instances:tag']({ ids: ['a', 'b', 'c'], tag: 'eu', change: 'add' });
    expect(log).toEqual([
      'attempt instance.edit Instance a',
      'attempt instance.edit Instance c',
      'registry write',
      'outcome Instance c: changed: tags (added “eu”)',
      'outcome Instance a: changed: tags (added “eu”)',
    ]);
    expect([...(writes[0]?.keys() ?? [])]).toEqual(['a', 'c']);
  });

  it('records nothing and writes nothing when one instance cannot take the change', async () => {
    const { handlers, log } = harness([record('a', [])]);
    await expect(handlers['instances:tag']({ ids: ['a', 'gone'], tag: 'eu', change: 'add' })).rejects.toThrow(
      'no longer saved',
    );
    expect(log).toEqual([]);
  });
});
