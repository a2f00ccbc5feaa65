import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { portalOpened } from '../../app/portal-navigation';
import { useBusyAccountId, useSignOut, useSwitchAccount } from '../../queries/portal-account-mutations';
import { portalHost, useAccounts, useAccountsListed, useActiveAccount } from '../../queries/portal-accounts';
import { useAccountScreen } from '../../store/account-screen';

/**
 * The header's account menu: which portal account the portal screens use (e-mail and portal), the
 * other signed-in accounts to switch to, sign-out for each, and signing in another one.
 */
export function AccountMenu() {
  const accounts = useAccounts();
  const active = useActiveAccount();
  const listed = useAccountsListed();
  const busyAccountId = useBusyAccountId();
  const switchAccount = useSwitchAccount();
  const signOut = useSignOut();
  const addAccountOpened = useAccountScreen((state) => state.addAccountOpened);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = (): void => {
    setOpen(false);
    toggle.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  };

  if (!listed) return null;
  if (active === null) {
    return (
      <div className="account-menu">
        <button type="button" className="account-menu__toggle" onClick={portalOpened}>
          Sign in to the customer portal
        </button>
      </div>
    );
  }

  return (
    <div className="account-menu" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        className="account-menu__toggle"
        aria-expanded={open}
        aria-controls="account-menu-panel"
        onClick={() => setOpen(!open)}
      >
        <span className="sr-only">Portal account: </span>
        <span className="account-menu__email">{active.email}</span>{' '}
        <span className="account-menu__host">on {portalHost(active.portalUrl)}</span>
        <span aria-hidden="true" className="account-menu__caret">
          ▾
        </span>
      </button>
      <div id="account-menu-panel" className="account-menu__panel" hidden={!open}>
        <h2 className="account-menu__title">Portal accounts</h2>
        <ul className="account-menu__accounts">
          {accounts.map((account) => {
            const name = `${account.email} on ${portalHost(account.portalUrl)}`;
            return (
              <li key={account.id} className="account-menu__account">
                <span className="account-menu__who">
                  <span className="account-menu__email">{account.email}</span>
                  <span className="account-menu__host">{portalHost(account.portalUrl)}</span>
                  {account.active && <span className="tag">In use</span>}
                </span>
                <span className="account-menu__actions">
                  {!account.active && (
                    <button
                      type="button"
                      aria-label={busyAccountId === account.id ? undefined : `Switch to ${name}`}
                      aria-disabled={busyAccountId !== null}
                      onClick={() => {
                        if (busyAccountId === null) switchAccount.mutate(account);
                        close();
                      }}
                    >
                      {busyAccountId === account.id ? 'Switching…' : 'Switch'}
                    </button>
                  )}
                  <button
                    type="button"
                    aria-label={busyAccountId === account.id ? undefined : `Sign out ${name}`}
                    aria-disabled={busyAccountId !== null}
                    onClick={() => {
                      if (busyAccountId === null) signOut.mutate(account);
                      close();
                    }}
                  >
                    {busyAccountId === account.id ? 'Signing out…' : 'Sign out'}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
        <div className="row">
          <button
            type="button"
            onClick={() => {
              addAccountOpened();
              portalOpened();
              setOpen(false);
            }}
          >
            Add another account
          </button>
          <button
            type="button"
            onClick={() => {
              portalOpened();
              setOpen(false);
            }}
          >
            My organizations
          </button>
        </div>
      </div>
    </div>
  );
}
