import { useSyncExternalStore } from 'react';

export const SCREENS = ['instances', 'verify'] as const;
export type Screen = (typeof SCREENS)[number];

export const SCREEN_TITLES: Record<Screen, string> = {
  instances: 'Instances',
  verify: 'Verify a key',
};

/** Each screen's `<h1>` carries this id; focus moves there when the person switches screens. */
export const SCREEN_HEADING_ID = 'screen-heading';

const DEFAULT_SCREEN: Screen = 'instances';
const listeners = new Set<() => void>();

/** The screen named by the address's fragment (`#verify`), so a screen can be linked and reloaded. */
function currentScreen(): Screen {
  const fragment = window.location.hash.replace(/^#\/?/, '');
  return (SCREENS as readonly string[]).includes(fragment) ? (fragment as Screen) : DEFAULT_SCREEN;
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

/** Shows a screen. History state, not a navigation: the app never navigates (main refuses it). */
export function screenChosen(screen: Screen): void {
  if (screen === currentScreen()) return;
  window.history.pushState(null, '', `#${screen}`);
  for (const listener of listeners) listener();
}

export function useScreen(): Screen {
  return useSyncExternalStore(subscribe, currentScreen);
}
