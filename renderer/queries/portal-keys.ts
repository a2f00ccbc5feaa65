/*
 * The portal's query keys: one tree per signed-in account, so what was read as one account never answers
 * for another, and `portal:did-change` invalidates the whole tree (renderer/ipc/events.ts). Main reads as
 * its active account; the account in the key is the one the page believes is active.
 */

const all = ['portal'] as const;

const account = (accountId: string) => [...all, accountId] as const;

/** Everything read about one organization (details, members): a refusal showing the page was out of date invalidates it all. */
const organization = (accountId: string, orgId: string) => [...account(accountId), 'organization', orgId] as const;

export const portalKeys = {
  all,
  /**
   * The signed-in accounts and the default portal, as main holds them on this computer: outside the per-account
   * tree (they decide which account is active), read again on each `portal:did-change`.
   */
  accounts: ['portal-accounts'] as const,
  organizations: (accountId: string) => [...account(accountId), 'organizations'] as const,
  organization,
  organizationDetails: (accountId: string, orgId: string) => [...organization(accountId, orgId), 'details'] as const,
  members: (accountId: string, orgId: string) => [...organization(accountId, orgId), 'members'] as const,
  /** The organization's licenses (never their keys), each linked to the saved instances with its Install ID. */
  licenses: (accountId: string, orgId: string) => [...organization(accountId, orgId), 'licenses'] as const,
  /** One license followed until it is paid, read as the account that placed the order (whichever is active). */
  license: (accountId: string, orgId: string, licenseId: string) =>
    [...organization(accountId, orgId), 'license', licenseId] as const,
  /** The pricing plans on sale, as the active account's portal lists them. */
  plans: (accountId: string) => [...account(accountId), 'plans'] as const,
  /** Renewed-but-not-installed licenses across every signed-in account: main reads them all, so the key names none. */
  pendingInstalls: () => [...all, 'pending-installs'] as const,
  /** The organization's billing account: who invoices are made out to. */
  billingAccount: (accountId: string, orgId: string) =>
    [...organization(accountId, orgId), 'billing', 'account'] as const,
  paymentMethods: (accountId: string, orgId: string) =>
    [...organization(accountId, orgId), 'billing', 'payment-methods'] as const,
  /** Invoices and payments: main answers both in one reply. */
  invoices: (accountId: string, orgId: string) => [...organization(accountId, orgId), 'billing', 'invoices'] as const,
  /** An invitation as read with the link (main picks the reading account; a sign-in or switch reads it again). */
  invitationPreview: (accountId: string | null, link: string) =>
    [...all, accountId ?? 'signed-out', 'invitation', link] as const,
  /**
   * The preflight of one opening of "Install into <instance>": outside the portal's tree, so a change main
   * announces never reads it again under the dialog (the outcome step still shows what it said).
   */
  licenseInstallPreflight: (opening: number) => ['license-install-preflight', opening] as const,
};
