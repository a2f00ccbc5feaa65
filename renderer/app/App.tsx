import { useEffect, useRef } from 'react';
import { AuditChainNotice } from '../features/audit/AuditChainNotice';
import { AuditScreen } from '../features/audit/AuditScreen';
import { AccountMenu } from '../features/portal/AccountMenu';
import { AccountNotice } from '../features/portal/AccountNotice';
import { VerifyScreen } from '../features/verify/VerifyScreen';
import { useMainEvents } from '../ipc/events';
import { SCREEN_HEADING_ID, SCREEN_TITLES, useRoute, type Route, type Screen } from './navigation';
import { DashboardRoute, InstanceRoute } from './InstanceScreens';
import { InvitationRoute, OrganizationRoute, PortalRoute } from './PortalPages';
import { ScreenNav } from './ScreenNav';
import { ThemeSwitch } from '../ui/ThemeSwitch';
import { ToastRegion } from '../ui/ToastRegion';

/** Focus moves to the heading when this changes: not between an organization's tabs, nor when a deep link's address is tidied. */
function routeKey(route: Route): string {
  if (route.screen === 'instance' || route.screen === 'org') return `${route.screen}/${route.id}`;
  return route.screen;
}

/** The screen link to mark as current: an organization or an invitation belongs to the customer portal. */
function navScreen(route: Route): Screen | null {
  if (route.screen === 'instance') return null;
  return route.screen === 'org' || route.screen === 'invitation' ? 'portal' : route.screen;
}

function CurrentScreen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'instance':
      return <InstanceRoute id={route.id} />;
    case 'org':
      return <OrganizationRoute id={route.id} tab={route.tab} />;
    case 'invitation':
      return <InvitationRoute link={route.link} />;
    case 'portal':
      return <PortalRoute />;
    case 'instances':
      return <DashboardRoute />;
    case 'verify':
      return <VerifyScreen />;
    case 'audit':
      return <AuditScreen />;
  }
}

/**
 * The app shell: the screen links and the portal account, then the current screen (or an instance's or
 * organization's page). It follows main's events for as long as it is mounted.
 */
export function App() {
  useMainEvents();
  const route = useRoute();
  const key = routeKey(route);
  const shown = useRef(key);
  useEffect(() => {
    // Instance and organization pages name themselves in the title, once they know the name.
    if (route.screen === 'invitation') document.title = 'Accept an invitation · authentik License Manager';
    else if (route.screen !== 'instance' && route.screen !== 'org')
      document.title = `${SCREEN_TITLES[route.screen]} · authentik License Manager`;
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
        <ScreenNav current={navScreen(route)} />
        <AccountMenu />
        <ThemeSwitch />
      </header>
      <AccountNotice />
      {route.screen !== 'audit' && <AuditChainNotice />}
      <CurrentScreen route={route} />
      <ToastRegion />
    </div>
  );
}
