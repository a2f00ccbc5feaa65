import { BillingAccountSection } from './BillingAccountSection';
import { InvoicesSection } from './InvoicesSection';
import { PaymentMethodsSection } from './PaymentMethodsSection';
import './billing.css';

/** The organization page's Billing tab: the billing account, payment methods, invoices and payments. */
export function OrgBillingTab({ orgId, role }: { orgId: string; role: 'owner' | 'member' }) {
  return (
    <section className="org-billing" aria-labelledby="org-billing-heading">
      <h2 id="org-billing-heading">Billing</h2>
      <p className="lede">
        Billing is based on each individual organization: update its account information, add a payment method, and view
        its invoice and payment history.
      </p>
      <BillingAccountSection orgId={orgId} role={role} />
      <PaymentMethodsSection orgId={orgId} role={role} />
      <InvoicesSection orgId={orgId} />
    </section>
  );
}
