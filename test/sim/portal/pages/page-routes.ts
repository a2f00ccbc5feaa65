import type { IncomingMessage, ServerResponse } from 'node:http';
import { invitationExpired, invitationPreviewView } from '../api/views';
import { readCard } from '../commerce/card-form';
import { licenseOf, payCheckout, planOf } from '../commerce/checkout';
import { payInvoice } from '../commerce/invoice-payment';
import { addCard } from '../commerce/payment-method-setup';
import { methodDescription } from '../commerce/pricing';
import { escapeHtml, htmlPage } from '../html';
import { readForm, redirect, sendHtml } from '../http/http-io';
import type { PortalState } from '../state/portal-state';
import type { CheckoutRecord } from '../state/records';
import { renderCheckoutPage, renderInvoicePayPage, renderNotFoundPage, renderSetupPage } from './commerce-pages';

type PageResult = { status: number; html: string } | { redirect: string };

function thisYear(state: PortalState): number {
  return new Date(state.now()).getUTCFullYear();
}

function checkoutPage(state: PortalState, checkout: CheckoutRecord, status = 200, error?: string): PageResult {
  const license = licenseOf(state, checkout);
  const organization = state.organization(checkout.orgId);
  if (organization === undefined) return { status: 404, html: renderNotFoundPage('checkout') };
  const html = renderCheckoutPage({
    checkout,
    license,
    plan: planOf(state, license),
    organization,
    thisYear: thisYear(state),
    ...(error === undefined ? {} : { error }),
  });
  return { status, html };
}

async function checkoutRoute(
  state: PortalState,
  request: IncomingMessage,
  id: string,
  pay: boolean,
): Promise<PageResult> {
  const checkout = state.data.checkouts.find((entry) => entry.id === id);
  if (checkout === undefined) return { status: 404, html: renderNotFoundPage('checkout') };
  if (!pay) return checkoutPage(state, checkout);
  if (checkout.paidAt !== null)
    return checkoutPage(state, checkout, 409, 'This checkout is already paid; nothing was charged again.');
  const read = readCard(await readForm(request), thisYear(state));
  if (!read.ok) return checkoutPage(state, checkout, 422, read.message);
  if (payCheckout(state, checkout, read.card) === 'declined') {
    return checkoutPage(state, checkout, 402, 'Your card was declined. Nothing was charged; try another card.');
  }
  return { redirect: `/checkout/${checkout.id}` };
}

/** An open invoice's payment page (`Invoice.pay_url`); Pay posts the card to the same address. */
async function invoicePayRoute(state: PortalState, request: IncomingMessage, id: string): Promise<PageResult> {
  const invoice = state.data.invoices.find((entry) => entry.id === id);
  const organization = invoice === undefined ? undefined : state.organization(invoice.orgId);
  if (invoice === undefined || organization === undefined) return { status: 404, html: renderNotFoundPage('invoice') };
  const page = (status: number, error?: string): PageResult => ({
    status,
    html: renderInvoicePayPage({
      invoice,
      organization,
      thisYear: thisYear(state),
      ...(error === undefined ? {} : { error }),
    }),
  });
  if (request.method === 'GET') return page(200);
  if (invoice.status !== 'open') return page(409, 'This invoice is not open; nothing was charged.');
  const read = readCard(await readForm(request), thisYear(state));
  if (!read.ok) return page(422, read.message);
  if (payInvoice(state, invoice, read.card) === 'declined')
    return page(402, 'Your card was declined. Nothing was charged; try another card.');
  return { redirect: `/invoices/${invoice.id}/pay` };
}

async function setupRoute(state: PortalState, request: IncomingMessage, id: string): Promise<PageResult> {
  const setup = state.data.paymentMethodSetups.find((entry) => entry.id === id);
  const organization = setup === undefined ? undefined : state.organization(setup.orgId);
  if (setup === undefined || organization === undefined)
    return { status: 404, html: renderNotFoundPage('payment method page') };
  const added = state.data.paymentMethods.find((method) => method.id === setup.paymentMethodId) ?? null;
  const page = (status: number, error?: string): PageResult => ({
    status,
    html: renderSetupPage({
      organization,
      setupId: setup.id,
      added,
      addedDescription: added === null ? null : methodDescription(added),
      thisYear: thisYear(state),
      ...(error === undefined ? {} : { error }),
    }),
  });
  if (request.method !== 'POST' || added !== null) return page(added !== null && request.method === 'POST' ? 409 : 200);
  const read = readCard(await readForm(request), thisYear(state));
  if (!read.ok) return page(422, read.message);
  if (read.card.declined) return page(402, 'Your card was declined, so it was not added. Try another card.');
  addCard(state, setup, read.card);
  return { redirect: `/billing/setup/${setup.id}` };
}

/** The page an invitation e-mail's link opens: who invites whom, and where to accept. */
function invitationRoute(state: PortalState, token: string): PageResult {
  const invitation = state.data.invitations.find((entry) => entry.token === token);
  const org = invitation === undefined ? undefined : state.organization(invitation.orgId);
  if (invitation === undefined || org === undefined)
    return { status: 404, html: renderNotFoundPage('invitation (it was revoked or already accepted)') };
  if (invitationExpired(state, invitation)) {
    return {
      status: 409,
      html: htmlPage(
        'Invitation expired',
        `<p role="alert">This invitation to ${escapeHtml(org.name)} has expired. Ask an Owner to send it again.</p>`,
      ),
    };
  }
  const preview = invitationPreviewView(state, invitation, org);
  const role = preview.role === 'owner' ? 'an Owner' : 'a Member';
  return {
    status: 200,
    html: htmlPage(
      `Join ${org.name}`,
      `<p>${escapeHtml(preview.invited_by.name)} (${escapeHtml(preview.invited_by.email)}) invited ${escapeHtml(preview.email)} to join <strong>${escapeHtml(org.name)}</strong> as ${role}.</p>
<p>Accept it in authentik License Manager: sign in to this portal there and open the invitation. It expires at ${escapeHtml(preview.expires_at)}.</p>`,
    ),
  };
}

/**
 * The simulator's browser pages outside the API and sign-in: checkout (`/checkout/<id>`, Pay posts to
 * `/checkout/<id>/pay`), an open invoice's payment (`/invoices/<id>/pay`), payment-method setup (`/billing/setup/<id>`), invitation links and the support
 * center. Returns false for any other path.
 */
export async function servePage(
  state: PortalState,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<boolean> {
  let result: PageResult | null = null;
  const checkout = /^\/checkout\/([0-9a-f-]{36})(\/pay)?$/.exec(url.pathname);
  const setup = /^\/billing\/setup\/([0-9a-f-]{36})$/.exec(url.pathname);
  const invoicePay = /^\/invoices\/([0-9a-f-]{36})\/pay$/.exec(url.pathname);
  if (checkout?.[1] !== undefined) {
    const pay = checkout[2] !== undefined;
    if (request.method !== (pay ? 'POST' : 'GET'))
      result = { status: 405, html: htmlPage('Not allowed', "<p>Use the page's buttons.</p>") };
    else result = await checkoutRoute(state, request, checkout[1], pay);
  } else if (invoicePay?.[1] !== undefined) {
    result = await invoicePayRoute(state, request, invoicePay[1]);
  } else if (setup?.[1] !== undefined) {
    result = await setupRoute(state, request, setup[1]);
  } else if (url.pathname === '/invitations/accept' && request.method === 'GET') {
    result = invitationRoute(state, url.searchParams.get('token') ?? '');
  } else if (url.pathname === '/support' && request.method === 'GET') {
    result = {
      status: 200,
      html: htmlPage(
        'Support center',
        '<p>Open a ticket here to delete an organization or for anything the portal cannot do itself. (Simulated: no tickets are kept.)</p>',
      ),
    };
  }
  if (result === null) return false;
  if ('redirect' in result) redirect(response, result.redirect);
  else sendHtml(response, result.status, result.html);
  return true;
}
