import type { VerdictView } from '../../../shared/license/verdict-view';
import { localDateTime, relativeDays, utcDateTime } from '../../format/dates';

/** What the key says: who it is for, how many users, flags, and when it ends. */
export function ClaimsPanel({ claims, verified, evaluatedAt }: { claims: NonNullable<VerdictView['claims']>; verified: boolean; evaluatedAt: string }) {
  const now = Date.parse(evaluatedAt);
  return (
    <section aria-labelledby="claims-heading">
      <h2 id="claims-heading">What the key says</h2>
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
