/** The orders n of the curves license keys are signed over (SEC 2), keyed by the byte length of a raw r||s signature. */
const CURVE_ORDERS: ReadonlyMap<number, bigint> = new Map([
  // secp384r1
  [96, 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n],
  // secp521r1
  [
    132,
    0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
  ],
]);

/** A raw r||s ECDSA signature's twin (r, n−s): it verifies for the same message and key, as ECDSA allows. */
export function twinSignature(signature: Buffer): Buffer {
  const order = CURVE_ORDERS.get(signature.length);
  if (order === undefined) throw new Error(`no P-384 or P-521 signature: ${signature.length} bytes`);
  const half = signature.length / 2;
  const s = BigInt(`0x${signature.subarray(half).toString('hex')}`);
  const twin = Buffer.from((order - s).toString(16).padStart(half * 2, '0'), 'hex');
  return Buffer.concat([signature.subarray(0, half), twin]);
}

/** The same key with its signature replaced by the twin: the same signed content under another fingerprint. */
export function signatureTwinKey(key: string): string {
  const [header, payload, signature] = key.split('.');
  return `${header}.${payload}.${twinSignature(Buffer.from(signature ?? '', 'base64url')).toString('base64url')}`;
}
