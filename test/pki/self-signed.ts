import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

// Node's WebCrypto, typed by the DOM lib the test project also checks against.
x509.cryptoProvider.set(crypto);

/** The key types private CAs use, each with the signature algorithm that goes with it. */
export const KEY_TYPES = {
  'RSA 2048': {
    generate: {
      name: 'RSASSA-PKCS1-v1_5',
      hash: 'SHA-256',
      publicExponent: new Uint8Array([1, 0, 1]),
      modulusLength: 2048,
    },
    sign: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  },
  'RSA-PSS 3072': {
    generate: { name: 'RSA-PSS', hash: 'SHA-384', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 3072 },
    sign: { name: 'RSA-PSS', hash: 'SHA-384', saltLength: 48 },
  },
  'ECDSA P-256': { generate: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } },
  'ECDSA P-384': { generate: { name: 'ECDSA', namedCurve: 'P-384' }, sign: { name: 'ECDSA', hash: 'SHA-384' } },
  'ECDSA P-521': { generate: { name: 'ECDSA', namedCurve: 'P-521' }, sign: { name: 'ECDSA', hash: 'SHA-512' } },
  Ed25519: { generate: { name: 'Ed25519' }, sign: { name: 'Ed25519' } },
} as const;

export type KeyType = keyof typeof KEY_TYPES;

export interface SelfSignedOptions {
  /** A distinguished name string ("C=DE, O=Example, CN=Root") or @peculiar/x509's JSON form, for chosen string types. */
  name: string | x509.JsonNameParams;
  keyType?: KeyType;
  notBefore?: Date;
  notAfter?: Date;
}

let serial = 1;

/** A self-signed CA certificate made now with @peculiar/x509: its PEM and DER. */
export async function selfSignedCa(options: SelfSignedOptions): Promise<{ pem: string; der: Uint8Array<ArrayBuffer> }> {
  const { generate, sign } = KEY_TYPES[options.keyType ?? 'ECDSA P-256'];
  const keys = (await crypto.subtle.generateKey(generate, true, ['sign', 'verify'])) as CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: (serial++).toString(16).padStart(2, '0'),
    name: new x509.Name(options.name),
    notBefore: options.notBefore ?? new Date('2024-01-01T00:00:00Z'),
    notAfter: options.notAfter ?? new Date('2034-01-01T00:00:00Z'),
    signingAlgorithm: sign,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true),
    ],
  });
  return { pem: certificate.toString('pem'), der: new Uint8Array(certificate.rawData) };
}
