import type { portalContract } from '../../shared/ipc/portal-contract';
import type { AuditRecorder } from '../audit/audit-recorder';
import type { SecretClipboard } from '../clipboard/secret-clipboard';
import type { InstallStepDeps } from '../instances/install-steps';
import type { Handlers } from '../ipc/handlers';
import { portalAccountHandlers } from '../ipc/handlers/portal-account-handlers';
import { portalBillingHandlers } from '../ipc/handlers/portal-billing-handlers';
import { portalInstallHandlers } from '../ipc/handlers/portal-install-handlers';
import { portalLicenseHandlers } from '../ipc/handlers/portal-license-handlers';
import { portalMemberHandlers } from '../ipc/handlers/portal-member-handlers';
import { portalOrganizationHandlers } from '../ipc/handlers/portal-organization-handlers';
import { portalPurchaseHandlers } from '../ipc/handlers/portal-purchase-handlers';
import type { PortalAccountStore } from '../portal/account-store';
import { invoiceFolder } from '../portal/invoice-file';
import { createPortalAccounts } from '../portal/portal-accounts';
import type { PortalSession } from '../portal/portal-session';
import type { ExternalBrowserPort } from '../ports/external-browser';
import type { FileOpenerPort } from '../ports/file-opener';
import type { Emit } from '../ports/page-events';
import type { SecretStore } from '../secrets/secret-store';
import { openExternal } from '../security/open-external';

export interface PortalChannelDeps {
  /** The signed-in accounts (no tokens) in the data folder. */
  accountStore: PortalAccountStore;
  /** The token vault: portal tokens live there only. */
  secrets: SecretStore;
  browser: ExternalBrowserPort;
  /** The PDF viewer for invoices. */
  files: FileOpenerPort;
  clipboard: SecretClipboard;
  emit: Emit;
  now: () => number;
  /** The portal a sign-in without an address goes to, normalized. */
  defaultPortalUrl: () => string;
  /** Per request to the portal. */
  timeoutMs: number;
  /** The instance preflight and install, for "Install into <instance>" and the links to saved instances. */
  install: InstallStepDeps;
  /** Where purchases, renewals, invitations and membership changes are recorded before they are made. */
  audit: AuditRecorder;
}

/**
 * Every customer-portal channel of the contract (`shared/ipc/portal-contract.ts`): builds the session the
 * portal handlers share (the accounts, the events, the audit) and joins their maps. Composition, so it lives
 * here and not among the handlers, which never import each other.
 */
export function portalChannelHandlers(deps: PortalChannelDeps): Pick<Handlers, keyof typeof portalContract> {
  // The sign-in page opens like every other URL: through openExternal (https, or http on this computer only).
  const signInBrowser: ExternalBrowserPort = {
    open: async (url) => {
      if (!(await openExternal(deps.browser, url))) throw new Error("the portal's sign-in page does not use https://");
    },
  };
  const accounts = createPortalAccounts({
    store: deps.accountStore,
    secrets: deps.secrets,
    browser: signInBrowser,
    now: deps.now,
    timeoutMs: deps.timeoutMs,
  });
  const session: PortalSession = {
    accounts,
    store: deps.accountStore,
    browser: deps.browser,
    defaultPortalUrl: deps.defaultPortalUrl,
    emit: deps.emit,
    now: deps.now,
    audit: deps.audit,
  };
  const links = { registry: deps.install.registry, monitor: deps.install.monitor, emit: deps.emit };
  return {
    ...portalAccountHandlers(session),
    ...portalOrganizationHandlers(session),
    ...portalMemberHandlers(session),
    ...portalLicenseHandlers(session, links, deps.clipboard),
    ...portalInstallHandlers(session, deps.install),
    ...portalPurchaseHandlers(session, deps.clipboard),
    ...portalBillingHandlers(session, { folder: invoiceFolder(), files: deps.files }),
  };
}
