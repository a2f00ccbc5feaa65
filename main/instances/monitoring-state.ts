import { AUTHENTIK_STATUSES, type AuthentikStatus } from '../../shared/license/authentik-status';

/** The monitoring-plugin convention: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. */
export type ExitCode = 0 | 1 | 2 | 3;
export const STATE_NAMES: Record<ExitCode, string> = { 0: 'OK', 1: 'WARNING', 2: 'CRITICAL', 3: 'UNKNOWN' };

const STATUS_EXIT: Record<AuthentikStatus, ExitCode> = {
  valid: 0,
  expiry_soon: 1,
  limit_exceeded_admin: 1,
  unlicensed: 1,
  expired: 2,
  // Before 2024.8: over capacity, or every license expired.
  invalid: 2,
  limit_exceeded_user: 2,
  read_only: 2,
};

/** The exit a status value calls for; one this version does not know is UNKNOWN. */
export function exitForStatus(status: string): ExitCode {
  return (AUTHENTIK_STATUSES as readonly string[]).includes(status) ? STATUS_EXIT[status as AuthentikStatus] : 3;
}

const SEVERITY: Record<ExitCode, number> = { 0: 0, 1: 1, 3: 2, 2: 3 };

/** The worse of several states: CRITICAL, then UNKNOWN, then WARNING, then OK. */
export function worstExit(codes: readonly ExitCode[]): ExitCode {
  return codes.reduce<ExitCode>((worst, code) => (SEVERITY[code] > SEVERITY[worst] ? code : worst), 0);
}
