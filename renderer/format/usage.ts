/** authentik's usage bar levels: ≤ 80 % ok, ≤ 100 % warning, above that danger. */
export type UsageLevel = 'ok' | 'warning' | 'danger' | 'unknown';

export interface UsageView {
  level: UsageLevel;
  /** What the bar shows, "45 / 100"; "?" parts where a number is unknown. */
  counts: string;
  /** "45 %", "120 %" (over 100 % is over capacity), "∞" (users without seats); empty when unknown or 0 / 0. */
  share: string;
  /** Width of the bar's fill, 0–100. */
  fill: number;
  /** The sentence a screen reader hears. */
  spoken: string;
}

function count(value: number | null): string {
  return value === null ? '?' : value.toLocaleString();
}

/** One usage bar: current users against licensed seats, as authentik's Licenses page judges them. */
export function usageView(used: number | null, licensed: number | null, noun: string): UsageView {
  const counts = `${count(used)} / ${count(licensed)}`;
  if (used === null || licensed === null) {
    const spoken =
      used === null && licensed === null
        ? `${noun}: unknown`
        : used === null
          ? `${noun}: current count unknown, ${count(licensed)} licensed`
          : `${noun}: ${count(used)} in use, licensed count unknown`;
    return { level: 'unknown', counts, share: '', fill: 0, spoken };
  }
  if (licensed === 0) {
    return used === 0
      ? { level: 'ok', counts, share: '', fill: 0, spoken: `${noun}: none in use, none licensed` }
      : {
          level: 'danger',
          counts,
          share: '∞',
          fill: 100,
          spoken: `${noun}: ${count(used)} in use with none licensed, over capacity`,
        };
  }
  // Whole numbers throughout (7 / 100 * 100 is 7.000000000000001 in floating point). The share is rounded up,
  // as authentik's Licenses page does, so it never reads "100 %" for a bar that is over capacity.
  const percent = Math.ceil((used * 100) / licensed);
  const level: UsageLevel = used * 100 <= licensed * 80 ? 'ok' : used <= licensed ? 'warning' : 'danger';
  const over = level === 'danger';
  return {
    level,
    counts,
    share: `${percent} %`,
    fill: Math.min(100, (used * 100) / licensed),
    spoken: `${noun}: ${count(used)} of ${count(licensed)} licensed, ${percent} %${over ? `, over capacity by ${count(used - licensed)}` : ''}`,
  };
}
