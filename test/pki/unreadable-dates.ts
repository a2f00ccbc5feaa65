import { sign, X509Certificate, type KeyObject } from 'node:crypto';
import type { TestCertificate } from './test-pki';

const UTC_TIME = 0x17;
const UTC_TIME_LENGTH = 13;
const BIT_STRING = 0x03;
const SEQUENCE = 0x30;

/** A DER length: short form below 128, else the long form. */
function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

/** The element starting at `offset`: where its content starts and where it ends. */
function element(der: Buffer, offset: number): { start: number; end: number } {
  const first = der[offset + 1] ?? 0;
  if (first < 0x80) return { start: offset + 2, end: offset + 2 + first };
  const count = first & 0x7f;
  let length = 0;
  for (let index = 0; index < count; index += 1) length = length * 256 + (der[offset + 2 + index] ?? 0);
  return { start: offset + 2 + count, end: offset + 2 + count + length };
}

/**
 * `certificate` with its notBefore made an impossible UTCTime (month 13), re-signed by `issuerKey`, so
 * its chain still verifies (authentik checks no dates) while Node reports "Bad time value" for its validity.
 */
export function withUnreadableDates(certificate: TestCertificate, issuerKey: KeyObject): string {
  const der = Buffer.from(certificate.x5c, 'base64');
  const outer = element(der, 0);
  const tbsEnd = element(der, outer.start).end;
  const tbs = Buffer.from(der.subarray(outer.start, tbsEnd));
  const algorithm = der.subarray(tbsEnd, element(der, tbsEnd).end);
  const at = tbs.indexOf(Buffer.from([UTC_TIME, UTC_TIME_LENGTH]));
  if (at < 0) throw new Error('the certificate has no UTCTime validity to spoil');
  // YYMMDDhhmmssZ: the month is the third and fourth character.
  tbs.write('13', at + 2 + 2, 'latin1');
  const signature = sign('sha384', tbs, issuerKey);
  const spoiled = tlv(
    SEQUENCE,
    Buffer.concat([tbs, algorithm, tlv(BIT_STRING, Buffer.concat([Buffer.from([0]), signature]))]),
  );
  if (!Number.isNaN(Date.parse(new X509Certificate(spoiled).validFrom)))
    throw new Error('Node still reads the spoiled validity date');
  return spoiled.toString('base64');
}
