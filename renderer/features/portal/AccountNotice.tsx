import { usePortalAccounts } from '../../store/portal-context';

/**
 * What the last account action did (signed in, switched, signed out — with the portal's revocation
 * problem when it could not revoke), shown under the header wherever the person is.
 */
export function AccountNotice() {
  const notice = usePortalAccounts((state) => state.notice);
  const problem = usePortalAccounts((state) => state.problem);
  const noticeDismissed = usePortalAccounts((state) => state.noticeDismissed);
  return (
    <div className="account-notice" role="status">
      {(notice !== null || problem !== null) && (
        <div className={problem !== null ? 'account-notice__body problem' : 'account-notice__body'}>
          <p>{problem ?? notice}</p>
          <button type="button" onClick={noticeDismissed}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
