import 'reflect-metadata';
import { KeyObject, type webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// Node's WebCrypto, typed by the DOM lib the test project also checks against.
x509.cryptoProvider.set(crypto);

/** The real root's subject: a test root with the same name proves trust comes from keys, not names. */
export const ROOT_NAME =
  'C=US, ST=California, L=San Francisco, 2.5.4.9=548 Market Street Pmb 70148, 2.5.4.17=94104, O=Authentik Security Inc., OU=Enterprise Licenses, CN=Authentik Security Inc. Enterprise Licensing Root X1';
export const INTERMEDIATE_NAME =
  'C=US, O=Authentik Security Inc., OU=Enterprise Licenses, CN=Authentik Security Inc. Enterprise Licensing Intermediate X1';
export const SIGNER_NAME = 'C=US, O=Authentik Security Inc., OU=Enterprise Licenses, CN=Enterprise Licensing Signer';

type Curve = 'P-384' | 'P-521';

export interface TestCertificate {
  certificate: x509.X509Certificate;
  privateKey: KeyObject;
  /** Standard base64 DER, as it appears in `x5c`. */
  x5c: string;
  pem: string;
}

export interface TestChain {
  root: TestCertificate;
  intermediate: TestCertificate;
  signerP384: TestCertificate;
  signerP521: TestCertificate;
}

export interface TestPki extends TestChain {
  /** Same names as the test chain, other keys. */
  rogue: TestChain;
}

const ECDSA_SHA384 = { name: 'ECDSA', hash: 'SHA-384' } as const;
let serial = 1;

async function generateKeys(curve: Curve): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, true, ['sign', 'verify']);
}

function wrap(certificate: x509.X509Certificate, keys: CryptoKeyPair): TestCertificate {
  return {
    certificate,
    privateKey: KeyObject.from(keys.privateKey as unknown as webcrypto.CryptoKey),
    x5c: Buffer.from(certificate.rawData).toString('base64'),
    pem: certificate.toString('pem'),
  };
}

async function issue(
  name: string,
  curve: Curve,
  issuer: { name: string; keys: CryptoKeyPair } | null,
  isCa: boolean,
): Promise<{ cert: TestCertificate; keys: CryptoKeyPair }> {
  const keys = await generateKeys(curve);
  const signer = issuer ?? { name, keys };
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16).padStart(2, '0'),
    subject: name,
    issuer: signer.name,
    notBefore: new Date('2023-07-04T00:00:00Z'),
    notAfter: new Date('2123-06-10T00:00:00Z'),
    signingAlgorithm: ECDSA_SHA384,
    publicKey: keys.publicKey,
    signingKey: signer.keys.privateKey,
    extensions: isCa
      ? [
          new x509.BasicConstraintsExtension(true, undefined, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true),
        ]
      : [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  });
  return { cert: wrap(certificate, keys), keys };
}

async function createChain(): Promise<TestChain> {
  const root = await issue(ROOT_NAME, 'P-384', null, true);
  const intermediate = await issue(INTERMEDIATE_NAME, 'P-384', { name: ROOT_NAME, keys: root.keys }, true);
  const parent = { name: INTERMEDIATE_NAME, keys: intermediate.keys };
  const signerP384 = await issue(SIGNER_NAME, 'P-384', parent, false);
  const signerP521 = await issue(SIGNER_NAME, 'P-521', parent, false);
  return { root: root.cert, intermediate: intermediate.cert, signerP384: signerP384.cert, signerP521: signerP521.cert };
}

/** A licensing PKI shaped like authentik's (P-384 root and intermediate), made fresh for each test run. */
export async function createTestPki(): Promise<TestPki> {
  const [chain, rogue] = await Promise.all([createChain(), createChain()]);
  return { ...chain, rogue };
}

/** Issues a certificate with an arbitrary name, key and issuer, for chains that must break one rule. */
export async function issueCertificate(
  name: string,
  issuer: { name: string; certificate: TestCertificate } | null,
  curve: Curve = 'P-384',
): Promise<TestCertificate> {
  const keys = await generateKeys(curve);
  const signingKey = issuer === null ? keys.privateKey : await importSigningKey(issuer.certificate, curve);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16).padStart(2, '0'),
    subject: name,
    issuer: issuer?.name ?? name,
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2021-01-01T00:00:00Z'),
    signingAlgorithm: ECDSA_SHA384,
    publicKey: keys.publicKey,
    signingKey,
  });
  return wrap(certificate, keys);
}

async function importSigningKey(issuer: TestCertificate, curve: Curve): Promise<CryptoKey> {
  const details = issuer.privateKey.asymmetricKeyDetails?.namedCurve;
  const namedCurve = details === 'secp521r1' ? 'P-521' : details === 'secp384r1' ? 'P-384' : curve;
  return crypto.subtle.importKey(
    'pkcs8',
    issuer.privateKey.export({ format: 'der', type: 'pkcs8' }),
    { name: 'ECDSA', namedCurve },
    false,
    ['sign'],
  );
}
