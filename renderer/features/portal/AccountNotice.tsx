import { useAccountScreen } from '../../store/account-screen';

/**
 * What the last account action did (signed in, switched, signed out — with the portal's revocation
 * problem when it could not revoke), shown under the header wherever the person is.
 */
export function AccountNotice() {
  const notice = useAccountScreen((state) => state.notice);
  const noticeDismissed = useAccountScreen((state) => state.noticeDismissed);
  return (
    <div className="account-notice" role="status">
      {notice !== null && (
        <div className={notice.problem ? 'account-notice__body problem' : 'account-notice__body'}>
          <p>{notice.text}</p>
          <button type="button" onClick={noticeDismissed}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
