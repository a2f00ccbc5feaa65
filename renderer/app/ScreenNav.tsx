import { AuditChainStatus } from '../features/audit/AuditChainNotice';
import { SCREEN_TITLES, SCREENS, screenChosen, type Screen } from './navigation';

/**
 * The app's screens as links; the current one (none on an instance's page) is marked with aria-current.
 * The audit trail's link is followed by the chain's state, checked as the app starts.
 */
export function ScreenNav({ current }: { current: Screen | null }) {
  return (
    <nav className="screen-nav" aria-label="Screens">
      <ul>
        {SCREENS.map((screen) => (
          <li key={screen}>
            <a
              href={`#${screen}`}
              className="screen-nav__link"
              aria-current={screen === current ? 'page' : undefined}
              onClick={(event) => {
                // One window only: a modified click must not try to open another.
                event.preventDefault();
                screenChosen(screen);
              }}
            >
              {SCREEN_TITLES[screen]}
            </a>
            {screen === 'audit' && <AuditChainStatus />}
          </li>
        ))}
      </ul>
    </nav>
  );
}
