import { useEffect } from 'react';
import { useNow } from '../../ui/use-now';
import { LicenseDetailsDialog } from './LicenseDetailsDialog';
import { LicenseInstallDialog } from './LicenseInstallDialog';
import { useLicenseScreen } from './license-screen';
import { LicensesTable } from './LicensesTable';
import { PurchaseDialog } from './PurchaseDialog';
import { usePurchaseScreen } from './purchase-screen';
import { useLicenses } from './queries';
import { TrackedPurchases } from './TrackedPurchases';
import './portal-licenses.css';

const CLOCK_TICK_MS = 60_000;

function NoLicenses({ role }: { role: 'owner' | 'member' }) {
  return (
    <div className="empty-state">
      <p>
        <strong>This organization has no licenses yet.</strong>
      </p>
      <p>
        {role === 'owner'
          ? 'Press Purchase license to order one for an authentik instance: choose the instance (its Install ID), the plan and the number of users, then pay on the checkout page.'
          : 'An Owner of the organization can purchase one; it will be listed here, with its key, once paid.'}
      </p>
    </div>
  );
}

/** The organization page's Licenses tab: the organization's licenses, their keys, purchase and renewal. */
export function OrgLicensesTab({
  orgId,
  role,
  noticeElsewhere,
}: {
  orgId: string;
  role: 'owner' | 'member';
  noticeElsewhere: (text: string) => void;
}) {
  const list = useLicenses(orgId);
  const detailsClosed = useLicenseScreen((state) => state.detailsClosed);
  const purchaseOpened = usePurchaseScreen((state) => state.purchaseOpened);
  const now = useNow(CLOCK_TICK_MS);

  // A revealed key and a rename leave with the tab (or another organization's).
  useEffect(() => () => detailsClosed(), [orgId, detailsClosed]);
  const licenses = list.data ?? null;
  const loading = list.isFetching;
  const listed = list.data !== undefined || list.isError;
  const listProblem = list.isError ? list.error.message : null;

  return (
    <section className="org-licenses" aria-labelledby="org-licenses-heading" aria-busy={loading}>
      <div className="org-licenses__top">
        <h2 id="org-licenses-heading">Licenses</h2>
        <div className="org-licenses__actions">
          {role === 'owner' && (
            <button type="button" className="primary" onClick={() => purchaseOpened(orgId)}>
              Purchase license
            </button>
          )}
          <button type="button" aria-disabled={loading} onClick={() => void list.refetch()}>
            Refresh
          </button>
        </div>
      </div>
      {role === 'member' && (
        <p className="hint">
          As a Member you can view the licenses, including their keys. Ordering, renewing and renaming licenses takes an
          Owner.
        </p>
      )}
      <p className="notice" role="status">
        {loading ? 'Loading the licenses…' : ''}
      </p>
      {listProblem !== null && (
        <p className="problem" role="alert">
          The licenses could not be listed: {listProblem} Press Refresh to try again.
        </p>
      )}
      <TrackedPurchases orgId={orgId} />
      {licenses !== null && licenses.length > 0 ? (
        <LicensesTable licenses={licenses} orgId={orgId} role={role} now={now} />
      ) : (
        listed && listProblem === null && <NoLicenses role={role} />
      )}
      <LicenseDetailsDialog orgId={orgId} licenses={licenses ?? []} role={role} now={now} />
      <PurchaseDialog />
      <LicenseInstallDialog noticeElsewhere={noticeElsewhere} />
    </section>
  );
}
