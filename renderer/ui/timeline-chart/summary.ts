import type { TimelineChartData } from './chart-data';
import { seatsAt } from './chart-data';
import { daysFrom, monthLabel } from './scale';

function days(count: number): string {
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

/** When the first read-only step comes, in words: "read-only estimated in 41 days", "read-only 3 days ago". */
function readOnlyWords(data: TimelineChartData): string | null {
  const first = data.markers.filter((marker) => marker.readOnly).sort((a, b) => a.at - b.at)[0];
  if (first === undefined) return null;
  const estimated = first.estimate === null ? '' : ' estimated';
  const distance = daysFrom(data.now, first.at);
  if (distance < 0) return `read-only${estimated} ${days(-distance)} ago`;
  if (distance === 0) return `read-only${estimated} today`;
  return `read-only${estimated} in ${days(distance)}`;
}

/**
 * The chart in one sentence, for its accessible name: "Timeline from Jan 2026 to Mar 2028: 2 licenses,
 * 55 internal seats licensed today, 12 internal users, read-only estimated in 41 days".
 */
export function chartSummary(data: TimelineChartData, domain: readonly [number, number]): string {
  const licensed = seatsAt(data.licenses, data.now, data.expiredSeatsCount);
  const parts = [
    `${data.licenses.length} ${data.licenses.length === 1 ? 'license' : 'licenses'}`,
    `${licensed.internalUsers.toLocaleString('en-US')} internal seats licensed today`,
  ];
  if (data.users !== null) parts.push(`${data.users.today.toLocaleString('en-US')} internal users`);
  const readOnly = readOnlyWords(data);
  if (readOnly !== null) parts.push(readOnly);
  return `Timeline from ${monthLabel(domain[0])} to ${monthLabel(domain[1])}: ${parts.join(', ')}`;
}
