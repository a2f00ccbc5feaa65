import { useMemo } from 'react';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import { useDashboardScreen } from './dashboard-screen';
import { chipCounts, TRIAGE_CHIPS, TRIAGE_WORDS, type TriageChip } from './health';

const CHIP_TONES: Record<TriageChip, 'bad' | 'warn' | 'neutral'> = {
  critical: 'bad',
  warning: 'warn',
  unreachable: 'warn',
  expiring: 'warn',
  not_installed: 'neutral',
};

/** What needs action, counted over the whole fleet; each chip filters the table to its instances (pressed again, it clears). */
export function SummaryStrip({ rows, now }: { rows: readonly InstanceRow[]; now: number }) {
  const counts = useMemo(() => chipCounts(rows, now), [rows, now]);
  const pressed = useDashboardScreen((state) => state.chip);
  const chipToggled = useDashboardScreen((state) => state.chipToggled);
  return (
    <div className="summary-strip" role="group" aria-label="Needs action">
      {TRIAGE_CHIPS.map((chip) => (
        <button
          key={chip}
          type="button"
          className={`summary-chip summary-chip--${counts[chip] === 0 ? 'none' : CHIP_TONES[chip]}`}
          aria-pressed={pressed === chip}
          data-chip={chip}
          onClick={() => chipToggled(chip)}
        >
          <span className="summary-chip__label">{TRIAGE_WORDS[chip]}</span>
          <span className="summary-chip__count">{counts[chip].toLocaleString()}</span>
        </button>
      ))}
    </div>
  );
}
