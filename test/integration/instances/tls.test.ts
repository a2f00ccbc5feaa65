import { describe, expect, it } from 'vitest';
import { createLoopbackTls, type LoopbackTlsOptions } from '../../sim/authentik';
import { expectInstanceError, instanceFixtures } from './instance-fixtures';

const fx = await instanceFixtures();
const DAY_MS = 86_400_000;

async function httpsSim(options: LoopbackTlsOptions = {}) {
  const tls = await createLoopbackTls(options);
  const sim = await fx.sim({ tls: { certPem: tls.certPem, keyPem: tls.keyPem } });
  return { sim, caPem: tls.caPem };
}

describe('TLS with a private CA', () => {
  it('reads an instance whose certificate a CA passed with --ca issued', async () => {
    const { sim, caPem } = await httpsSim();
    expect(sim.url).toMatch(/^https:/);
    const snapshot = await fx.client(sim.url, { caPem }).readSnapshot();
    expect(snapshot.installId).toBe(sim.installId);
  });

  it('installs a license over the same connection settings', async () => {
    const { sim, caPem } = await httpsSim();
    const installed = await fx.client(sim.url, { caPem }).installLicense(fx.key(sim.installId, 30));
    expect(sim.installed().map((license) => license.licenseUuid)).toEqual([installed.licenseUuid]);
  });

  it('unknown issuer without the CA, with a hint to add it (in the app, or aklm’s CA option); nothing reaches the server', async () => {
    const { sim } = await httpsSim();
    const error = await expectInstanceError(fx.client(sim.url).readSnapshot(), 'tls');
    expect(error.message).toMatch(/does not trust \(unknown issuer\)/);
    expect(error.message).toMatch(
      /add that CA's certificate to the instance: "Extra CA certificate" in the app, the CA option in aklm/,
    );
    expect(sim.requests).toHaveLength(0);
  });

  it('expired certificate, said as such', async () => {
    const { sim, caPem } = await httpsSim({
      notBefore: new Date(Date.now() - 60 * DAY_MS),
      notAfter: new Date(Date.now() - DAY_MS),
    });
    const error = await expectInstanceError(fx.client(sim.url, { caPem }).readSnapshot(), 'tls');
    expect(error.message).toMatch(/has expired/);
  });

  it('hostname mismatch, said as such', async () => {
    const { sim, caPem } = await httpsSim({ ipAddresses: [], dnsNames: ['auth.example.com'] });
    const error = await expectInstanceError(fx.client(sim.url, { caPem }).readSnapshot(), 'tls');
    expect(error.message).toMatch(/not valid for the host name 127\.0\.0\.1 \(hostname mismatch\)/);
  });

  it('a CA that is not a PEM certificate is refused before connecting', async () => {
    const { sim } = await httpsSim();
    const error = await expectInstanceError(fx.client(sim.url, { caPem: 'not a certificate' }).readSnapshot(), 'tls');
    expect(error.message).toMatch(/not a PEM certificate/);
  });

  it('an https:// URL to a plain-HTTP server says the server does not speak TLS, and never suggests plain HTTP', async () => {
    const sim = await fx.sim();
    const error = await expectInstanceError(fx.client(sim.url.replace('http:', 'https:')).readSnapshot(), 'tls');
    expect(error.message).toMatch(
      /did not answer with TLS on this port: check the address and port of the instance's https:\/\/ endpoint/,
    );
    expect(error.message).not.toMatch(/http:\/\//);
  });
});
