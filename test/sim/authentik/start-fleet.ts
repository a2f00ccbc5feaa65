import { detail, NOT_FOUND } from './api-types';
import { sendJson } from './http-io';
import { listen } from './http-server';
import { SimInstance } from './sim-instance';
import { simHandle } from './start-sim';
import type { AuthentikSimFleet, AuthentikSimOptions } from './types';

const INSTANCE_PATH = /^\/i\/(\d+)(\/.*)?$/;

/**
 * `count` independent instances behind ONE server, instance i under `${url}/i/${i}`. The server speaks
 * HTTPS when `options(0)` has `tls` (other instances' `tls` is ignored). An instance's own `close()` does
 * nothing: the fleet's `close()` stops them all.
 */
export async function startAuthentikSimFleet(
  count: number,
  options: (index: number) => AuthentikSimOptions,
): Promise<AuthentikSimFleet> {
  const optionList = Array.from({ length: count }, (_, index) => options(index));
  const all = optionList.map((instanceOptions) => new SimInstance(instanceOptions));
  const server = await listen(async (request, response, secure) => {
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const pathname = queryAt < 0 ? target : target.slice(0, queryAt);
    const search = queryAt < 0 ? '' : target.slice(queryAt);
    const match = INSTANCE_PATH.exec(pathname);
    const instance = match === null ? undefined : all[Number(match[1])];
    if (match === null || instance === undefined) {
      const missing = detail(404, NOT_FOUND);
      return sendJson(response, missing.status, missing.body);
    }
    await instance.serve(request, response, `${match[2] ?? '/'}${search}`, secure);
  }, optionList[0]?.tls);
  const instanceUrl = (index: number): string => `${server.origin}/i/${index}`;
  return {
    url: server.origin,
    instanceUrl,
    instances: all.map((instance, index) => simHandle(instance, instanceUrl(index), async () => undefined)),
    close: () => server.close(),
  };
}
