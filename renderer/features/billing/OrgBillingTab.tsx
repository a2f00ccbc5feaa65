/** The organization page's Billing tab: the billing account, payment methods and invoices. */
export function OrgBillingTab({ orgId, role }: { orgId: string; role: 'owner' | 'member' }) {
  return (
    <section aria-labelledby="org-billing-heading" data-org={orgId} data-role={role}>
      <h2 id="org-billing-heading">Billing</h2>
      <p className="hint">Loading the organization’s billing information…</p>
    </section>
  );
}
