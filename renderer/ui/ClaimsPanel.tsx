import type { VerdictView } from '../../shared/license/verdict-view';
import { localDateTime, relativeDays, utcDateTime } from '../format/dates';

interface ClaimsPanelProps {
  claims: NonNullable<VerdictView['claims']>;
  verified: boolean;
  evaluatedAt: string;
  /** 2 on a screen, 3 inside a dialog whose title is the h2. */
  headingLevel?: 2 | 3;
  headingId?: string;
}

/** What the key says: who it is for, how many users, flags, and when it ends. */
export function ClaimsPanel({
  claims,
  verified,
  evaluatedAt,
  headingLevel = 2,
  headingId = 'claims-heading',
}: ClaimsPanelProps) {
  const now = Date.parse(evaluatedAt);
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId}>What the key says</Heading>
      {!verified && (
        <p className="warning" role="note">
          These claims are not covered by a valid signature, so they prove nothing.
        </p>
      )}
      <dl className="claims">
        <dt>Name</dt>
        <dd>{claims.name}</dd>
        <dt>Install ID</dt>
        <dd className="mono">{claims.installId}</dd>
        <dt>Internal users</dt>
        <dd>{claims.internalUsers.toLocaleString()}</dd>
        <dt>External users</dt>
        <dd>{claims.externalUsers.toLocaleString()}</dd>
        <dt>Flags</dt>
        <dd>
          {claims.licenseFlags.length === 0
            ? 'none'
            : claims.licenseFlags.map((flag) => (
                <span key={flag} className="badge">
                  {flag.replace(/_/g, '-')}
                </span>
              ))}
        </dd>
        <dt>Expires</dt>
        <dd>
          {localDateTime(claims.expiresAt)} <span className="muted">({utcDateTime(claims.expiresAt)})</span>,{' '}
          <strong>{relativeDays(claims.expiresAt, now)}</strong>
        </dd>
      </dl>
    </section>
  );
}
