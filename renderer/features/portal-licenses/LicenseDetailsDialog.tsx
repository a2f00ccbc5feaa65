import { selectDetailsLicense } from '../../store/portal-licenses';
import { useLicenseInstall, usePortalLicenses, usePurchase } from '../../store/portal-licenses-context';
import { ModalDialog } from '../dashboard/ModalDialog';
import { InstanceLink } from './InstanceLink';
import { InstanceNotComparedNote } from './InstanceNotComparedNote';
import { LicenseExpiry } from './LicenseExpiry';
import { LicenseKeyPanel } from './LicenseKeyPanel';
import { LicenseStatusBadge } from './LicenseStatusBadge';
import { RenameLicenseForm } from './RenameLicenseForm';
import { RenewedNotInstalledBadge } from './RenewedNotInstalledBadge';

const TITLE_ID = 'license-details-title';

/** One license: its facts, the key (masked, Reveal, Copy), Rename and Renew (Owner), and Install into its instance. */
export function LicenseDetailsDialog({ role, now }: { role: 'owner' | 'member'; now: number }) {
  const license = usePortalLicenses(selectDetailsLicense);
  const orgId = usePortalLicenses((state) => state.orgId);
  const renameDraft = usePortalLicenses((state) => state.renameDraft);
  const detailsProblem = usePortalLicenses((state) => state.detailsProblem);
  const detailsClosed = usePortalLicenses((state) => state.detailsClosed);
  const renameStarted = usePortalLicenses((state) => state.renameStarted);
  const renewalOpened = usePurchase((state) => state.renewalOpened);
  const licenseInstallOpened = useLicenseInstall((state) => state.licenseInstallOpened);
  const open = license !== null && orgId !== null;
  const instances = license?.instances ?? [];
  return (
    <ModalDialog open={open} onDismiss={detailsClosed} labelledBy={TITLE_ID} className="dialog dialog--wide license-details">
      {open && (
        <>
          <h2 id={TITLE_ID}>License “{license.nickname}”</h2>
          <dl className="license-facts">
            <dt>Install ID</dt>
            <dd>
              <code className="mono">{license.install_id}</code>
            </dd>
            <dt>{instances.length > 1 ? 'Instances' : 'Instance'}</dt>
            <dd className="license-facts__instances">
              {instances.length === 0 ? 'No saved instance has this Install ID.' : instances.map((instance) => <InstanceLink key={instance.instanceId} instance={instance} />)}
            </dd>
            <dt>Internal users</dt>
            <dd>{license.internal_users.toLocaleString()}</dd>
            <dt>External users</dt>
            <dd>{license.external_users.toLocaleString()}</dd>
            <dt>Expiry</dt>
            <dd>
              <LicenseExpiry expiresAt={license.expires_at} now={now} />
            </dd>
            <dt>Status</dt>
            <dd className="org-licenses__status">
              <LicenseStatusBadge status={license.status} />
              {instances
                .filter((instance) => instance.renewedNotInstalled)
                .map((instance) => (
                  <RenewedNotInstalledBadge key={instance.instanceId} instanceName={instance.instanceName} />
                ))}
              {instances.map(
                (instance) =>
                  instance.lastReadProblem !== null && (
                    <InstanceNotComparedNote key={instance.instanceId} instanceId={instance.instanceId} instanceName={instance.instanceName} problem={instance.lastReadProblem} />
                  ),
              )}
            </dd>
          </dl>
          <LicenseKeyPanel license={license} />
          {detailsProblem !== null && (
            <p className="problem" role="alert">
              {detailsProblem}
            </p>
          )}
          <RenameLicenseForm />
          <div className="dialog__actions license-details__actions">
            {license.status === 'active' &&
              instances.map((instance) => (
                <button
                  key={instance.instanceId}
                  type="button"
                  className={instance.renewedNotInstalled ? 'primary' : undefined}
                  onClick={() => {
                    detailsClosed();
                    void licenseInstallOpened({ orgId, licenseId: license.id, licenseName: license.nickname, instanceId: instance.instanceId, instanceName: instance.instanceName });
                  }}
                >
                  Install into {instance.instanceName}
                </button>
              ))}
            {role === 'owner' && renameDraft === null && (
              <button type="button" onClick={renameStarted}>
                Rename…
              </button>
            )}
            {role === 'owner' && license.status !== 'pending_payment' && (
              <button
                type="button"
                onClick={() => {
                  detailsClosed();
                  renewalOpened(orgId, license);
                }}
              >
                Renew…
              </button>
            )}
            <button type="button" onClick={detailsClosed} data-autofocus>
              Close
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
