import { describe, expect, it } from 'vitest';
import { instancePageFixtures } from './instance-page-fixtures';

const { app, sim, key, add } = await instancePageFixtures();

describe('deleting a license that leaves users without seats, and its Undo', () => {
  it('refuses the delete unless consented, then installs the deleted key again once, within 10 s', async () => {
    const under = await app();
    const server = await sim(under);
    server.addLicense(key(server.installId, 365, { name: 'Kept', internal_users: 10 }));
    const going = server.addLicense(key(server.installId, 365, { name: 'Going', internal_users: 5 }));
    const goingKey = server.installed().find((license) => license.licenseUuid === going)?.key;
    server.setUsers({ internal: 12, external: 0, internalJoinedLast30Days: 0 });
    const row = await add(under, server);

    const refused = await under.call('instances:delete-license', { id: row.id, licenseUuid: going });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'refused',
        message:
          'Deleting "Going" would leave users without a license (12 internal users against 10 seats); confirm that to delete it. Nothing was deleted.',
      },
    });
    expect(server.requests.filter((request) => request.method === 'DELETE')).toEqual([]);

    const deleted = await under.ok('instances:delete-license', {
      id: row.id,
      licenseUuid: going,
      allowOverCapacity: true,
    });
    expect(server.installed()).toHaveLength(1);
    expect(JSON.stringify(deleted)).not.toContain(goingKey);
    const undone = await under.ok('instances:undo-delete-license', { id: row.id, undoId: deleted.undoId });
    expect(undone.installed).toBe(true);
    expect(JSON.stringify(undone)).not.toContain(goingKey);
    expect(server.installed().map((license) => license.key)).toContain(goingKey);
    // Single use: the key was let go once installed again.
    const again = await under.call('instances:undo-delete-license', { id: row.id, undoId: deleted.undoId });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/^Too late/) },
    });
  });

  it('answers too late once the 10 seconds have passed, and installs nothing', async () => {
    const under = await app();
    const server = await sim(under);
    server.addLicense(key(server.installId, 365, { name: 'Kept', internal_users: 10 }));
    const going = server.addLicense(key(server.installId, 365, { name: 'Going', internal_users: 5 }));
    const row = await add(under, server);
    const { undoId } = await under.ok('instances:delete-license', { id: row.id, licenseUuid: going });
    await under.clock.advance(10_001);
    const late = await under.call('instances:undo-delete-license', { id: row.id, undoId });
    expect(late).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message:
          'Too late to undo: a deleted license’s key is kept for 10 seconds only. To get the license back, install its key again.',
      },
    });
    expect(server.installed()).toHaveLength(1);
    expect(server.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });
});
