import { localDate } from '../../format/dates';
import type { PortalLicense } from './queries';
import { LicenseStatusBadge } from './LicenseStatusBadge';

interface PaidLicenseCheckProps {
  /** The license as last read; null before the first answer. */
  license: PortalLicense | null;
  /** The key is there: the license was paid. */
  done: boolean;
  renewal: boolean;
  lastCheckedAt: number | null;
  /** Why the last check failed, in words. */
  checkProblem: string | null;
  /** Where the checking is while there is no key yet, given when it last looked (" Last checked <time>." or nothing). */
  waiting: (lastChecked: string) => string;
}

/**
 * Checking for a paid license, as the payment step and a purchase followed after its dialog closed both
 * show it: the key ready (bought or renewed, and until when), else where the checking is, with the
 * license's status now and why the last check failed.
 */
export function PaidLicenseCheck({
  license,
  done,
  renewal,
  lastCheckedAt,
  checkProblem,
  waiting,
}: PaidLicenseCheckProps) {
  const last = lastCheckedAt === null ? '' : ` Last checked ${new Date(lastCheckedAt).toLocaleTimeString()}.`;
  if (done && license !== null && license.expires_at !== null) {
    const until = localDate(license.expires_at);
    return (
      <p>
        <strong>
          {renewal
            ? `Renewed: “${license.nickname}” now runs until ${until}, with a new key.`
            : `“${license.nickname}” is active until ${until}: its key is ready.`}
        </strong>
      </p>
    );
  }
  return (
    <>
      <p>
        {waiting(last)}
        {license !== null && (
          <>
            {' '}
            Now: <LicenseStatusBadge status={license.status} />
          </>
        )}
      </p>
      {checkProblem !== null && <p className="problem">{checkProblem}</p>}
    </>
  );
}
