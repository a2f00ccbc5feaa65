import { refusalWords } from '../../store/portal-problem';
import { showToast } from '../../ui/toasts';
import { InstallIntoButton } from './InstallIntoButton';
import { useLicenseScreen } from './license-screen';
import { isPaid } from './paid-license';
import { useCheckoutPage } from './purchase-mutations';
import { usePurchaseScreen } from './purchase-screen';
import type { PortalLicense } from './queries';

interface LicenseRowActionsProps {
  license: PortalLicense;
  orgId: string;
  role: 'owner' | 'member';
}

/** Open checkout for an order (or renewal) this app placed that still waits for payment; the outcome is a toast. */
function OpenCheckoutButton({ license, checkoutUrl }: { license: PortalLicense; checkoutUrl: string }) {
  const page = useCheckoutPage();
  return (
    <button
      type="button"
      className="small-button"
      aria-disabled={page.isPending}
      onClick={() => {
        if (page.isPending) return;
        page.mutate(
          { action: 'open', checkoutUrl },
          {
            onSuccess: () =>
              showToast({ tone: 'info', title: `Opened the checkout of “${license.nickname}” in your browser` }),
            onError: (error) => showToast({ tone: 'danger', title: refusalWords(error, 'open the checkout page') }),
          },
        );
      }}
    >
      Open checkout<span className="sr-only"> for “{license.nickname}”</span>
    </button>
  );
}

/**
 * A license row's actions: Details; Open checkout while an order this app placed waits for payment; Renew
 * (Owner, once paid); Install into each saved instance still without its key.
 */
export function LicenseRowActions({ license, orgId, role }: LicenseRowActionsProps) {
  const detailsOpened = useLicenseScreen((state) => state.detailsOpened);
  const renewalOpened = usePurchaseScreen((state) => state.renewalOpened);
  const tracked = usePurchaseScreen((state) => state.tracked.find((entry) => entry.licenseId === license.id));
  // Only a checkout this app opened has a known address: the portal lists none for a license.
  const unpaid = tracked !== undefined && !isPaid(license, tracked.renewing) ? tracked : null;
  // Each saved instance with this Install ID has its own state: installed there, or not yet.
  const notInstalled = license.instances.filter((instance) => instance.renewedNotInstalled);
  return (
    <div className="license-row-actions">
      <button type="button" className="small-button" onClick={() => detailsOpened(license.id)}>
        Details<span className="sr-only"> of {license.nickname}</span>
      </button>
      {unpaid !== null && <OpenCheckoutButton license={license} checkoutUrl={unpaid.checkoutUrl} />}
      {role === 'owner' && license.status !== 'pending_payment' && (
        <button type="button" className="small-button" onClick={() => renewalOpened(orgId, license)}>
          Renew<span className="sr-only"> {license.nickname}</span>
        </button>
      )}
      {notInstalled.map((instance) => (
        <InstallIntoButton
          key={instance.instanceId}
          target={{
            orgId,
            licenseId: license.id,
            licenseName: license.nickname,
            instanceId: instance.instanceId,
            instanceName: instance.instanceName,
          }}
        />
      ))}
    </div>
  );
}
