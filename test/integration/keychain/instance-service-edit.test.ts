import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createInstanceService } from '../../../main/instances/instance-service';
import { instanceAccount } from '../../../main/secrets/secret-store';
import { lastStatus } from '../../unit/registry/registry-fixtures';
import { closedPort } from '../instances/instance-fixtures';
import { instanceServiceFixtures } from './instance-service-fixtures';
import { vaultSecret } from './vault-reader';

const { fx, TOKEN, sim, setup } = await instanceServiceFixtures();

describe('instance service: editing, reading, removing, auditing', () => {
  it('gives the connection of a saved instance, token from the vault', async () => {
    const server = await sim();
    const { service } = await setup();
    const record = await service.add({ name: 'Prod', url: server.url, token: TOKEN });
    expect(await service.connectionFor(record.id)).toEqual({
      url: server.url,
      token: TOKEN,
      caPem: null,
      allowHttp: false,
    });
  });

  it('renames and retags without connecting; a rename onto another name is refused', async () => {
    const server = await sim();
    const { service } = await setup();
    const prod = await service.add({ name: 'Prod', url: server.url, token: TOKEN });
    await service.add({ name: 'Staging', url: server.url, token: TOKEN });
    const sent = server.requests.length;
    const renamed = await service.update(prod.id, { name: 'Production', tags: ['eu'], customer: 'ACME' });
    expect(renamed).toMatchObject({
      id: prod.id,
      name: 'Production',
      tags: ['eu'],
      customer: 'ACME',
      lastRefresh: prod.lastRefresh,
    });
    expect(server.requests.length).toBe(sent);
    await expect(service.update(prod.id, { name: 'STAGING' })).rejects.toMatchObject({ code: 'duplicate_name' });
  });

  it('replaces the token after testing it; a failing new token or URL keeps the old token and record', async () => {
    const server = await fx.sim({
      tokens: { [TOKEN]: { viewLicense: true }, 'second-token-abc': { viewLicense: true } },
    });
    const { dir, service, registry } = await setup();
    const record = await service.add({ name: 'Prod', url: server.url, token: TOKEN });
    const account = instanceAccount(record.id);

    await expect(service.update(record.id, { token: 'not-accepted-token' })).rejects.toMatchObject({
      name: 'InstanceError',
      code: 'unauthorized',
    });
    expect(vaultSecret(dir, account)).toBe(TOKEN);
    await expect(service.update(record.id, { url: `http://127.0.0.1:${await closedPort()}` })).rejects.toMatchObject({
      code: 'unreachable',
    });
    expect(registry.get(record.id)).toEqual(record);
    expect(vaultSecret(dir, account)).toBe(TOKEN);

    await service.update(record.id, { token: 'second-token-abc' });
    expect(vaultSecret(dir, account)).toBe('second-token-abc');
  });

  it('forgets the last known status when the address changes (it may be another server), and keeps it when only the token or name changes', async () => {
    const tokens = { [TOKEN]: { viewLicense: true }, 'second-token-ghi': { viewLicense: true } };
    const [first, second] = await Promise.all([fx.sim({ tokens }), fx.sim({ tokens })]);
    if (first === undefined || second === undefined) throw new Error('no simulator');
    const { service, registry } = await setup();
    const record = await service.add({ name: 'Moving', url: first.url, token: TOKEN });
    const known = lastStatus();
    registry.update(record.id, { lastStatus: known });

    await service.update(record.id, { token: 'second-token-ghi', name: 'Moved' });
    expect(registry.get(record.id)?.lastStatus).toEqual(known);
    await expect(service.update(record.id, { url: `http://127.0.0.1:${await closedPort()}` })).rejects.toMatchObject({
      code: 'unreachable',
    });
    expect(registry.get(record.id)?.lastStatus).toEqual(known);
    const moved = await service.update(record.id, { url: second.url });
    expect(moved).toMatchObject({ url: second.url, lastStatus: null });
    expect(registry.get(record.id)?.lastStatus).toBeNull();
  });

  it('restores the old token when the registry fails after the vault took the new one', async () => {
    const server = await fx.sim({
      tokens: { [TOKEN]: { viewLicense: true }, 'second-token-def': { viewLicense: true } },
    });
    const { dir, service, registry, secrets } = await setup();
    const record = await service.add({ name: 'Prod', url: server.url, token: TOKEN });
    const broken = createInstanceService({
      registry: {
        ...registry,
        update: () => {
          throw new Error('disk full');
        },
      },
      secrets,
    });
    await expect(broken.update(record.id, { token: 'second-token-def' })).rejects.toThrow('disk full');
    expect(vaultSecret(dir, instanceAccount(record.id))).toBe(TOKEN);
  });

  it('reports a saved instance whose token is gone from the vault, clearly', async () => {
    const server = await sim();
    const { service, secrets } = await setup();
    const record = await service.add({ name: 'Forgotten', url: server.url, token: TOKEN });
    await secrets.delete(instanceAccount(record.id));
    await expect(service.connectionFor(record.id)).rejects.toMatchObject({
      code: 'missing_token',
      message: expect.stringContaining('"Forgotten"'),
    });
    await expect(service.update(record.id, { url: server.url + '/other' })).rejects.toMatchObject({
      code: 'missing_token',
    });
  });

  it('remove deletes the token from the vault and the record', async () => {
    const server = await sim();
    const { dir, service, registry, fileText } = await setup();
    const record = await service.add({ name: 'Short-lived', url: server.url, token: TOKEN });
    expect(vaultSecret(dir, instanceAccount(record.id))).toBe(TOKEN);
    expect(await service.remove(record.id)).toEqual({ record: true, secret: true });
    expect(vaultSecret(dir, instanceAccount(record.id))).toBeNull();
    expect(registry.list()).toEqual([]);
    expect(JSON.parse(fileText())).toEqual({ instances: [], schemaVersion: 1 });
    await expect(service.remove(record.id)).rejects.toMatchObject({ code: 'unknown_instance' });
  });

  it('audit reports a token in the vault without a record, and a record without a token', async () => {
    const server = await sim();
    const { service, secrets } = await setup();
    const kept = await service.add({ name: 'Kept', url: server.url, token: TOKEN });
    const lost = await service.add({ name: 'Lost token', url: server.url, token: TOKEN });
    await secrets.delete(instanceAccount(lost.id));
    const orphan = instanceAccount(randomUUID());
    await secrets.set(orphan, 'left behind');

    // A portal account's tokens belong to no instance, and are no orphan either.
    await secrets.set(`portal:${randomUUID()}@portal.example.com`, 'portal tokens');

    const audit = await service.audit();
    expect(audit.missingSecrets).toEqual([lost.id]);
    // The folder's own vault: exactly its orphan, never a token whose instance is saved.
    expect(audit.orphanedSecrets).toEqual([orphan]);
    expect(audit.orphanedSecrets).not.toContain(instanceAccount(kept.id));

    // remove() clears an orphaned entry by its id.
    expect(await service.remove(orphan.slice('instance:'.length))).toEqual({ record: false, secret: true });
    expect((await service.audit()).orphanedSecrets).not.toContain(orphan);
  });
});
