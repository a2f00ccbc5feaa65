import type { OverCapacityOutlookView } from '../../../shared/instances/instance-detail';
import { toIsoUtc } from '../../../shared/time/iso';
import { localDate } from '../../format/dates';
import { STATUS_WORDS, statusKindOfValue } from '../../store/instance-status';

const day = (iso: string): string => localDate(iso);
/** authentik's status in its own words ("Read only"), never its code. */
const words = (status: string): string => `“${STATUS_WORDS[statusKindOfValue(status, 'ok')]}”`;

/** Where authentik's last valid usage record lies, and what that rests on, in words. */
export function lastValidWords({ lastValid, basis }: Pick<OverCapacityOutlookView, 'lastValid' | 'basis'>): string {
  const reading =
    basis.history === null
      ? ''
      : ` and the app's reading of ${words(basis.history.status)} on ${day(basis.history.at)}`;
  const source = `From the status authentik reports (${words(basis.status)})${reading}`;
  if (lastValid === null)
    return `${source}, it has no usage record with the status Valid, and from 2024.8 it then counts as if the last were in 1970.`;
  if (lastValid.notBefore === null) return `${source}, that record is from before ${day(lastValid.notAfter)}.`;
  if (day(lastValid.notBefore) === day(lastValid.notAfter))
    return `${source}, that record is from ${day(lastValid.notAfter)}.`;
  return `${source}, that record is from between ${day(lastValid.notBefore)} and ${day(lastValid.notAfter)}.`;
}

/** A step's date in words: one day, "by" its latest when the earliest is unknown, or the days it lies between. */
export function stepDateWords(earliest: number | null, latest: number): string {
  const last = day(toIsoUtc(latest));
  if (earliest === null) return `by ${last}`;
  const first = day(toIsoUtc(earliest));
  return first === last ? last : `between ${first} and ${last}`;
}
