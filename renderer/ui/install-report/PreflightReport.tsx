import type { ReactNode } from 'react';
import type { InstallPreflightView } from '../../../shared/instances/install-preflight-view';
import { ClaimsPanel } from '../ClaimsPanel';
import { DatedText } from '../DatedText';
import { TechnicalDetails } from '../TechnicalDetails';
import { CumulativeExpiryPanel } from './CumulativeExpiryPanel';
import { OverCapacityOutlook } from './OverCapacityOutlook';
import { PreflightChanges } from './PreflightChanges';
import { PreflightChecks } from './PreflightChecks';
import { PreflightDecision } from './PreflightDecision';
import { PreflightVerdict } from './PreflightVerdict';
import { SeatsTable } from './SeatsTable';
import { wouldInstall } from './install-words';

interface PreflightReportProps {
  preflight: InstallPreflightView;
  /** The instance the key was checked against. */
  name: string;
  /** For a renewal, the installed license the key replaces. */
  replaces: string | null;
  /** The consent, when the install leaves users uncovered (or can be forced despite too few seats). */
  consent?: ReactNode;
}

/**
 * main's preflight, decision first: one verdict line, what changes (expiry and seats before → after), the
 * consent when needed, the six checks collapsed while they pass, and the rest behind "Technical details".
 */
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
      {wouldInstall(preflight) && <PreflightChanges preflight={preflight} />}
      {consent}
      <OverCapacityOutlook overCapacity={preflight.overCapacity} />
      <PreflightChecks checks={verdict.checks} />
      <TechnicalDetails>
        {preflight.action === 'send' && (
          <p>
            <DatedText text={preflight.message} />
          </p>
        )}
        <PreflightVerdict verdict={verdict} />
        <SeatsTable preflight={preflight} />
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
      </TechnicalDetails>
    </>
  );
}
