const FLAG_WORDS: Record<string, string> = { trial: 'Trial', non_production: 'Non-production' };

/** The license flags (trial, non-production) as badges; unknown flags as the server names them. */
export function FlagBadges({ flags }: { flags: readonly string[] }) {
  if (flags.length === 0) {
    return (
      <span className="muted">
        <span aria-hidden="true">—</span>
        <span className="sr-only">none</span>
      </span>
    );
  }
  return (
    <span className="flags">
      {flags.map((flag) => (
        <span key={flag} className="flag-badge" data-flag={flag}>
          {FLAG_WORDS[flag] ?? flag.replace(/_/g, '-')}
        </span>
      ))}
    </span>
  );
}
