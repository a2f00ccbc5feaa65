import { listen } from './http-server';
import { SimInstance } from './sim-instance';
import type { AuthentikSim, AuthentikSimOptions } from './types';

/** The public face of an instance served at `url`. */
export function simHandle(instance: SimInstance, url: string, close: () => Promise<void>): AuthentikSim {
  return {
    url,
    get installId() {
      return instance.installId;
    },
    requests: instance.requests,
    installed: () => instance.installed(),
    addLicense: (key) => instance.addLicense(key),
    setInstallId: (installId) => instance.setInstallId(installId),
    setUsers: (users) => instance.setUsers(users),
    setLastValid: (ms) => instance.setLastValid(ms),
    setUsageRecords: (records) => instance.setUsageRecords(records),
    usageRecords: () => instance.usageRecords(),
    refreshCachedSummary: () => instance.refreshCachedSummary(),
    fault: (fault) => instance.fault(fault),
    close,
  };
}

/** One simulated authentik instance on its own port of 127.0.0.1. */
export async function startAuthentikSim(options: AuthentikSimOptions): Promise<AuthentikSim> {
  const instance = new SimInstance(options);
  const server = await listen(
    (request, response, secure) => instance.serve(request, response, request.url ?? '/', secure),
    options.tls,
  );
  return simHandle(instance, server.origin, () => server.close());
}
