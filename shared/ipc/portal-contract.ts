import { z } from 'zod';
import { installOutcomeSchema } from '../instances/install-outcome';
import { installPreflightViewSchema } from '../instances/install-preflight-view';
import { billingAccountSchema, billingAccountUpdateSchema } from '../portal/schemas/billing-account';
import { checkoutCreateSchema } from '../portal/schemas/checkout';
import { invitationCreateSchema, invitationPreviewSchema, invitationSchema } from '../portal/schemas/invitations';
import { invoiceSchema } from '../portal/schemas/invoices';
import { licenseSchema, licenseUpdateSchema } from '../portal/schemas/licenses';
import { memberSchema, memberUpdateSchema } from '../portal/schemas/members';
import {
  organizationCreateSchema,
  organizationSchema,
  organizationUpdateSchema,
} from '../portal/schemas/organizations';
import { paymentMethodSchema } from '../portal/schemas/payment-methods';
import { paymentSchema } from '../portal/schemas/payments';
import { planSchema } from '../portal/schemas/plans';

const org = z.guid();
const id = z.guid();

/** A signed-in portal account as the page sees it: who and where, never a token. */
export const portalAccountViewSchema = z.object({
  id: z.string(),
  portalUrl: z.url(),
  email: z.string(),
  name: z.string(),
  lastUsedAt: z.iso.datetime(),
  /** The account the portal screens use: the most recently used one. */
  active: z.boolean(),
});
export type PortalAccountView = z.infer<typeof portalAccountViewSchema>;

/**
 * An invitation as the person pasted it: the e-mail's link (https://…?token=…), the app's deep link
 * `authentik-license-manager://invitation?token=…`, or the bare token.
 */
const invitationLink = z
  .string()
  .trim()
  .min(1, 'paste the invitation link from the e-mail')
  .max(2048, 'an invitation link is at most 2048 characters');

/** Renewing a license already installed on the instance: its uuid there (its seats are replaced, not added), or null to install alongside. */
const replaces = z.uuid().nullable().default(null);

/** The signed-in account whose portal holds the license (a renewed-but-not-installed pairing's); null: the active account. */
const viaAccount = z.string().min(1).nullable().default(null);

/** A saved instance a portal license is for (same Install ID), and whether its key still has to be installed there. */
const instanceLinkSchema = z.object({
  instanceId: z.uuid(),
  instanceName: z.string(),
  /** Paid or renewed, active, runs longer than every installed key, and not installed (shared/links/renewed-not-installed). */
  renewedNotInstalled: z.boolean(),
  /**
   * Set when an active license could not be compared with the instance's installed keys because the
   * instance's last read failed: that read's error, in words. Null when compared (or nothing to compare).
   */
  lastReadProblem: z.string().nullable(),
});

/**
 * The instance preflight of a portal license's key, and the installed license it replaces in place: the
 * one still running the key the license held before its latest renewal (`previous_key_fingerprint`);
 * null when there is none, and the key would be installed beside the others.
 */
const licenseInstallPreflightSchema = installPreflightViewSchema.extend({
  replaces: z.object({ licenseUuid: z.uuid(), name: z.string() }).nullable(),
});
export type LicenseInstallPreflight = z.infer<typeof licenseInstallPreflightSchema>;

/** The signed-in account that placed an order or renewal (the active one then): its license is followed as that account, whichever is active later. */
const orderedBy = z.string().min(1);

/** Whether a checkout page opened in the system browser; when not, why, in words (its order exists all the same). */
const checkoutOpening = { opened: z.boolean(), openProblem: z.string().nullable() };

/** A portal license in a list: never the key; linked to every saved instance with its Install ID (none, one, or several saved with the same one). */
const licenseViewSchema = licenseSchema.extend({ instances: z.array(instanceLinkSchema) });
export type PortalLicenseView = z.infer<typeof licenseViewSchema>;

/** One renewed-but-not-installed pairing, for the fleet dashboard and the instance page: which account and organization it came from. */
const pendingInstallSchema = z.object({
  instanceId: z.uuid(),
  accountId: z.string(),
  accountEmail: z.string(),
  org,
  organizationName: z.string(),
  license: licenseSchema,
});

/** An active license that could not be compared with a saved instance of its Install ID: the instance's last read failed. */
const uncomparedSchema = pendingInstallSchema.extend({ lastReadProblem: z.string() });

/** A signed-in account whose licenses could not be read for the pairings, in words. */
const accountProblemSchema = z.object({
  accountId: z.string(),
  email: z.string(),
  portalUrl: z.url(),
  /** Its sign-in has ended (or its tokens are gone from the token vault): signing in again is the fix. */
  signInAgain: z.boolean(),
  message: z.string(),
});

/**
 * The customer portal channels. Every call uses the active account (the most recently used one) unless it
 * names another; a
 * PortalError becomes an IPC error (`not_signed_in` asks to sign in again; a 422 carries `fields`).
 */
export const portalContract = {
  'portal:list-accounts': {
    input: z.object({}),
    output: z.object({ accounts: z.array(portalAccountViewSchema), defaultPortalUrl: z.url() }),
  },
  /** Opens the system browser and waits for the loopback redirect (RFC 8252); tokens go to the token vault only. */
  'portal:sign-in': {
    input: z.object({ portalUrl: z.url({ protocol: /^https?$/ }).nullable() }),
    output: z.object({ account: portalAccountViewSchema }),
  },
  /** Stops waiting for a sign-in started with `portal:sign-in` (it then fails with `refused`). */
  'portal:cancel-sign-in': { input: z.object({}), output: z.object({}) },
  'portal:switch-account': {
    input: z.object({ accountId: z.string().min(1) }),
    output: z.object({ account: portalAccountViewSchema }),
  },
  /** Revokes (best effort) and deletes the tokens; `revocationProblem` says why the portal may still honour them. */
  'portal:sign-out': {
    input: z.object({ accountId: z.string().min(1) }),
    output: z.object({ revocationProblem: z.string().nullable() }),
  },
  /** Opens a portal's own web pages in the system browser (for portals without Portal API v1). */
  'portal:open-web': {
    input: z.object({ portalUrl: z.url({ protocol: /^https$/ }) }),
    output: z.object({ url: z.url() }),
  },

  'portal:list-organizations': {
    input: z.object({}),
    output: z.object({ organizations: z.array(organizationSchema), supportUrl: z.url() }),
  },
  'portal:create-organization': {
    input: organizationCreateSchema,
    output: z.object({ organization: organizationSchema }),
  },
  'portal:get-organization': {
    input: z.object({ org }),
    output: z.object({ organization: organizationSchema, supportUrl: z.url() }),
  },
  'portal:update-organization': {
    input: z.object({ org, change: organizationUpdateSchema }),
    output: z.object({ organization: organizationSchema }),
  },
  /** Opens the portal's support center (deleting an organization is a support ticket). */
  'portal:open-support': { input: z.object({}), output: z.object({ url: z.url() }) },

  'portal:list-members': {
    input: z.object({ org }),
    output: z.object({ members: z.array(memberSchema), invitations: z.array(invitationSchema) }),
  },
  'portal:update-member': {
    input: z.object({ org, user: id, change: memberUpdateSchema }),
    output: z.object({ member: memberSchema }),
  },
  'portal:remove-member': { input: z.object({ org, user: id }), output: z.object({}) },
  'portal:create-invitation': {
    input: z.object({ org, invitation: invitationCreateSchema }),
    output: z.object({ invitation: invitationSchema }),
  },
  'portal:revoke-invitation': { input: z.object({ org, id }), output: z.object({}) },
  'portal:resend-invitation': { input: z.object({ org, id }), output: z.object({ invitation: invitationSchema }) },
  /**
   * Reads an invitation from a pasted link, a deep link or a bare token; accepts nothing and switches no
   * account. `account` is who would join: the signed-in account whose e-mail is the invitation's (at the
   * link's portal), else the account that read it (the active one, or one signed in at the link's portal);
   * its `active` says whether it is the active account. With no account signed in at the link's portal it
   * answers `not_signed_in` naming that portal, before anything is sent. The token never comes back.
   */
  'portal:preview-invitation': {
    input: z.object({ link: invitationLink }),
    output: z.object({ account: portalAccountViewSchema, preview: invitationPreviewSchema }),
  },
  /** Accepts the invitation of the same link as the named account, only after the person confirmed its preview; that account becomes the active one. */
  'portal:accept-invitation': {
    input: z.object({ link: invitationLink, accountId: z.string().min(1) }),
    output: z.object({ organization: organizationSchema }),
  },

  'portal:list-plans': { input: z.object({}), output: z.object({ plans: z.array(planSchema) }) },
  /** The organization's licenses, each linked to the saved instances with its Install ID. */
  'portal:list-licenses': { input: z.object({ org }), output: z.object({ licenses: z.array(licenseViewSchema) }) },
  /** One license without its key (for polling after a purchase or renewal), read as the account that placed the order (null: the active one). */
  'portal:get-license': {
    input: z.object({ org, id, accountId: viaAccount }),
    output: z.object({ license: licenseViewSchema }),
  },
  /** The one explicit, user-triggered channel that returns a license key. */
  'portal:reveal-license-key': { input: z.object({ org, id }), output: z.object({ key: z.string() }) },
  /** Copies the key in main, by license id; the clipboard is cleared at `clearsAt` if it still holds the key. */
  'portal:copy-license-key': { input: z.object({ org, id }), output: z.object({ clearsAt: z.iso.datetime() }) },
  'portal:rename-license': {
    input: z.object({ org, id, change: licenseUpdateSchema }),
    output: z.object({ license: licenseViewSchema }),
  },
  /**
   * The instance preflight for a portal license's key (fetched in main, never sent to the page); main
   * finds the installed license a renewal replaces from the license's `previous_key_fingerprint`.
   */
  'portal:preflight-license-install': {
    input: z.object({ org, id, instanceId: z.uuid(), accountId: viaAccount }),
    output: licenseInstallPreflightSchema,
  },
  /** Installs as the preflight the person confirmed: `replaces` is the uuid of the license its answer named, or null. */
  'portal:install-license': {
    input: z.object({ org, id, instanceId: z.uuid(), allowOverCapacity: z.boolean(), replaces, accountId: viaAccount }),
    output: installOutcomeSchema,
  },
  /**
   * Creates the order, then opens its checkout page in the system browser. When the page cannot be opened
   * the order still stands: `opened` is false, `openProblem` says why, and the page offers the address.
   */
  'portal:checkout': {
    input: z.object({ org, order: checkoutCreateSchema }),
    output: z.object({ licenseId: id, checkoutUrl: z.url(), accountId: orderedBy, ...checkoutOpening }),
  },
  /** Creates the renewal's checkout and opens its page in the system browser (`opened` as for `portal:checkout`). */
  'portal:renew-license': {
    input: z.object({ org, id }),
    output: z.object({ checkoutUrl: z.url(), accountId: orderedBy, ...checkoutOpening }),
  },
  /** Opens a checkout page the portal gave in this session again (`refused` in words when it cannot). */
  'portal:open-checkout': { input: z.object({ checkoutUrl: z.url() }), output: z.object({}) },
  /** Copies a checkout page's address the portal gave in this session (it is no secret and carries no token). */
  'portal:copy-checkout-url': { input: z.object({ checkoutUrl: z.url() }), output: z.object({}) },
  /**
   * Renewed-but-not-installed licenses across every signed-in account's organizations and the saved
   * instances, each license once (`not_signed_in` without an account); `uncompared` are the licenses that
   * could not be judged because their instance's last read failed; accounts that could not be read are
   * listed with why, and never hide the others.
   */
  'portal:list-pending-installs': {
    input: z.object({}),
    output: z.object({
      pending: z.array(pendingInstallSchema),
      uncompared: z.array(uncomparedSchema),
      accountProblems: z.array(accountProblemSchema),
    }),
  },

  'portal:get-billing-account': { input: z.object({ org }), output: z.object({ account: billingAccountSchema }) },
  'portal:update-billing-account': {
    input: z.object({ org, change: billingAccountUpdateSchema }),
    output: z.object({ account: billingAccountSchema }),
  },
  'portal:list-payment-methods': {
    input: z.object({ org }),
    output: z.object({ paymentMethods: z.array(paymentMethodSchema) }),
  },
  /** Opens the portal's page for adding a payment method in the system browser. */
  'portal:setup-payment-method': { input: z.object({ org }), output: z.object({ setupUrl: z.url() }) },
  'portal:list-invoices': {
    input: z.object({ org }),
    output: z.object({ invoices: z.array(invoiceSchema), payments: z.array(paymentSchema) }),
  },
  /** Downloads the invoice PDF in main (it needs the token) and opens it with the system's PDF viewer. */
  'portal:open-invoice': { input: z.object({ org, id }), output: z.object({ fileName: z.string() }) },
  /** Opens the portal's payment page of an open invoice in the system browser (`refused` in words when it is not open). */
  'portal:pay-invoice': { input: z.object({ org, id }), output: z.object({}) },
} as const;

export const portalEvents = {
  /** Accounts, organizations or licenses changed (sign-in, purchase completed…): screens reload. */
  'portal:did-change': z.object({}),
};
