import type { InstanceRow } from '../../../shared/instances/instance-row';
import { STATUS_MEANINGS, STATUS_TONES, STATUS_WORDS, statusKindOf, type StatusTone } from '../../store/instance-status';

/** A shape for each tone, so the badge never relies on colour (the word is always there too). */
const TONE_ICONS: Record<StatusTone, string> = { ok: '✓', warn: '!', bad: '✕', neutral: '–' };

/** authentik's status in its own words, coloured as authentik colours it. */
export function StatusBadge({ row }: { row: InstanceRow }) {
  const kind = statusKindOf(row);
  const tone = STATUS_TONES[kind];
  const raw = kind === 'unknown' && row.status !== null ? ` (${row.status})` : '';
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
