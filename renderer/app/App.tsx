import { useEffect, useRef } from 'react';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { VerifyScreen } from '../features/verify/VerifyScreen';
import { SCREEN_HEADING_ID, SCREEN_TITLES, useScreen } from './navigation';
import { ScreenNav } from './ScreenNav';

/** The app shell: the screen links, then the current screen. */
export function App() {
  const screen = useScreen();
  const shown = useRef(screen);
  useEffect(() => {
    document.title = `${SCREEN_TITLES[screen]} · authentik License Manager`;
    if (shown.current === screen) return;
    shown.current = screen;
    const heading = document.getElementById(SCREEN_HEADING_ID);
    if (heading !== null) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [screen]);
  return (
    <div className="app">
      <header className="app__header">
        <span className="app__name">authentik License Manager</span>
        <ScreenNav current={screen} />
      </header>
      {screen === 'instances' ? <DashboardScreen /> : <VerifyScreen />}
    </div>
  );
}
