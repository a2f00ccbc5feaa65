import type { InstallPreflightView } from '../../../shared/instances/install-preflight-view';
import { REASON_TITLES } from '../verify/check-words';

export type DecisionTone = 'ok' | 'warn' | 'bad';

/** The preflight's decision as a heading, naming the instance (and, for a renewal, the license it replaces). */
export function decisionTitle(preflight: InstallPreflightView, name: string, replaces: string | null): string {
  if (preflight.action === 'send') return replaces === null ? `Ready to install on ${name}` : `Ready to replace “${replaces}” on ${name}`;
  if (preflight.action === 'already_installed') return `Already installed on ${name}`;
  if (preflight.reason === 'over_capacity') return `Too few seats: ${name} would turn read-only`;
  if (preflight.reason === 'forbidden') return `The key cannot be checked against ${name}`;
  const title = preflight.reason === null ? undefined : (REASON_TITLES as Record<string, string | undefined>)[preflight.reason];
  return title === undefined ? 'Not installable' : `Not installable: ${title}`;
}

export function decisionTone(preflight: InstallPreflightView): DecisionTone {
  if (preflight.action === 'send') return preflight.warnings.length > 0 ? 'warn' : 'ok';
  return preflight.action === 'already_installed' ? 'warn' : 'bad';
}

/** Whether "after installing" figures mean anything: only when the key could be installed. */
export function wouldInstall(preflight: InstallPreflightView): boolean {
  return preflight.action === 'send' || (preflight.action === 'refuse' && preflight.reason === 'over_capacity');
}

/** "12", or "12 — over capacity by 3" when the users in use exceed it (never colour alone). */
export function seatWords(licensed: number, used: number | null): { text: string; over: boolean } {
  const over = used !== null && used > licensed;
  return { text: over ? `${licensed.toLocaleString()} — over capacity by ${(used - licensed).toLocaleString()}` : licensed.toLocaleString(), over };
}
