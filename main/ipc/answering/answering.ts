import { AuditWriteError } from '../../audit/audit-trail';
import { InstanceError } from '../../instances/instance-error';
import { InstanceServiceError } from '../../instances/instance-service-error';
import { RegistryError } from '../../registry/registry-store';
import { KeychainUnavailableError } from '../../secrets/secret-store';
import { IpcError } from '../ipc-error';

/** Turns what the services throw into the stable codes the page branches on. */
export async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AuditWriteError) throw new IpcError('audit_unwritable', error.refusal());
    if (error instanceof InstanceError) throw new IpcError('connection_failed', error.message);
    if (error instanceof KeychainUnavailableError) throw new IpcError('keychain_unavailable', error.message);
    if (error instanceof InstanceServiceError) {
      const code =
        error.code === 'duplicate_name'
          ? 'conflict'
          : error.code === 'unknown_instance'
            ? 'not_found'
            : error.code === 'missing_token'
              ? 'refused'
              : 'invalid_input';
      throw new IpcError(code, error.message);
    }
    if (error instanceof RegistryError) {
      const code =
        error.code === 'duplicate_name'
          ? 'conflict'
          : error.code === 'not_found'
            ? 'not_found'
            : error.code === 'invalid_record'
              ? 'invalid_input'
              : 'internal_error';
      throw new IpcError(code, error.message);
    }
    throw error;
  }
}
