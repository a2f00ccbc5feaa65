import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

// Node's WebCrypto, typed by the DOM lib the test project also checks against.
x509.cryptoProvider.set(crypto);

const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface LoopbackTlsOptions {
  /** Names the server certificate is valid for; default IP 127.0.0.1 and DNS localhost. */
  ipAddresses?: string[];
  dnsNames?: string[];
  /** Default: yesterday to a year ahead. Pass past dates for an expired certificate. */
  notBefore?: Date;
  notAfter?: Date;
}

/** A fresh CA and a server certificate it issued, for `startAuthentikSim({ tls })` and a client's `ca`. */
export interface LoopbackTls {
  /** The CA a client must trust (PEM). */
  caPem: string;
  /** The server certificate (PEM), for `tls.certPem`. */
  certPem: string;
  /** Its PKCS#8 private key (PEM), for `tls.keyPem`. */
  keyPem: string;
}

let serial = 1;

/** Makes a test CA and a loopback server certificate with @peculiar/x509 (ECDSA P-256). */
export async function createLoopbackTls(options: LoopbackTlsOptions = {}): Promise<LoopbackTls> {
  const now = Date.now();
  const caKeys = await crypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: (serial++).toString(16).padStart(2, '0'),
    name: 'CN=authentik simulator test CA',
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 365 * DAY_MS),
    signingAlgorithm: SIGNING,
    keys: caKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const serverKeys = await crypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
  const names = [
    ...(options.ipAddresses ?? ['127.0.0.1']).map((value) => ({ type: 'ip' as const, value })),
    ...(options.dnsNames ?? ['localhost']).map((value) => ({ type: 'dns' as const, value })),
  ];
  const server = await x509.X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16).padStart(2, '0'),
    subject: 'CN=authentik-sim',
    issuer: ca.subject,
    notBefore: options.notBefore ?? new Date(now - DAY_MS),
    notAfter: options.notAfter ?? new Date(now + 365 * DAY_MS),
    signingAlgorithm: SIGNING,
    publicKey: serverKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const pkcs8 = await crypto.subtle.exportKey('pkcs8', serverKeys.privateKey);
  return {
    caPem: ca.toString('pem'),
    certPem: server.toString('pem'),
    keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
  };
}
