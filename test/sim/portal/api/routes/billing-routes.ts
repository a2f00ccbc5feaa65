import { billingAccountProblems } from '../../../../../shared/portal/validation';
import { invoicePdf } from '../../commerce/invoice-pdf';
import { openSetup, setupUrl } from '../../commerce/payment-method-setup';
import type { BillingAccountRecord } from '../../state/records';
import { notFound } from '../api-error';
import { memberOf, ownerOf } from '../org-access';
import { FieldProblems, objectBody } from '../request-fields';
import { path, type Route } from '../route';
import { invoiceView, paymentMethodView, paymentView } from '../views';

/**
 * Each billing field's longest value (country and phone have patterns instead, checked with the other
 * rules), and whether an empty value means "not set" (free text) or is checked as given.
 */
const ACCOUNT_FIELDS: Record<keyof BillingAccountRecord, { max: number; label: string; freeText: boolean }> = {
  name: { max: 100, label: 'name', freeText: true },
  address_line1: { max: 200, label: 'first address line', freeText: true },
  address_line2: { max: 200, label: 'second address line', freeText: true },
  city: { max: 100, label: 'city', freeText: true },
  postal_code: { max: 16, label: 'postal code', freeText: false },
  region: { max: 100, label: 'region', freeText: true },
  country: { max: Infinity, label: 'country', freeText: false },
  phone: { max: Infinity, label: 'phone number', freeText: false },
  tax_id: { max: 32, label: 'tax ID', freeText: false },
};
const FIELD_NAMES = Object.keys(ACCOUNT_FIELDS) as (keyof BillingAccountRecord)[];

/**
 * The billing account after the edit: each field given replaces the stored one (`null` clears it; free
 * text that is empty after trimming is `null` too), then the whole account is checked — postal code
 * and tax ID against the resulting country.
 */
function editedAccount(current: BillingAccountRecord, body: Record<string, unknown>): BillingAccountRecord {
  const problems = new FieldProblems();
  problems.rejectUnknown(body, FIELD_NAMES);
  problems.requireSome(body, FIELD_NAMES, 'Change at least one field of the billing account');
  const next = { ...current };
  for (const field of FIELD_NAMES) {
    if (!Object.hasOwn(body, field)) continue;
    const value = body[field];
    const { max, label, freeText } = ACCOUNT_FIELDS[field];
    if (value === null) next[field] = null;
    else if (typeof value !== 'string') problems.add(field, `The ${label} is text, or null to clear it`);
    else if (value.trim().length > max) problems.add(field, `The ${label} has at most ${max} characters`);
    else next[field] = freeText && value.trim() === '' ? null : value.trim();
  }
  for (const [field, message] of Object.entries(billingAccountProblems(next))) {
    if (message !== undefined && !problems.has(field)) problems.add(field, message);
  }
  problems.settle();
  return next;
}

/** Billing: members read the account, methods, invoices (and their PDFs) and payments; Owners edit and add methods. */
export function billingRoutes(): Route[] {
  return [
    {
      method: 'GET',
      pattern: path('/api/v1/organizations/{org}/billing/account'),
      handle: (context) => ({ status: 200, body: { ...memberOf(context).org.billing } }),
    },
    {
      method: 'PATCH',
      pattern: path('/api/v1/organizations/{org}/billing/account'),
      handle: (context) => {
        const { org } = ownerOf(context, 'edit the billing account');
        org.billing = editedAccount(org.billing, objectBody(context));
        return { status: 200, body: { ...org.billing } };
      },
    },
    {
      method: 'GET',
      pattern: path('/api/v1/organizations/{org}/billing/payment-methods'),
      handle: (context) => {
        const { org } = memberOf(context);
        const methods = context.state.data.paymentMethods
          .filter((method) => method.orgId === org.id)
          .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || b.createdAt - a.createdAt);
        return { status: 200, body: methods.map(paymentMethodView) };
      },
    },
    {
      method: 'POST',
      pattern: path('/api/v1/organizations/{org}/billing/payment-methods/setup'),
      handle: (context) => {
        const { org } = ownerOf(context, 'add payment methods');
        return { status: 201, body: { setup_url: setupUrl(context.state, openSetup(context.state, org.id)) } };
      },
    },
    {
      method: 'GET',
      pattern: path('/api/v1/organizations/{org}/billing/invoices'),
      handle: (context) => {
        const { org } = memberOf(context);
        const invoices = context.state.data.invoices
          .filter((invoice) => invoice.orgId === org.id)
          .sort((a, b) => b.date - a.date);
        return { status: 200, body: invoices.map((invoice) => invoiceView(context.state, invoice)) };
      },
    },
    {
      method: 'GET',
      pattern: path('/api/v1/organizations/{org}/billing/invoices/{id}/pdf'),
      handle: (context) => {
        const { org } = memberOf(context);
        const invoice = context.state.data.invoices.find(
          (entry) => entry.orgId === org.id && entry.id === context.params[1],
        );
        if (invoice === undefined) throw notFound('invoice');
        const bytes = invoicePdf({ invoice, organization: org });
        return { status: 200, file: { bytes, filename: `${invoice.number}.pdf` } };
      },
    },
    {
      method: 'GET',
      pattern: path('/api/v1/organizations/{org}/billing/payments'),
      handle: (context) => {
        const { org } = memberOf(context);
        const payments = context.state.data.payments
          .filter((payment) => payment.orgId === org.id)
          .sort((a, b) => b.date - a.date);
        return { status: 200, body: payments.map(paymentView) };
      },
    },
  ];
}
