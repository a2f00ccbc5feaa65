import { useEffect, useRef } from 'react';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { InstancePage } from '../features/instance/InstancePage';
import { VerifyScreen } from '../features/verify/VerifyScreen';
import { SCREEN_HEADING_ID, SCREEN_TITLES, useRoute, type Route } from './navigation';
import { ScreenNav } from './ScreenNav';

function routeKey(route: Route): string {
  return route.screen === 'instance' ? `instance/${route.id}` : route.screen;
}

/** The app shell: the screen links, then the current screen (or one instance's page). */
export function App() {
  const route = useRoute();
  const key = routeKey(route);
  const shown = useRef(key);
  useEffect(() => {
    // The instance page names its instance in the title itself, once it knows the name.
    if (route.screen !== 'instance') document.title = `${SCREEN_TITLES[route.screen]} · authentik License Manager`;
    if (shown.current === key) return;
    shown.current = key;
    const heading = document.getElementById(SCREEN_HEADING_ID);
    if (heading !== null) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [route, key]);
  return (
    <div className="app">
      <header className="app__header">
        <span className="app__name">authentik License Manager</span>
        <ScreenNav current={route.screen === 'instance' ? null : route.screen} />
      </header>
      {route.screen === 'instance' ? <InstancePage id={route.id} /> : route.screen === 'instances' ? <DashboardScreen /> : <VerifyScreen />}
    </div>
  );
}
