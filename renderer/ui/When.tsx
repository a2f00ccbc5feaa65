import { localDateTime, relativeDays } from '../format/dates';
import { timeAgo } from '../format/relative-time';
import { useNow } from './use-now';

interface WhenProps {
  /** The instant, as ISO 8601. */
  at: string;
  /**
   * `days` (default): "in 19 days", "3 days ago", for expiries and steps; `ago`: "5 minutes ago", for
   * reads and events, which are never in the future.
   */
  style?: 'days' | 'ago';
  /** The clock to measure from; default this computer's, renewed every minute. */
  now?: number;
}

const MINUTE_MS = 60_000;

/**
 * The app's one way of writing a date: relative, with the absolute date and time in the reader's zone
 * on hover and on keyboard focus (the element is focusable and names the absolute date to screen readers).
 * ISO instants appear only in technical details.
 */
export function When({ at, style = 'days', now }: WhenProps) {
  const ticking = useNow(MINUTE_MS);
  const clock = now ?? ticking;
  const absolute = localDateTime(at);
  const relative = style === 'ago' ? timeAgo(at, clock) : relativeDays(at, clock);
  return (
    <time className="when" dateTime={at} title={absolute} tabIndex={0} aria-label={`${relative} (${absolute})`}>
      {relative}
      <span className="when__absolute" aria-hidden="true">
        {absolute}
      </span>
    </time>
  );
}
