import type { WebContents } from 'electron';
import type { Log } from '../logging/log';
import type { ExternalBrowserPort } from '../ports/external-browser';
import { isAllowedExternalUrl, openExternal } from '../security/open-external';

type Preventable = { preventDefault(): void };

function prevent(event: Preventable): void {
  event.preventDefault();
}

/**
 * Rules for every webContents the app ever creates. The app is a single page: it never navigates
 * (links, `location` changes, redirects, in any frame), never opens windows (an allowed link goes to
 * the system browser instead) and never attaches a `<webview>`.
 */
export function guardWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  browser: ExternalBrowserPort,
  log: Log,
): void {
  contents.on('will-navigate', prevent);
  contents.on('will-frame-navigate', prevent);
  contents.on('will-redirect', prevent);
  contents.on('will-attach-webview', prevent);
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      openExternal(browser, url).catch((error: unknown) => log.error('The system browser could not be opened', error));
    }
    return { action: 'deny' };
  });
}
