import { ModalDialog } from '../../ui/ModalDialog';
import { InstanceLink } from './InstanceLink';
import { useLicenseInstallScreen } from './license-install-screen';
import { useLicenseScreen } from './license-screen';
import { LicenseExpiry } from './LicenseExpiry';
import { LicenseInstanceNotes } from './LicenseInstanceNotes';
import { LicenseKeyPanel } from './LicenseKeyPanel';
import { LicenseStatusBadge } from './LicenseStatusBadge';
import { usePurchaseScreen } from './purchase-screen';
import type { PortalLicense } from './queries';
import { RenameLicenseForm } from './RenameLicenseForm';

const TITLE_ID = 'license-details-title';

/** One license: its facts, the key (masked, Reveal, Copy), Rename and Renew (Owner), and Install into its instance. */
export function LicenseDetailsDialog({
  orgId,
  licenses,
  role,
  now,
}: {
  orgId: string;
  licenses: readonly PortalLicense[];
  role: 'owner' | 'member';
  now: number;
}) {
  const detailsId = useLicenseScreen((state) => state.detailsId);
  const openings = useLicenseScreen((state) => state.detailsOpenings);
  const renameDraft = useLicenseScreen((state) => state.renameDraft);
  const detailsClosed = useLicenseScreen((state) => state.detailsClosed);
  const renameStarted = useLicenseScreen((state) => state.renameStarted);
  const license = licenses.find((entry) => entry.id === detailsId) ?? null;
  const renewalOpened = usePurchaseScreen((state) => state.renewalOpened);
  const licenseInstallOpened = useLicenseInstallScreen((state) => state.licenseInstallOpened);
  const open = license !== null;
  const instances = license?.instances ?? [];
  return (
    <ModalDialog
      open={open}
      onDismiss={detailsClosed}
      labelledBy={TITLE_ID}
      className="dialog dialog--wide license-details"
    >
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
              {instances.length === 0
                ? 'No saved instance has this Install ID.'
                : instances.map((instance) => <InstanceLink key={instance.instanceId} instance={instance} />)}
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
              <LicenseInstanceNotes license={license} />
            </dd>
          </dl>
          {/* Keyed per opening: a key revealed, or an answer on its way, never shows in the next opening. */}
          <LicenseKeyPanel key={openings} orgId={orgId} license={license} />
          <RenameLicenseForm orgId={orgId} license={license} />
          <div className="dialog__actions license-details__actions">
            {license.status === 'active' &&
              instances.map((instance) => (
                <button
                  key={instance.instanceId}
                  type="button"
                  className={instance.renewedNotInstalled ? 'primary' : undefined}
                  onClick={() => {
                    detailsClosed();
                    licenseInstallOpened({
                      orgId,
                      licenseId: license.id,
                      licenseName: license.nickname,
                      instanceId: instance.instanceId,
                      instanceName: instance.instanceName,
                    });
                  }}
                >
                  Install into {instance.instanceName}
                </button>
              ))}
            {role === 'owner' && renameDraft === null && (
              <button type="button" onClick={() => renameStarted(license.nickname)}>
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
