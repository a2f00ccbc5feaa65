import type { UserCounts } from '../../shared/license/capacity';
import type { LastValidBounds } from '../../shared/license/last-valid-bounds';
import type { OutlookStep, OutlookStepKind, ReadOnlyOutlook } from '../../shared/license/read-only-outlook';
import { DAY_MS } from '../../shared/time/durations';
import { toIsoUtc } from '../../shared/time/iso';

/** What the preflight found when the users would exceed the seats after the key. */
export interface OverCapacityFinding {
  usage: UserCounts;
  seatsAfter: UserCounts;
  /** authentik's last valid date, bounded from its status now and the app's history. */
  lastValid: LastValidBounds;
  outlook: ReadOnlyOutlook;
  /** authentik reports `read_only` now. */
  readOnlyNow: boolean;
  /** Epoch ms on the instance's clock. */
  now: number;
  /** Why some installed licenses add no seats (expired ones, by the release's rules); null when none is left out. */
  note: string | null;
}

const day = (ms: number): string => toIsoUtc(ms).slice(0, 10);

/** "40 internal users, 10 seats" (and the external ones when they exceed too): the counts that decide. */
function seatWords(usage: UserCounts, seats: UserCounts): string {
  const parts: string[] = [];
  if (usage.internalUsers > seats.internalUsers)
    parts.push(`${usage.internalUsers} internal users, ${seats.internalUsers} seats`);
  if (usage.externalUsers > seats.externalUsers)
    parts.push(`${usage.externalUsers} external users, ${seats.externalUsers} seats`);
  return parts.join('; ');
}

/** "With this key, 40 internal users exceed the 30 licensed." */
export function exceedWords(usage: UserCounts, seats: UserCounts): string {
  const parts: string[] = [];
  if (usage.internalUsers > seats.internalUsers)
    parts.push(`${usage.internalUsers} internal users exceed the ${seats.internalUsers} licensed`);
  if (usage.externalUsers > seats.externalUsers)
    parts.push(`${usage.externalUsers} external users exceed the ${seats.externalUsers} licensed`);
  return `With this key, ${parts.join(' and ')}.`;
}

/** Where authentik's last valid usage record lies, and what that rests on. */
export function lastValidWords(bounds: LastValidBounds, now: number): string {
  const { basis } = bounds;
  const seen = basis.history === null ? '' : `; the app read ${basis.history.status} on ${day(basis.history.at)}`;
  const source = `(it reports ${basis.status} now${seen})`;
  if (bounds.kind === 'never') return `authentik has no valid usage record ${source}`;
  const { notBefore, notAfter } = bounds;
  if (notBefore === null) {
    return notAfter >= now - DAY_MS
      ? `authentik's last valid usage record cannot be dated ${source}`
      : `authentik's last valid usage record is from before ${day(notAfter)} ${source}`;
  }
  const when =
    day(notBefore) === day(notAfter) ? `from ${day(notAfter)}` : `from between ${day(notBefore)} and ${day(notAfter)}`;
  return `authentik's last valid usage record is ${when} ${source}`;
}

/** Why authentik would be read-only right after the key, in one sentence. */
function readOnlyReason(finding: OverCapacityFinding): string {
  const { lastValid, outlook, now } = finding;
  const where = lastValidWords(lastValid, now);
  if (lastValid.kind === 'never')
    return `${where}: from 2024.8 authentik then takes 1970 as its last valid date, more than 6 weeks ago.`;
  if (outlook.atOnce === 'yes')
    return `${where}, more than 6 weeks ago, and authentik is read-only while the users exceed the seats that long after it; only enough seats lift it.`;
  return `${where}, and authentik is read-only at once if that record is from before ${day(now - 6 * 7 * DAY_MS)}.`;
}

/** "It stays read-only", "It turns read-only at once", "It may turn read-only at once". */
function consequence(finding: OverCapacityFinding): string {
  if (finding.outlook.atOnce === 'maybe') return 'may turn read-only at once';
  return finding.readOnlyNow ? 'stays read-only' : 'turns read-only at once';
}

/** The refusal: the consequence and the counts first, then why, then what to do. */
export function refusalMessage(finding: OverCapacityFinding, overrideHint: string): string {
  const note = finding.note === null ? '' : ` ${finding.note}`;
  return (
    `It ${consequence(finding)}: ${seatWords(finding.usage, finding.seatsAfter)} after this key.${note} ${readOnlyReason(finding)} ` +
    `Nothing was sent; use a license with enough seats for the users, or ${overrideHint} to install it anyway.`
  );
}

const STEP_WORDS: Record<OutlookStepKind, { future: string; past: string }> = {
  admin_banner: { future: 'administrators see a warning banner', past: 'administrators already see a warning banner' },
  user_banner: { future: 'users see a warning banner', past: 'users already see a warning banner' },
  read_only: { future: 'it turns read-only', past: 'it is already read-only' },
};

function stepWords(step: OutlookStep, now: number): string {
  const words = STEP_WORDS[step.kind];
  if (step.latest <= now) return words.past;
  if (step.earliest === null) return `${words.future} by ${day(step.latest)} at the latest`;
  if (step.earliest < now) return `${words.future} now or by ${day(step.latest)}`;
  return day(step.earliest) === day(step.latest)
    ? `${words.future} on ${day(step.latest)}`
    : `${words.future} between ${day(step.earliest)} and ${day(step.latest)}`;
}

/** The warning when the key leaves the users above the seats: the counts, the last valid date and the real dates of the next steps. */
export function overCapacityWarning(finding: OverCapacityFinding, installedAnyway: boolean): string {
  const { usage, seatsAfter, outlook, lastValid, now } = finding;
  const head = `${exceedWords(usage, seatsAfter)}${finding.note === null ? '' : ` ${finding.note}`}`;
  if (installedAnyway) return `${head} Installed anyway: it ${consequence(finding)}. ${readOnlyReason(finding)}`;
  const where = `${lastValidWords(lastValid, now)}.`;
  if (outlook.steps.length === 0)
    return `${head} ${where} authentik before 2024.8 counts from now when no usage record was within the seats, so no warning starts.`;
  const steps = outlook.steps.map((step) => stepWords(step, now));
  return `${head} ${where} Unless enough seats are licensed first, ${steps.slice(0, -1).join(', ')} and ${steps.at(-1) ?? ''}.`;
}
