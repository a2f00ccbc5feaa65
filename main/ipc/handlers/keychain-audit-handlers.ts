import type { InstanceService } from '../../instances/instance-service';
import type { InstanceRegistry } from '../../registry/instance-registry';
import { answering } from '../answering/answering';
import type { Handlers } from '../handlers';

/** The token vault and the saved instances out of step: report them, and delete the tokens no instance owns. */
export function keychainAuditHandlers(deps: {
  registry: InstanceRegistry;
  service: Pick<InstanceService, 'audit' | 'deleteOrphanedSecrets'>;
}): Pick<Handlers, 'instances:audit' | 'instances:delete-orphaned-tokens'> {
  return {
    'instances:audit': async () =>
      answering(async () => {
        const audit = await deps.service.audit();
        const names = new Map(deps.registry.list().map((record) => [record.id, record.name]));
        return {
          orphanedAccounts: audit.orphanedSecrets,
          missingTokens: audit.missingSecrets.flatMap((id) => {
            const name = names.get(id);
            return name === undefined ? [] : [{ id, name }];
          }),
        };
      }),
    'instances:delete-orphaned-tokens': async () =>
      answering(async () => ({ deleted: await deps.service.deleteOrphanedSecrets() })),
  };
}
