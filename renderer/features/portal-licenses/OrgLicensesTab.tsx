/** The organization page's Licenses tab: the organization's licenses, their keys, purchase and renewal. */
export function OrgLicensesTab({ orgId, role }: { orgId: string; role: 'owner' | 'member' }) {
  return (
    <section aria-labelledby="org-licenses-heading" data-org={orgId} data-role={role}>
      <h2 id="org-licenses-heading">Licenses</h2>
      <p className="hint">Loading the organization’s licenses…</p>
    </section>
  );
}
