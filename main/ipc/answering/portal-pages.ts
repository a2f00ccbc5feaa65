import type { PortalSession } from '../../portal/portal-session';
import { openExternal } from '../../security/open-external';
import { IpcError } from '../ipc-error';

/** Opens a page the portal named in the system browser; refuses (in words, without the address's path) anything but https (or http on this computer). */
export async function openPortalPage(session: PortalSession, url: string, what: string): Promise<void> {
  if (await openExternal(session.browser, url)) return;
  let host = 'an unknown host';
  try {
    host = new URL(url).host;
  } catch {
    // not a URL at all: the host stays unknown
  }
  throw new IpcError('refused', `The portal's ${what} at ${host} is not an https:// address, so it was not opened.`);
}
