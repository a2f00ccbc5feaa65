import { describe, expect, it } from 'vitest';
import type { AuditAttempt, AuditRecorder } from '../../../main/audit/audit-recorder';
import { InstanceError } from '../../../main/instances/instance-error';
import type { NewInstance } from '../../../main/instances/instance-service';
import { fleetImportHandlers } from '../../../main/ipc/handlers/fleet-import-handlers';
import type { InstanceRecord } from '../../../main/registry/instance-record';

const ENV_TOKEN = 'env-token-value';

function harness(failing: string, gate: Promise<void> = Promise.resolve()) {
  const saved: InstanceRecord[] = [];
  const attempts: AuditAttempt[] = [];
  const events: [string, unknown][] = [];
  const refreshed: string[][] = [];
  const audit: AuditRecorder = {
    run: async (attempt, work) => {
      attempts.push(attempt);
      return work();
    },
  };
  const handlers = fleetImportHandlers({
    registry: { list: () => saved },
    add: async (input: NewInstance) => {
      if (input.name === failing) throw new InstanceError('unreachable', 'The instance did not answer.');
      await gate;
      const record = { id: `id-${input.name}`, name: input.name, url: input.url } as InstanceRecord;
      saved.push(record);
      return record;
    },
    monitor: {
      refresh: async (ids) => {
        refreshed.push([...(ids ?? [])]);
        return [];
      },
    },
    audit,
    emit: (event, payload) => void events.push([event, payload]),
    check: { env: { ACME_TOKEN: ENV_TOKEN }, readFile: () => null },
  });
  return { handlers, saved, attempts, events, refreshed };
}

const FILE = {
  fileName: 'fleet.csv',
  text: 'name,url,token_env\nA,https://a.example,ACME_TOKEN\nB,https://b.example,\nC,https://c.example,\n',
};

describe('the import handlers', () => {
  it('preview reads and checks the file and changes nothing', async () => {
    const { handlers, saved, events } = harness('');
    const preview = await handlers['instances:import-preview'](FILE);
    expect(preview.rows.map((row) => [row.name, row.tokenFromEnv])).toEqual([
      ['A', true],
      ['B', false],
      ['C', false],
    ]);
    expect(JSON.stringify(preview)).not.toContain(ENV_TOKEN);
    expect(saved).toEqual([]);
    expect(events).toEqual([]);
  });

  it('adds each row through the audited add, reports the one that fails, and reads only the added ones again', async () => {
    const { handlers, saved, attempts, events, refreshed } = harness('B');
    const { results } = await handlers['instances:import']({
      ...FILE,
      rows: [2, 3, 4],
      tokens: [
        { row: 3, token: 'typed-b' },
        { row: 4, token: 'typed-c' },
      ],
    });
    expect(results).toEqual([
      { row: 2, name: 'A', added: true, reason: null },
      { row: 3, name: 'B', added: false, reason: 'The instance did not answer.' },
      { row: 4, name: 'C', added: true, reason: null },
    ]);
    expect(saved.map((record) => record.name)).toEqual(['A', 'C']);
    expect(attempts.map((attempt) => [attempt.action, attempt.target])).toEqual(
      ['A', 'B', 'C'].map((name) => [
        'instance.add',
        { instance: { id: null, name, url: `https://${name.toLowerCase()}.example` } },
      ]),
    );
    expect(refreshed).toEqual([['id-A', 'id-C']]);
    expect(events.filter(([event]) => event === 'instances:import-progress').at(-1)).toEqual([
      'instances:import-progress',
      { done: 3, total: 3 },
    ]);
    expect(events.at(-1)).toEqual(['instances:did-change', {}]);
    expect(JSON.stringify(results)).not.toMatch(/typed-|env-token/);
  });

  it('refuses a file that carries tokens, adding nothing', async () => {
    const { handlers, saved, attempts } = harness('');
    await expect(
      handlers['instances:import']({
        fileName: 'f.csv',
        text: 'name,url,secret\nA,https://a.example,x\n',
        rows: [2],
        tokens: [],
      }),
    ).rejects.toThrow('The file has a “secret” column.');
    expect(saved).toEqual([]);
    expect(attempts).toEqual([]);
  });

  it('refuses a second import while one runs, changing nothing, and takes one again once it is done', async () => {
    let open: () => void = () => undefined;
    const { handlers, saved, attempts } = harness('', new Promise<void>((resolve) => (open = resolve)));
    const first = handlers['instances:import']({ ...FILE, rows: [2], tokens: [] });
    await expect.poll(() => attempts.length).toBe(1);
    await expect(
      handlers['instances:import']({ ...FILE, rows: [3], tokens: [{ row: 3, token: 't' }] }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'An import is already running; wait for it to finish, then import again.',
    });
    expect(attempts).toHaveLength(1);
    open();
    expect((await first).results).toEqual([{ row: 2, name: 'A', added: true, reason: null }]);
    const again = await handlers['instances:import']({ ...FILE, rows: [3], tokens: [{ row: 3, token: 't' }] });
    expect(again.results).toEqual([{ row: 3, name: 'B', added: true, reason: null }]);
    expect(saved.map((record) => record.name)).toEqual(['A', 'B']);
  });
});
