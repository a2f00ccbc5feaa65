import type { ReactNode } from 'react';
import { useLicenseInstallScreen } from './license-install-screen';
import { paidInstallTarget } from './paid-license';
import type { PortalLicense } from './queries';

interface PaidInstallButtonsProps {
  /** The organization and the account that placed the order: the key is fetched as that account. */
  orgId: string;
  accountId: string | null;
  /** The paid license once read: no button before. */
  license: PortalLicense | undefined;
  /** The saved instances with its Install ID, a button each. */
  instances: PortalLicense['instances'];
  /** Just before the install dialog opens (closing the dialog the buttons are in). */
  onOpening?: () => void;
  /** After "Install into <instance>": which license, where several show. */
  suffix?: ReactNode;
}

/** "Install into <instance>" for a license just paid, one primary button per saved instance with its Install ID. */
export function PaidInstallButtons({
  orgId,
  accountId,
  license,
  instances,
  onOpening,
  suffix,
}: PaidInstallButtonsProps) {
  const licenseInstallOpened = useLicenseInstallScreen((state) => state.licenseInstallOpened);
  if (license === undefined) return null;
  return instances.map((instance) => (
    <button
      key={instance.instanceId}
      type="button"
      className="primary"
      onClick={() => {
        const target = paidInstallTarget({ orgId, accountId, license, instanceId: instance.instanceId });
        onOpening?.();
        if (target !== null) licenseInstallOpened(target);
      }}
    >
      Install into {instance.instanceName}
      {suffix}
    </button>
  ));
}
