import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { discoverIdentityProvider } from '../../../main/portal/oidc-configuration';
import { PortalError } from '../../../main/portal/portal-error';

async function failure(promise: Promise<unknown>): Promise<PortalError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof PortalError)) throw error;
  return error;
}

describe("the portal's identity provider", () => {
  it('is refused over plain http anywhere but this computer, before any request', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      // The rule is about the scheme and the host name: nothing is requested, not even discovery.
      const error = await failure(discoverIdentityProvider(`http://id.example.com:${port}/oidc`, 'client'));
      expect(error.code).toBe('unexpected_response');
      expect(error.message).toContain('does not use https://');
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('is refused when the portal names something that is not a web address', async () => {
    expect((await failure(discoverIdentityProvider('not a url', 'client'))).code).toBe('unexpected_response');
    expect((await failure(discoverIdentityProvider('ftp://id.example.com', 'client'))).message).toContain(
      'does not use https://',
    );
  });

  it('is unreachable, in words, when nothing answers on this computer', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const error = await failure(discoverIdentityProvider(`http://127.0.0.1:${port}/oidc`, 'client'));
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain(`the identity provider at 127.0.0.1:${port}`);
  });
});
