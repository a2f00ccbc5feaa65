import { z } from 'zod';
import { billingAccountSchema, billingAccountUpdateSchema } from './schemas/billing-account';
import { checkoutCreateSchema, checkoutSchema, renewalSchema } from './schemas/checkout';
import { configSchema } from './schemas/config';
import {
  invitationAcceptSchema,
  invitationCreateSchema,
  invitationPreviewQuerySchema,
  invitationPreviewSchema,
  invitationSchema,
} from './schemas/invitations';
import { invoiceSchema } from './schemas/invoices';
import { licenseSchema, licenseUpdateSchema, licenseWithKeySchema } from './schemas/licenses';
import { meSchema } from './schemas/me';
import { memberSchema, memberUpdateSchema } from './schemas/members';
import { organizationCreateSchema, organizationSchema, organizationUpdateSchema } from './schemas/organizations';
import { paymentMethodSchema, paymentMethodSetupSchema } from './schemas/payment-methods';
import { paymentSchema } from './schemas/payments';
import { planSchema } from './schemas/plans';

/** One operation of `docs/portal-api-v1.yaml`, keyed by its `operationId`. */
export interface PortalOperation {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path template, with `{org}`, `{user}` and `{id}` as in the document. */
  path: string;
  /** Whether it needs the bearer token (all but `getConfig`). */
  auth: boolean;
  /** The query parameters, as one object. */
  query: z.ZodType | null;
  /** The JSON request body. */
  body: z.ZodType | null;
  /** The success status. */
  status: 200 | 201 | 204;
  /** The success body's media type; null for 204. */
  contentType: 'application/json' | 'application/pdf' | null;
  /** The success body's schema when it is JSON. */
  response: z.ZodType | null;
}

const json = <T extends z.ZodType>(status: 200 | 201, response: T) =>
  ({ status, contentType: 'application/json', response }) as const;
const noContent = { status: 204, contentType: null, response: null } as const;
const get = <T extends z.ZodType>(path: string, response: T) =>
  ({ method: 'GET', path, auth: true, query: null, body: null, ...json(200, response) }) as const;

/** Every operation of Portal API v1 with its zod schemas; a test compares each with the document. */
export const portalOperations = {
  getConfig: { ...get('/api/v1/config', configSchema), auth: false },
  getMe: get('/api/v1/me', meSchema),
  listOrganizations: get('/api/v1/organizations', z.array(organizationSchema)),
  createOrganization: {
    method: 'POST',
    path: '/api/v1/organizations',
    auth: true,
    query: null,
    body: organizationCreateSchema,
    ...json(201, organizationSchema),
  },
  getOrganization: get('/api/v1/organizations/{org}', organizationSchema),
  updateOrganization: {
    method: 'PATCH',
    path: '/api/v1/organizations/{org}',
    auth: true,
    query: null,
    body: organizationUpdateSchema,
    ...json(200, organizationSchema),
  },
  listMembers: get('/api/v1/organizations/{org}/members', z.array(memberSchema)),
  updateMember: {
    method: 'PATCH',
    path: '/api/v1/organizations/{org}/members/{user}',
    auth: true,
    query: null,
    body: memberUpdateSchema,
    ...json(200, memberSchema),
  },
  removeMember: {
    method: 'DELETE',
    path: '/api/v1/organizations/{org}/members/{user}',
    auth: true,
    query: null,
    body: null,
    ...noContent,
  },
  listInvitations: get('/api/v1/organizations/{org}/invitations', z.array(invitationSchema)),
  createInvitation: {
    method: 'POST',
    path: '/api/v1/organizations/{org}/invitations',
    auth: true,
    query: null,
    body: invitationCreateSchema,
    ...json(201, invitationSchema),
  },
  revokeInvitation: {
    method: 'DELETE',
    path: '/api/v1/organizations/{org}/invitations/{id}',
    auth: true,
    query: null,
    body: null,
    ...noContent,
  },
  resendInvitation: {
    method: 'POST',
    path: '/api/v1/organizations/{org}/invitations/{id}/resend',
    auth: true,
    query: null,
    body: null,
    ...json(200, invitationSchema),
  },
  previewInvitation: {
    ...get('/api/v1/invitations/preview', invitationPreviewSchema),
    query: invitationPreviewQuerySchema,
  },
  acceptInvitation: {
    method: 'POST',
    path: '/api/v1/invitations/accept',
    auth: true,
    query: null,
    body: invitationAcceptSchema,
    ...json(200, organizationSchema),
  },
  listPlans: get('/api/v1/plans', z.array(planSchema)),
  listLicenses: get('/api/v1/organizations/{org}/licenses', z.array(licenseSchema)),
  getLicense: get('/api/v1/organizations/{org}/licenses/{id}', licenseWithKeySchema),
  updateLicense: {
    method: 'PATCH',
    path: '/api/v1/organizations/{org}/licenses/{id}',
    auth: true,
    query: null,
    body: licenseUpdateSchema,
    ...json(200, licenseSchema),
  },
  createCheckout: {
    method: 'POST',
    path: '/api/v1/organizations/{org}/checkout',
    auth: true,
    query: null,
    body: checkoutCreateSchema,
    ...json(201, checkoutSchema),
  },
  renewLicense: {
    method: 'POST',
    path: '/api/v1/organizations/{org}/licenses/{id}/renew',
    auth: true,
    query: null,
    body: null,
    ...json(201, renewalSchema),
  },
  getBillingAccount: get('/api/v1/organizations/{org}/billing/account', billingAccountSchema),
  updateBillingAccount: {
    method: 'PATCH',
    path: '/api/v1/organizations/{org}/billing/account',
    auth: true,
    query: null,
    body: billingAccountUpdateSchema,
    ...json(200, billingAccountSchema),
  },
  listPaymentMethods: get('/api/v1/organizations/{org}/billing/payment-methods', z.array(paymentMethodSchema)),
  setupPaymentMethod: {
    method: 'POST',
    path: '/api/v1/organizations/{org}/billing/payment-methods/setup',
    auth: true,
    query: null,
    body: null,
    ...json(201, paymentMethodSetupSchema),
  },
  listInvoices: get('/api/v1/organizations/{org}/billing/invoices', z.array(invoiceSchema)),
  getInvoicePdf: {
    method: 'GET',
    path: '/api/v1/organizations/{org}/billing/invoices/{id}/pdf',
    auth: true,
    query: null,
    body: null,
    status: 200,
    contentType: 'application/pdf',
    response: null,
  },
  listPayments: get('/api/v1/organizations/{org}/billing/payments', z.array(paymentSchema)),
} as const satisfies Record<string, PortalOperation>;

export type PortalOperationId = keyof typeof portalOperations;
