import type { TrustRoots } from '../license/trust-roots';
import { createInstanceClient, type InstanceConnection } from './instance-client';
import { InstanceError } from './instance-error';
import { statusFailure, statusReport, type StatusFailure, type StatusReport } from './status-report';

/** Reads one instance and judges it; a failure to read becomes an UNKNOWN report, never a throw. */
export async function readStatus(
  connection: InstanceConnection,
  roots: TrustRoots,
  now: () => number,
): Promise<StatusReport | StatusFailure> {
  try {
    const snapshot = await createInstanceClient(connection).readSnapshot();
    return statusReport(snapshot, roots, now());
  } catch (error) {
    if (error instanceof InstanceError) return statusFailure(connection.url, error.code, error.message);
    throw error;
  }
}
