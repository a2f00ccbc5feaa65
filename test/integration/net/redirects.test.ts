import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { sendPortalRequest } from '../../../main/portal/portal-http';
import { PortalError } from '../../../main/portal/portal-error';
import { expectInstanceError, instanceFixtures, TOKEN } from '../instances/instance-fixtures';
import { loopbackServer } from './hostile-servers';

const fx = await instanceFixtures();

/** A server on its own port that records every request it gets and answers 200 `[]`. */
async function elsewhere(): Promise<{ origin: string; seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = [];
  const origin = await loopbackServer((request, response) => {
    seen.push(request.headers);
    response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  });
  return { origin, seen };
}

/** Redirects every request to the same path on `target` with `status`. */
function redirectingTo(target: string, status = 302) {
  return loopbackServer((request, response) =>
    response.writeHead(status, { location: `${target}${request.url ?? '/'}` }).end(),
  );
}

describe('the instance client follows redirects only within the instance origin', () => {
  it('follows a same-origin redirect of every read, with the token, and reads the instance', async () => {
    const sim = await fx.sim();
    const moved: (string | undefined)[] = [];
    // A front server that first sends each read to /moved/… on its own origin, then passes it to the simulator.
    const front = await loopbackServer((request, response) => {
      const path = request.url ?? '/';
      if (!path.startsWith('/moved/')) {
        response.writeHead(307, { location: `/moved${path}` }).end();
        return;
      }
      moved.push(request.headers.authorization);
      const upstream = httpRequest(
        `${sim.url}${path.slice('/moved'.length)}`,
        { method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      request.pipe(upstream);
    });

    const snapshot = await fx.client(front).readSnapshot();

    expect(snapshot.installId).toBe(sim.installId);
    expect(moved).toHaveLength(7);
    expect(moved.every((authorization) => authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('refuses a redirect to another port, naming that origin, and never sends it a request', async () => {
    const other = await elsewhere();
    const front = await redirectingTo(other.origin);

    const error = await expectInstanceError(fx.client(front).readSnapshot(), 'unexpected_response');

    expect(error.message).toContain(`redirected a GET request to another origin, ${other.origin} (HTTP 302)`);
    expect(error.message).toContain('the API token was not sent there');
    expect(other.seen).toEqual([]);
  });

  it('refuses a redirect that changes the scheme only (https to http would send the token in the clear)', async () => {
    const front = await loopbackServer((request, response) =>
      response.writeHead(301, { location: `https://${request.headers.host ?? ''}${request.url ?? '/'}` }).end(),
    );
    const error = await expectInstanceError(fx.client(front).listLicenses(), 'unexpected_response');
    expect(error.message).toContain(`to another origin, https://${new URL(front).host} (HTTP 301)`);
  });

  it('gives up on a redirect loop within the origin', async () => {
    let hops = 0;
    const front = await loopbackServer((request, response) => {
      hops += 1;
      response.writeHead(302, { location: request.url ?? '/' }).end();
    });
    const error = await expectInstanceError(fx.client(front).listLicenses(), 'unexpected_response');
    expect(error.message).toContain('redirected a GET request more than 5 times');
    expect(hops).toBe(6);
  });
});

describe('the portal client follows redirects only within the portal origin', () => {
  const call = { method: 'GET' as const, path: '/api/v1/plans', operation: 'GET /api/v1/plans' };

  it('follows a same-origin redirect of a read, with the bearer token', async () => {
    const moved: (string | undefined)[] = [];
    const portal = await loopbackServer((request, response) => {
      if (request.url === '/api/v1/plans') {
        response.writeHead(308, { location: '/api/v1/plans-moved' }).end();
        return;
      }
      moved.push(request.headers.authorization);
      response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });

    const answer = await sendPortalRequest(portal, call, { token: 'portal-bearer', timeoutMs: 5000 });

    expect({ status: answer.status, body: new TextDecoder().decode(answer.body) }).toEqual({ status: 200, body: '[]' });
    expect(moved).toEqual(['Bearer portal-bearer']);
  });

  it('refuses a redirect to another port, naming that origin, and never sends it a request', async () => {
    const other = await elsewhere();
    const portal = await redirectingTo(other.origin, 307);

    const error = await sendPortalRequest(portal, call, { token: 'portal-bearer', timeoutMs: 5000 }).catch(
      (failure: unknown) => failure,
    );

    expect(error).toBeInstanceOf(PortalError);
    expect(error).toMatchObject({
      code: 'unexpected_response',
      message: expect.stringContaining(`redirected GET /api/v1/plans to another origin, ${other.origin} (HTTP 307)`),
    });
    expect(other.seen).toEqual([]);
  });
});
