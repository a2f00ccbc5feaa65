import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import {
  STATUS_ADVICE,
  STATUS_KINDS,
  STATUS_MEANINGS,
  STATUS_WORDS,
  statusKindOfValue,
  type StatusKind,
} from '../../store/instance-status';
import { notCountingHeadline, STATUS_HEADLINES, STATUS_SEVERITY } from './next-action-words';

export type Severity = 'critical' | 'warning' | 'ok';

/** What the banner's one button does. */
export type NextActionKind =
  | 'refresh'
  | 'edit'
  | 'install'
  | 'install_renewed'
  | 'renew'
  | 'buy_seats'
  | 'review_install_id'
  | 'review_licenses'
  | 'review_warnings';

export interface NextAction {
  severity: Severity;
  /** One line; a date it leads to follows it (`at`), written the app's way. */
  headline: string;
  at: { iso: string; style: 'days' | 'ago' } | null;
  /** The detail behind "Why?"; null when the headline says it all. */
  why: string | null;
  /** The other things that need attention, worst first (their headlines). */
  also: string[];
  /** The one button; null when all is well. */
  action: { kind: NextActionKind; label: string } | null;
  /** The signal it comes from, for technical details. */
  code: string;
}

/** A license renewed in the customer portal whose key is not installed on the instance. */
export interface PendingRenewal {
  licenseName: string;
}

type Candidate = Omit<NextAction, 'also'>;

const RANK: Record<Severity, number> = { critical: 0, warning: 1, ok: 2 };

const RENEW = { kind: 'renew', label: 'Renew' } as const;
const BUY_SEATS = { kind: 'buy_seats', label: 'Buy seats' } as const;
const REFRESH = { kind: 'refresh', label: 'Refresh' } as const;
const EDIT = { kind: 'edit', label: 'Edit connection' } as const;
const REVIEW_LICENSES = { kind: 'review_licenses', label: 'Review licenses' } as const;

/** Read failures the connection's settings (address, token, CA) fix, not a later Refresh. */
const CONNECTION_PROBLEMS = new Set(['unauthorized', 'forbidden', 'tls', 'config', 'not_found']);

const worse = (a: Severity, b: Severity): Severity => (RANK[a] <= RANK[b] ? a : b);

function overCapacity(detail: InstanceDetail): boolean {
  const { usage, licensed } = detail.instance;
  if (usage === null || licensed === null) return false;
  return usage.internalUsers > licensed.internalUsers || usage.externalUsers > licensed.externalUsers;
}

/** The worse of authentik's live and cached status (the cached one is what it enforces). */
export function worstStatus(detail: InstanceDetail): StatusKind {
  const { status, statusCached, state } = detail.instance;
  const kinds = [status, statusCached]
    .filter((value) => value !== null)
    .map((value) => statusKindOfValue(value, state));
  if (kinds.length === 0) return statusKindOfValue(null, state);
  return kinds.reduce((a, b) => (STATUS_KINDS.indexOf(a) <= STATUS_KINDS.indexOf(b) ? a : b));
}

/**
 * authentik enforces a cached status worse than the live one (a key installed since, say) until it
 * recomputes it: it clears by itself, so the action is to read it again later, not to buy again.
 */
function cachedLag(detail: InstanceDetail): Candidate | null {
  const { status, statusCached, state } = detail.instance;
  if (status === null || statusCached === null) return null;
  const live = statusKindOfValue(status, state);
  const cached = statusKindOfValue(statusCached, state);
  if (STATUS_KINDS.indexOf(live) <= STATUS_KINDS.indexOf(cached) || STATUS_SEVERITY[cached] === 'ok') return null;
  return {
    severity: STATUS_SEVERITY[cached],
    headline: `authentik still enforces “${STATUS_WORDS[cached]}” until it recomputes its status (within 8 hours)`,
    at: null,
    why: `Its live status is “${STATUS_WORDS[live]}”: authentik enforces its cached status and recomputes it when it records usage, at most every 8 hours. Refresh later to see it change.`,
    action: REFRESH,
    code: `status-lag:${statusCached}->${status}`,
  };
}

function liveStatus(detail: InstanceDetail): StatusKind {
  return statusKindOfValue(detail.instance.status, detail.instance.state);
}

function statusCandidate(detail: InstanceDetail, kind: StatusKind, now: number): Candidate | null {
  if (kind === 'valid') return null;
  const expiry = detail.instance.latestValid;
  const dated = (kind === 'expired' || kind === 'expiry_soon') && expiry !== null;
  // Over the seats with unexpired licenses, more seats help; once the licenses expired, a renewal does.
  const unexpired = expiry !== null && Date.parse(expiry) > now;
  const seats = kind.startsWith('limit_exceeded') || (overCapacity(detail) && unexpired);
  const action =
    kind === 'unlicensed'
      ? ({ kind: 'install', label: 'Install a license key' } as const)
      : kind === 'unknown' || kind === 'never'
        ? REFRESH
        : seats
          ? BUY_SEATS
          : RENEW;
  // Users warned over the seats: when read-only comes at the latest.
  const readOnly = kind.startsWith('limit_exceeded')
    ? (detail.overCapacityOutlook?.steps.find((step) => step.kind === 'read_only') ?? null)
    : null;
  return {
    severity: STATUS_SEVERITY[kind],
    headline: readOnly === null ? STATUS_HEADLINES[kind] : `${STATUS_HEADLINES[kind]}: read-only at the latest`,
    at: dated ? { iso: expiry, style: 'days' } : readOnly === null ? null : { iso: readOnly.latest, style: 'days' },
    why: `${STATUS_MEANINGS[kind]} ${STATUS_ADVICE[kind]}`,
    action,
    code: `status:${kind}`,
  };
}

function unreachable(detail: InstanceDetail, lastKnown: StatusKind): Candidate | null {
  const last = detail.instance.lastRefresh;
  if (last === null || last.ok) return null;
  const code = last.error?.code ?? 'unknown';
  const known = detail.readAt !== null || detail.instance.statusSource === 'last_known';
  return {
    // What was last known may be worse than not knowing.
    severity: worse('warning', known ? STATUS_SEVERITY[lastKnown] : 'warning'),
    headline: 'Unreachable: the latest read failed',
    at: { iso: last.at, style: 'ago' },
    why:
      `${last.error?.message ?? 'The instance did not answer.'} ` +
      (known
        ? 'The page shows the last known data, which may be out of date.'
        : 'Nothing has been read from it, so its licenses are not shown.'),
    action: CONNECTION_PROBLEMS.has(code) ? EDIT : REFRESH,
    code: `unreachable:${code}`,
  };
}

function readOnlyRisk(detail: InstanceDetail): Candidate | null {
  const outlook = detail.overCapacityOutlook;
  if (outlook === null && !overCapacity(detail)) return null;
  const readOnly = outlook?.steps.find((step) => step.kind === 'read_only') ?? null;
  const now = outlook?.atOnce ?? 'no';
  return {
    severity: now === 'no' ? 'warning' : 'critical',
    headline:
      now === 'yes'
        ? 'The users exceed the licensed seats: authentik is read-only'
        : now === 'maybe'
          ? 'The users exceed the licensed seats: authentik may be read-only already'
          : readOnly === null
            ? 'The users exceed the licensed seats'
            : 'The users exceed the licensed seats: read-only at the latest',
    at: now === 'no' && readOnly !== null ? { iso: readOnly.latest, style: 'days' } : null,
    why: 'Buy more seats and install the new key, or deactivate users until they fit. The timeline shows each step authentik takes.',
    action: BUY_SEATS,
    code: 'over-capacity',
  };
}

function warningCandidates(detail: InstanceDetail): Candidate[] {
  const candidates: Candidate[] = detail.warnings.map((warning): Candidate => {
    const base = { at: null, why: warning.message, code: `warning:${warning.kind}` };
    switch (warning.kind) {
      case 'install_id_changed':
        return {
          ...base,
          severity: 'critical',
          headline: 'The Install ID changed: keys issued for the old one no longer count',
          action: { kind: 'review_install_id', label: 'Review Install ID' },
        };
      case 'duplicate_key':
        return { ...base, severity: 'warning', headline: 'A key is installed twice', action: REVIEW_LICENSES };
      case 'trial_only':
        return { ...base, severity: 'warning', headline: 'A trial key is about to be the only license', action: RENEW };
      case 'clock_skew':
        return { ...base, severity: 'warning', headline: 'The server’s clock is off', action: REFRESH };
    }
  });
  const notCounting = detail.licenses.filter((license) => !license.verdict.valid);
  if (notCounting.length > 0)
    candidates.push({
      severity: 'warning',
      headline: notCountingHeadline(notCounting),
      at: null,
      why: notCounting.map((license) => `${license.name}: ${license.verdict.message}`).join(' '),
      action: REVIEW_LICENSES,
      code: `license-verdicts:${[...new Set(notCounting.map((license) => license.verdict.reason))].join(',')}`,
    });
  const reported = detail.instance.warnings.filter(
    (warning) => !detail.warnings.some((known) => known.message === warning),
  );
  if (reported.length > 0)
    candidates.push({
      severity: 'warning',
      headline:
        reported.length === 1
          ? 'authentik’s status has a warning'
          : `authentik’s status has ${reported.length} warnings`,
      at: null,
      why: reported.join(' '),
      action: { kind: 'review_warnings', label: 'Review warnings' },
      code: 'report-warnings',
    });
  return candidates;
}

function renewalCandidate(renewal: PendingRenewal | null, status: StatusKind): Candidate | null {
  if (renewal === null) return null;
  const expiring = ['expiry_soon', 'expired', 'read_only', 'invalid'].includes(status);
  return {
    severity: expiring ? STATUS_SEVERITY[status] : 'warning',
    headline: 'A renewed license is waiting to be installed',
    at: null,
    why: `“${renewal.licenseName}” was renewed in the customer portal; the instance still runs on its older key and expires on the old date.`,
    action: { kind: 'install_renewed', label: 'Install renewed license' },
    code: 'renewed-not-installed',
  };
}

function allWell(detail: InstanceDetail): Candidate {
  const expiry = detail.instance.latestValid;
  return {
    severity: 'ok',
    headline: expiry === null ? 'All well' : 'All well: licensed until',
    at: expiry === null ? null : { iso: expiry, style: 'days' },
    why: null,
    action: null,
    code: 'ok',
  };
}

/** The monitoring state main computed, as a floor: the banner is never calmer than the instance's state. */
function stateFloor(detail: InstanceDetail): Candidate | null {
  const { state } = detail.instance;
  if (state === 'ok' || state === 'never') return null;
  return {
    severity: state === 'critical' ? 'critical' : 'warning',
    headline: 'Needs attention: see the status and warnings below',
    at: null,
    why: null,
    action: REFRESH,
    code: `state:${state}`,
  };
}

/**
 * The one next action on an instance, from every signal on its page: no token, a failed read, a changed
 * Install ID, a renewed key not installed, authentik's status (the worse of live and cached), the users
 * over the seats and when read-only comes, the warnings and licenses that are not valid. The worst comes
 * first (critical, then warning; among equals in that order); the others are listed as `also`. "All well"
 * only when no signal is amber or red.
 */
export function nextAction(detail: InstanceDetail, renewal: PendingRenewal | null, now: number): NextAction {
  const status = worstStatus(detail);
  const noToken: Candidate | null = detail.hasToken
    ? null
    : {
        severity: 'critical',
        headline: 'No API token is saved: the instance cannot be read',
        at: null,
        why: 'Enter its API token under Edit connection.',
        action: EDIT,
        code: 'no-token',
      };
  const failed = unreachable(detail, status);
  const candidates = [
    noToken,
    failed,
    ...warningCandidates(detail).filter((candidate) => candidate.severity === 'critical'),
    renewalCandidate(renewal, status),
    failed === null ? (cachedLag(detail) ?? statusCandidate(detail, status, now)) : null,
    failed === null && cachedLag(detail) !== null ? statusCandidate(detail, liveStatus(detail), now) : null,
    STATUS_SEVERITY[status] === 'critical' ? null : readOnlyRisk(detail),
    ...warningCandidates(detail).filter((candidate) => candidate.severity !== 'critical'),
    stateFloor(detail),
  ].filter((candidate) => candidate !== null);
  // Stable: among equal severities the order above decides.
  const sorted = [...candidates].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const [first, ...rest] = sorted;
  if (first === undefined) return { ...allWell(detail), also: [] };
  const others = rest.filter((candidate) => candidate.code !== `state:${detail.instance.state}`);
  return { ...first, also: others.map((candidate) => candidate.headline) };
}
