import type { ExternalBrowserPort } from '../../ports/external-browser';
import { purchaseUrl } from '../../portal/purchase-url';
import { openExternal } from '../../security/open-external';
import type { Handlers } from '../handlers';
import { IpcError } from '../ipc-error';

export function portalHandlers(deps: {
  browser: ExternalBrowserPort;
  portalUrl: () => string;
}): Pick<Handlers, 'portal:open-purchase'> {
  return {
    'portal:open-purchase': async ({ installId, authentikUrl }) => {
      const portalUrl = deps.portalUrl();
      const url = purchaseUrl(portalUrl, installId, authentikUrl ?? null);
      if (!(await openExternal(deps.browser, url)))
        throw new IpcError(
          'refused',
          `The portal address ${portalUrl} is not an https: address, so it was not opened.`,
        );
      return { url };
    },
  };
}
