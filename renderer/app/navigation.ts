import { useMemo, useSyncExternalStore } from 'react';
import { portalFragmentOf, portalRouteOf, type PortalRoute } from './portal-routes';

/** The screens the app's navigation links to. */
export const SCREENS = ['instances', 'portal', 'verify', 'audit'] as const;
export type Screen = (typeof SCREENS)[number];

export const SCREEN_TITLES: Record<Screen, string> = {
  instances: 'Instances',
  portal: 'Customer portal',
  verify: 'Verify a key',
  audit: 'Audit',
};

/** Where the app is: a screen, one instance's page (`#instance/<id>`), or a portal page (`#org/<id>/<tab>`, `#invitation`). */
export type Route = { screen: Screen } | { screen: 'instance'; id: string } | PortalRoute;

/** Each screen's `<h1>` carries this id; focus moves there when the person switches screens. */
export const SCREEN_HEADING_ID = 'screen-heading';

const DEFAULT_SCREEN: Screen = 'instances';
const INSTANCE_FRAGMENT = /^instance\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const listeners = new Set<() => void>();

/** History entries pushed by opening an instance from the dashboard carry this, so "back" can go back. */
interface OpenedFromDashboard {
  openedFrom: 'instances';
}

/** The route named by the address's fragment (`#verify`, `#instance/<id>`), as a string: a stable snapshot. */
function currentFragment(): string {
  const fragment = window.location.hash.replace(/^#\/?/, '');
  if (INSTANCE_FRAGMENT.test(fragment)) return fragment.toLowerCase();
  const portal = portalFragmentOf(fragment);
  if (portal !== null) return portal;
  return (SCREENS as readonly string[]).includes(fragment) ? fragment : DEFAULT_SCREEN;
}

function routeOf(fragment: string): Route {
  const instance = INSTANCE_FRAGMENT.exec(fragment);
  if (instance?.[1] !== undefined) return { screen: 'instance', id: instance[1] };
  return portalRouteOf(fragment) ?? { screen: fragment as Screen };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
    window.removeEventListener('hashchange', listener);
  };
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** Shows a screen. History state, not a navigation: the app never navigates (main refuses it). */
export function screenChosen(screen: Screen): void {
  if (screen === currentFragment()) return;
  window.history.pushState(null, '', `#${screen}`);
  notify();
}

/** Shows the route a fragment names (the portal's pages); `replace` swaps the current history entry instead of adding one. */
export function fragmentChosen(fragment: string, { replace = false }: { replace?: boolean } = {}): void {
  if (fragment === currentFragment()) return;
  if (replace) window.history.replaceState(null, '', `#${fragment}`);
  else window.history.pushState(null, '', `#${fragment}`);
  notify();
}

/** Opens an instance's page from the dashboard; the browser's back (or the page's own link) returns there. */
export function instanceOpened(id: string): void {
  const state: OpenedFromDashboard = { openedFrom: 'instances' };
  window.history.pushState(state, '', `#instance/${id}`);
  notify();
}

/**
 * Back to the dashboard from an instance's page: a history step back when the page was opened from
 * it (so the dashboard is where it was left), else the dashboard as a new entry. `replace` drops the
 * page from history instead (the instance was removed: there is nothing to come back to).
 */
export function instancesReturned({ replace = false }: { replace?: boolean } = {}): void {
  const state = window.history.state as Partial<OpenedFromDashboard> | null;
  if (!replace && state?.openedFrom === 'instances') {
    window.history.back();
    return;
  }
  if (replace) window.history.replaceState(null, '', `#${DEFAULT_SCREEN}`);
  else window.history.pushState(null, '', `#${DEFAULT_SCREEN}`);
  notify();
}

export function useRoute(): Route {
  const fragment = useSyncExternalStore(subscribe, currentFragment);
  return useMemo(() => routeOf(fragment), [fragment]);
}
