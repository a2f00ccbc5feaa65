import type { InstallPreflightView, OverCapacityView } from '../../../shared/instances/install-preflight-view';
import { REASON_TITLES } from '../check-words';
import { changeWords } from './verdict-line';

export type DecisionTone = 'ok' | 'warn' | 'bad';

/** What installing a key too small for the users does to authentik right away: it stays, turns or may turn read-only. */
export type ReadOnlyConsequence = 'stays' | 'turns' | 'may';

export function readOnlyConsequence(overCapacity: OverCapacityView | null): ReadOnlyConsequence {
  if (overCapacity?.readOnlyAtOnce === 'maybe') return 'may';
  return overCapacity?.readOnlyNow === true ? 'stays' : 'turns';
}

/** The consequence in the decision's title, the consent's heading and its checkbox. */
export const READ_ONLY_WORDS: Record<
  ReadOnlyConsequence,
  { title: string; consent: (name: string) => string; check: (name: string) => string }
> = {
  stays: {
    title: 'stays read-only',
    consent: (name) => `Installing anyway leaves ${name} read-only`,
    check: (name) => `I understand that ${name} stays read-only; install anyway`,
  },
  turns: {
    title: 'would turn read-only',
    consent: (name) => `Installing anyway makes ${name} read-only at once`,
    check: (name) => `I understand that ${name} turns read-only; install anyway`,
  },
  may: {
    title: 'may turn read-only',
    consent: (name) => `Installing anyway may make ${name} read-only at once`,
    check: (name) => `I understand that ${name} may turn read-only; install anyway`,
  },
};

/**
 * The preflight's verdict in one line, naming the instance (and, for a renewal, the license it replaces),
 * with what installing changes: "Ready to install on Berlin: expiry 12 Jan 2027 → 12 Jan 2028, seats 50 → 85".
 */
export function decisionTitle(preflight: InstallPreflightView, name: string, replaces: string | null): string {
  if (preflight.action === 'send')
    return `${replaces === null ? `Ready to install on ${name}` : `Ready to replace “${replaces}” on ${name}`}: ${changeWords(preflight)}`;
  if (preflight.action === 'already_installed') return `Nothing to install: already installed on ${name}`;
  if (preflight.reason === 'over_capacity')
    return `Too few seats: ${name} ${READ_ONLY_WORDS[readOnlyConsequence(preflight.overCapacity)].title}`;
  if (preflight.reason === 'forbidden') return `Can’t install: the key cannot be checked against ${name}`;
  const title =
    preflight.reason === null ? undefined : (REASON_TITLES as Record<string, string | undefined>)[preflight.reason];
  return title === undefined ? 'Can’t install' : `Can’t install: ${title}`;
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
  return {
    text: over
      ? `${licensed.toLocaleString()} — over capacity by ${(used - licensed).toLocaleString()}`
      : licensed.toLocaleString(),
    over,
  };
}
