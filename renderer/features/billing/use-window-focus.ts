import { useEffect } from 'react';

/** Calls `onFocus` each time the app's window gets the focus back (from the system browser, say). */
export function useWindowFocus(onFocus: () => void): void {
  useEffect(() => {
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [onFocus]);
}
