import type { ReactNode } from 'react';
import type { InstallPreflightView } from '../../../shared/instances/install-preflight-view';
import { CheckList } from '../CheckList';
import { ClaimsPanel } from '../ClaimsPanel';
import { CumulativeExpiryPanel } from './CumulativeExpiryPanel';
import { OverCapacityOutlook } from './OverCapacityOutlook';
import { PreflightDecision } from './PreflightDecision';
import { PreflightVerdict } from './PreflightVerdict';
import { SeatsTable } from './SeatsTable';

interface PreflightReportProps {
  preflight: InstallPreflightView;
  /** The instance the key was checked against. */
  name: string;
  /** For a renewal, the installed license the key replaces. */
  replaces: string | null;
  /** The over-capacity consent, when the install can be forced. */
  consent?: ReactNode;
}

/** main's preflight in full: the decision, the verdict and its checks, the seats (and what too few do), the cumulative expiry and the claims. */
export function PreflightReport({ preflight, name, replaces, consent }: PreflightReportProps) {
  const { verdict } = preflight;
  const keyInstallId = verdict.claims?.installId ?? null;
  return (
    <>
      <PreflightDecision preflight={preflight} name={name} replaces={replaces} />
      {preflight.otherInstance === null && verdict.reason === 'install_id_mismatch' && keyInstallId !== null && (
        <p className="hint">
          The key’s Install ID, <span className="mono">{keyInstallId}</span>, is not the last seen Install ID of any
          saved instance.
        </p>
      )}
      {consent}
      <PreflightVerdict verdict={verdict} />
      <div className="install-section">
        <CheckList checks={verdict.checks} headingLevel={3} headingId="install-checks-heading" />
      </div>
      <SeatsTable preflight={preflight} />
      <OverCapacityOutlook overCapacity={preflight.overCapacity} />
      <CumulativeExpiryPanel preflight={preflight} />
      {verdict.claims !== null && (
        <div className="install-section">
          <ClaimsPanel
            claims={verdict.claims}
            verified={verdict.claimsVerified}
            evaluatedAt={verdict.evaluatedAt}
            headingLevel={3}
            headingId="install-claims-heading"
          />
        </div>
      )}
    </>
  );
}
