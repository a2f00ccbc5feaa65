import type { ReactNode } from 'react';

/** The license a new key replaces, named for the install dialog's title. */
export interface ReplacedLicense {
  licenseUuid: string;
  name: string;
}

/** What the page's actions open, in other features' dialogs (the app shell passes them in). */
export interface InstanceActions {
  /** With `replaces`, the key replaces that license; without, it is installed alongside. */
  installOpened(id: string, name: string, replaces?: ReplacedLicense): void;
  editOpened(id: string): void;
  removeOpened(id: string): void;
}

export interface PendingInstallSlotProps {
  instanceId: string;
  instanceName: string;
  refreshing: boolean;
  onRefresh: () => void;
}

/** A key renewed in the customer portal and not installed here, with the install that takes it. */
export interface RenewalAction {
  licenseName: string;
  install: () => void;
}

/** What other features bring to the instance page. */
export interface InstanceSlots {
  actions: InstanceActions;
  /** A renewed key from the portal waiting to be installed here, next to the licenses. */
  pendingInstall: (props: PendingInstallSlotProps) => ReactNode;
  /** The renewed key waiting to be installed here, for the next-action banner; null when none. */
  renewal: RenewalAction | null;
  /** The dialogs the actions open (remove, install, edit), after the page's own. */
  dialogs: ReactNode;
}
