import type { InstanceRow } from '../../../shared/instances/instance-row';
import { STATUS_MEANINGS, STATUS_TONES, STATUS_WORDS, statusKindOfValue, type StatusTone } from '../../store/instance-status';

/** A shape for each tone, so the badge never relies on colour (the word is always there too). */
const TONE_ICONS: Record<StatusTone, string> = { ok: '✓', warn: '!', bad: '✕', neutral: '–' };

/** A status value in authentik's words, coloured as authentik colours it; an unknown value is shown as sent. */
export function StatusValueBadge({ status, state }: { status: string | null; state: InstanceRow['state'] }) {
  const kind = statusKindOfValue(status, state);
  const tone = STATUS_TONES[kind];
  const raw = kind === 'unknown' && status !== null ? ` (${status})` : '';
  return (
    <span className={`status-badge status-badge--${tone}`} data-status={kind} title={STATUS_MEANINGS[kind]}>
      <span className="status-badge__icon" aria-hidden="true">
        {TONE_ICONS[tone]}
      </span>
      {STATUS_WORDS[kind]}
      {raw}
    </span>
  );
}

/** A row's live status, as the dashboard shows it. */
export function StatusBadge({ row }: { row: InstanceRow }) {
  return <StatusValueBadge status={row.status} state={row.state} />;
}
