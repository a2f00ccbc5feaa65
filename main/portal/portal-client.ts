import type { z } from 'zod';
import { fieldMessages } from '../../shared/portal/field-messages';
import { portalOperations, type PortalOperationId } from '../../shared/portal/operations';
import type { BillingAccount, BillingAccountUpdate } from '../../shared/portal/schemas/billing-account';
import type { Checkout, CheckoutCreate, Renewal } from '../../shared/portal/schemas/checkout';
import { idSchema } from '../../shared/portal/schemas/common';
import type { Config } from '../../shared/portal/schemas/config';
import type { Invitation, InvitationCreate, InvitationPreview } from '../../shared/portal/schemas/invitations';
import type { Invoice } from '../../shared/portal/schemas/invoices';
import type { License, LicenseUpdate, LicenseWithKey } from '../../shared/portal/schemas/licenses';
import type { Me } from '../../shared/portal/schemas/me';
import type { Member, MemberUpdate } from '../../shared/portal/schemas/members';
import type { Organization, OrganizationCreate, OrganizationUpdate } from '../../shared/portal/schemas/organizations';
import type { PaymentMethod, PaymentMethodSetup } from '../../shared/portal/schemas/payment-methods';
import type { Payment } from '../../shared/portal/schemas/payments';
import type { Plan } from '../../shared/portal/schemas/plans';
import type { AccessTokenSource } from './account-session';
import { fetchPortalConfig } from './portal-config';
import { PortalError } from './portal-error';
import {
  DEFAULT_PORTAL_TIMEOUT_MS,
  failedAnswer,
  isSuccess,
  parseAnswer,
  sendPortalRequest,
  type PortalAnswer,
  type PortalCall,
} from './portal-http';
import { hostOf } from './portal-url';

/** Every operation of Portal API v1; each answer parsed with the contract's zod schema, each failure a PortalError. */
export interface PortalClient {
  readonly baseUrl: string;
  config(): Promise<Config>;
  me(): Promise<Me>;
  listOrganizations(): Promise<Organization[]>;
  createOrganization(body: OrganizationCreate): Promise<Organization>;
  getOrganization(org: string): Promise<Organization>;
  updateOrganization(org: string, body: OrganizationUpdate): Promise<Organization>;
  listMembers(org: string): Promise<Member[]>;
  updateMember(org: string, user: string, body: MemberUpdate): Promise<Member>;
  removeMember(org: string, user: string): Promise<void>;
  listInvitations(org: string): Promise<Invitation[]>;
  createInvitation(org: string, body: InvitationCreate): Promise<Invitation>;
  revokeInvitation(org: string, id: string): Promise<void>;
  resendInvitation(org: string, id: string): Promise<Invitation>;
  previewInvitation(token: string): Promise<InvitationPreview>;
  acceptInvitation(token: string): Promise<Organization>;
  listPlans(): Promise<Plan[]>;
  listLicenses(org: string): Promise<License[]>;
  /** The only call that returns a license key: treat the answer as a secret. */
  getLicense(org: string, id: string): Promise<LicenseWithKey>;
  updateLicense(org: string, id: string, body: LicenseUpdate): Promise<License>;
  createCheckout(org: string, body: CheckoutCreate): Promise<Checkout>;
  renewLicense(org: string, id: string): Promise<Renewal>;
  getBillingAccount(org: string): Promise<BillingAccount>;
  updateBillingAccount(org: string, body: BillingAccountUpdate): Promise<BillingAccount>;
  listPaymentMethods(org: string): Promise<PaymentMethod[]>;
  setupPaymentMethod(org: string): Promise<PaymentMethodSetup>;
  listInvoices(org: string): Promise<Invoice[]>;
  /** The invoice as PDF bytes. */
  getInvoicePdf(org: string, id: string): Promise<Uint8Array>;
  listPayments(org: string): Promise<Payment[]>;
}

export interface PortalClientOptions {
  /** The portal's base address (normalizePortalUrl). */
  baseUrl: string;
  tokens: AccessTokenSource;
  timeoutMs?: number;
  /**
   * Check request bodies and queries against the contract's schemas before sending (default true), so the
   * app shows a rule's words without a round trip. With false the portal judges every value and its 422
   * is the answer: the CLI sends what was typed and reports the portal's own verdict.
   */
  checkRequests?: boolean;
}

type PathParams = Partial<Record<'org' | 'user' | 'id', string>>;

interface Request {
  params?: PathParams;
  query?: Record<string, string>;
  body?: unknown;
  /** Secrets the request carries besides the bearer token (an invitation's token), which no server message may repeat. */
  secrets?: readonly string[];
}

const PDF_MAGIC = '%PDF-';

/**
 * The contract's path with the ids filled in. Every id is a UUID; anything else (`..` included, which a
 * URL would resolve) is answered as the portal would answer it, 404, without a request.
 */
function fillPath(template: string, params: PathParams, operation: string): string {
  return template.replace(/\{(org|user|id)\}/g, (_all, name: keyof PathParams) => {
    const value = params[name] ?? '';
    if (!idSchema.safeParse(value).success)
      throw new PortalError(
        'not_found',
        `There is no such ${name === 'org' ? 'organization' : name === 'user' ? 'member' : 'object'}: "${value}" is not an id of the portal (${operation}).`,
      );
    return value;
  });
}

/** Checks a request body or query against its contract schema before anything is sent. */
function checked(schema: z.ZodType, value: unknown, operation: string): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = fieldMessages(parsed.error);
  const summary = Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
  throw new PortalError('validation', `Nothing was sent to the portal (${operation}): ${summary}.`, { fields });
}

/**
 * The Portal API v1 client for one signed-in account. A call refreshes its access token at most once:
 * before sending when it has expired, or on a 401 (then the request is sent again); a 401 after that
 * refresh means "sign in again".
 */
export function createPortalClient(options: PortalClientOptions): PortalClient {
  const { baseUrl, tokens } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_PORTAL_TIMEOUT_MS;
  const prepared = (schema: z.ZodType, value: unknown, operation: string): unknown =>
    options.checkRequests === false ? value : checked(schema, value, operation);

  /** What a failure's server text is cleaned of: the bearer token sent, and the request's own secrets. */
  const secretsOf = (request: Request, token: string): string[] => [token, ...(request.secrets ?? [])];

  const send = async (
    id: PortalOperationId,
    request: Request,
  ): Promise<{ answer: PortalAnswer; operation: string; token: string }> => {
    const spec = portalOperations[id];
    const operation = `${spec.method} ${spec.path}`;
    const call: PortalCall = {
      method: spec.method,
      path: fillPath(spec.path, request.params ?? {}, operation),
      operation,
      ...(spec.query === null
        ? {}
        : { query: prepared(spec.query, request.query ?? {}, operation) as Record<string, string> }),
      ...(spec.body === null ? {} : { body: prepared(spec.body, request.body, operation) }),
    };
    const current = await tokens.current();
    const answer = await sendPortalRequest(baseUrl, call, { token: current.accessToken, timeoutMs });
    if (answer.status !== 401) return { answer, operation, token: current.accessToken };
    // Refused token: renew once and try again (a 401 means the portal did nothing, so resending is safe).
    // A token just refreshed for this call is not renewed again: one refresh per call, then "sign in again".
    const renewed = await tokens.renew(current);
    return { answer: await sendPortalRequest(baseUrl, call, { token: renewed, timeoutMs }), operation, token: renewed };
  };

  const json = async <T>(id: PortalOperationId, request: Request = {}): Promise<T> => {
    const spec = portalOperations[id];
    const { answer, operation, token } = await send(id, request);
    const schema = spec.response as z.ZodType<T> | null;
    if (schema === null) throw new TypeError(`${operation} has no JSON answer`);
    return parseAnswer(answer, schema, { baseUrl, operation, secrets: secretsOf(request, token) });
  };

  /** For the DELETEs: any 2xx is done (the contract sends 204 No Content). */
  const empty = async (id: PortalOperationId, request: Request): Promise<void> => {
    const { answer, operation, token } = await send(id, request);
    if (!isSuccess(answer)) throw failedAnswer(answer, { baseUrl, operation, secrets: secretsOf(request, token) });
  };

  return {
    baseUrl,
    config: () => fetchPortalConfig(baseUrl, timeoutMs),
    me: () => json('getMe'),
    listOrganizations: () => json('listOrganizations'),
    createOrganization: (body) => json('createOrganization', { body }),
    getOrganization: (org) => json('getOrganization', { params: { org } }),
    updateOrganization: (org, body) => json('updateOrganization', { params: { org }, body }),
    listMembers: (org) => json('listMembers', { params: { org } }),
    updateMember: (org, user, body) => json('updateMember', { params: { org, user }, body }),
    removeMember: (org, user) => empty('removeMember', { params: { org, user } }),
    listInvitations: (org) => json('listInvitations', { params: { org } }),
    createInvitation: (org, body) => json('createInvitation', { params: { org }, body }),
    revokeInvitation: (org, id) => empty('revokeInvitation', { params: { org, id } }),
    resendInvitation: (org, id) => json('resendInvitation', { params: { org, id } }),
    previewInvitation: (token) => json('previewInvitation', { query: { token }, secrets: [token] }),
    acceptInvitation: (token) => json('acceptInvitation', { body: { token }, secrets: [token] }),
    listPlans: () => json('listPlans'),
    listLicenses: (org) => json('listLicenses', { params: { org } }),
    getLicense: (org, id) => json('getLicense', { params: { org, id } }),
    updateLicense: (org, id, body) => json('updateLicense', { params: { org, id }, body }),
    createCheckout: (org, body) => json('createCheckout', { params: { org }, body }),
    renewLicense: (org, id) => json('renewLicense', { params: { org, id } }),
    getBillingAccount: (org) => json('getBillingAccount', { params: { org } }),
    updateBillingAccount: (org, body) => json('updateBillingAccount', { params: { org }, body }),
    listPaymentMethods: (org) => json('listPaymentMethods', { params: { org } }),
    setupPaymentMethod: (org) => json('setupPaymentMethod', { params: { org } }),
    listInvoices: (org) => json('listInvoices', { params: { org } }),
    async getInvoicePdf(org, id) {
      const { answer, operation, token } = await send('getInvoicePdf', { params: { org, id } });
      if (!isSuccess(answer)) throw failedAnswer(answer, { baseUrl, operation, secrets: [token] });
      const head = new TextDecoder().decode(answer.body.subarray(0, PDF_MAGIC.length));
      if (!/^application\/pdf\b/i.test(answer.contentType) || head !== PDF_MAGIC) {
        throw new PortalError(
          'unexpected_response',
          `The portal at ${hostOf(baseUrl)} answered ${operation} with something that is not a PDF file.`,
          { status: answer.status },
        );
      }
      return answer.body;
    },
    listPayments: (org) => json('listPayments', { params: { org } }),
  };
}
