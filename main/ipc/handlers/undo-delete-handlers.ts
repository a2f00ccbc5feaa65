import { osActor } from '../../audit/audit-actor';
import { installOnInstance, type InstallStepDeps } from '../../instances/install-steps';
import { UndoUnavailableError, type DeletedKeyHolder } from '../../instances/undo-delete';
import { answering } from '../answering/answering';
import type { Handlers } from '../handlers';
import { IpcError } from '../ipc-error';

/**
 * Undo of a license delete: the key main still holds is installed again through the same preflight and
 * install as any key (with the same over-capacity consent); past its 10 seconds, a clear refusal.
 */
export function undoDeleteHandlers(
  install: InstallStepDeps,
  deletedKeys: Pick<DeletedKeyHolder, 'use'>,
): Pick<Handlers, 'instances:undo-delete-license'> {
  return {
    'instances:undo-delete-license': async ({ id, undoId, allowOverCapacity = false }) =>
      answering(async () => {
        try {
          return await deletedKeys.use(id, undoId, (key) =>
            installOnInstance(install, id, key, { allowOverCapacity, replaces: null, actor: osActor() }),
          );
        } catch (error) {
          if (error instanceof UndoUnavailableError)
            throw new IpcError(error.code === 'too_late' ? 'not_found' : 'conflict', error.message);
          throw error;
        }
      }),
  };
}
