import type { InstanceRow } from '../../shared/instances/instance-row';
import { localDateTime } from '../format/dates';
import {
  STATUS_MEANINGS,
  STATUS_TONES,
  STATUS_WORDS,
  statusKindOfValue,
  type StatusTone,
} from '../store/instance-status';

/** A shape for each tone, so the badge never relies on colour (the word is always there too). */
const TONE_ICONS: Record<StatusTone, string> = { ok: '✓', warn: '!', bad: '✕', neutral: '–' };

interface StatusValueBadgeProps {
  status: string | null;
  state: InstanceRow['state'];
  /** When the status is the last known one (not read in this session), when it was read: the badge says "last known". */
  lastKnownAt?: string | null;
  /** The latest read failed: what is shown may no longer be true, so it is never shown as good (green). */
  readFailed?: boolean;
}

/** A status value in authentik's words, coloured as authentik colours it; an unknown value is shown as sent. */
export function StatusValueBadge({ status, state, lastKnownAt = null, readFailed = false }: StatusValueBadgeProps) {
  const kind = statusKindOfValue(status, state);
  const tone = readFailed && STATUS_TONES[kind] === 'ok' ? 'neutral' : STATUS_TONES[kind];
  const raw = kind === 'unknown' && status !== null ? ` (${status})` : '';
  const lastKnown = lastKnownAt !== null;
  const meaning = lastKnown
    ? `Last known status, read ${localDateTime(lastKnownAt)}; this session has not read the instance successfully yet. ${STATUS_MEANINGS[kind]}`
    : STATUS_MEANINGS[kind];
  return (
    <span
      className={`status-badge status-badge--${tone}${lastKnown ? ' status-badge--last-known' : ''}`}
      data-status={kind}
      data-source={lastKnown ? 'last_known' : undefined}
      title={meaning}
    >
      <span className="status-badge__icon" aria-hidden="true">
        {TONE_ICONS[tone]}
      </span>
      <span>
        {STATUS_WORDS[kind]}
        {raw}
        {lastKnown && <span className="status-badge__source"> last known</span>}
      </span>
    </span>
  );
}
