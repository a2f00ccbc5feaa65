/** What the add-instance dialog shows about a pasted or chosen CA: who it is and its fingerprint. */
export interface CertificateSummary {
  subject: string;
  notAfter: string | null;
  /** SHA-256 of the DER, "AB:CD:…"; null where the page has no Web Crypto. */
  sha256: string | null;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/** The DER bytes of every CERTIFICATE block in a PEM text. */
export function pemCertificates(pem: string): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  for (const match of pem.matchAll(PEM_BLOCK)) {
    const base64 = (match[1] ?? '').replace(/\s+/g, '');
    try {
      blocks.push(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)));
    } catch {
      throw new Error('A certificate block is not valid base64.');
    }
  }
  return blocks;
}

/** A DER certificate (as some .crt and .cer files hold) as PEM text. */
export function derToPem(der: Uint8Array): string {
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

/** One DER element at `offset`: its tag and where its content starts and ends. */
function readTlv(der: Uint8Array, offset: number): Tlv {
  const tag = der[offset];
  let length = der[offset + 1];
  if (tag === undefined || length === undefined) throw new Error('truncated');
  let start = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4) throw new Error('unsupported length');
    length = 0;
    for (let index = 0; index < octets; index += 1) length = length * 256 + (der[start + index] ?? 0);
    start += octets;
  }
  const end = start + length;
  if (end > der.length) throw new Error('truncated');
  return { tag, start, end };
}

function children(der: Uint8Array, parent: Tlv): Tlv[] {
  const items: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end;) {
    const item = readTlv(der, offset);
    items.push(item);
    offset = item.end;
  }
  return items;
}

/** id-at attributes (2.5.4.N, encoded 55 04 N) people recognise, by N, with the short names OpenSSL prints. */
const ATTRIBUTE_NAMES: Record<number, string> = {
  3: 'CN',
  5: 'serialNumber',
  6: 'C',
  7: 'L',
  8: 'ST',
  9: 'street',
  10: 'O',
  11: 'OU',
  17: 'postalCode',
};
/** emailAddress (1.2.840.113549.1.9.1) and domainComponent (0.9.2342.19200300.100.1.25), as in Active Directory CAs. */
const OTHER_ATTRIBUTES: Record<string, string> = { '2a864886f70d010901': 'emailAddress', '0992268993f22c640119': 'DC' };

function hex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function attributeName(oid: Uint8Array): string | undefined {
  if (oid.length === 3 && oid[0] === 0x55 && oid[1] === 0x04) return ATTRIBUTE_NAMES[oid[2] ?? -1];
  return OTHER_ATTRIBUTES[hex(oid)];
}

/** Code units of a big-endian string of `width`-byte characters (BMPString 2, UniversalString 4). */
function wideText(bytes: Uint8Array, width: 2 | 4): string {
  const points: number[] = [];
  for (let index = 0; index + width <= bytes.length; index += width) {
    let point = 0;
    for (let byte = 0; byte < width; byte += 1) point = point * 256 + (bytes[index + byte] ?? 0);
    points.push(point);
  }
  return width === 2
    ? String.fromCharCode(...points)
    : String.fromCodePoint(...points.map((point) => (point > 0x10ffff ? 0xfffd : point)));
}

function text(der: Uint8Array, item: Tlv): string {
  const bytes = der.subarray(item.start, item.end);
  if (item.tag === 0x1e) return wideText(bytes, 2);
  if (item.tag === 0x1c) return wideText(bytes, 4);
  return new TextDecoder(item.tag === 0x0c ? 'utf-8' : 'latin1').decode(bytes);
}

/** A value escaped as RFC 4514 (and OpenSSL, and Node's X509Certificate) write it, so a comma in a name is not a separator. */
function escapeValue(value: string): string {
  const chars = [...value];
  return chars
    .map((char, index) => {
      const code = char.codePointAt(0) ?? 0;
      if (code < 0x20 || code === 0x7f) return `\\${code.toString(16).padStart(2, '0').toUpperCase()}`;
      const edge = (index === 0 && (char === ' ' || char === '#')) || (index === chars.length - 1 && char === ' ');
      return edge || '\\",+;<>'.includes(char) ? `\\${char}` : char;
    })
    .join('');
}

/**
 * "C=US, O=Example, CN=Example Root CA" from an X.509 Name, in its own order, the attributes of a
 * multi-valued RDN joined with " + " (only the attributes people recognise).
 */
function nameOf(der: Uint8Array, name: Tlv): string {
  const rdns: string[] = [];
  for (const rdn of children(der, name)) {
    const parts: string[] = [];
    for (const attribute of children(der, rdn)) {
      const [type, value] = children(der, attribute);
      if (type === undefined || value === undefined) continue;
      const label = attributeName(der.subarray(type.start, type.end));
      if (label !== undefined) parts.push(`${label}=${escapeValue(text(der, value))}`);
    }
    if (parts.length > 0) rdns.push(parts.join(' + '));
  }
  return rdns.join(', ');
}

function timeOf(der: Uint8Array, item: Tlv): string | null {
  const value = text(der, item);
  const match =
    item.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(value)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(value);
  if (match === null) return null;
  const [, year = '', month, day, hour, minute, second = '00'] = match;
  const fullYear = item.tag === 0x17 ? (Number(year) >= 50 ? `19${year}` : `20${year}`) : year;
  return `${fullYear}-${month}-${day}T${hour}:${minute}:${second}Z`;
}

async function sha256(der: Uint8Array): Promise<string | null> {
  if (globalThis.crypto?.subtle === undefined) return null;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der.slice()));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

/** Subject, expiry and fingerprint of a DER certificate; throws when it is not one. */
export async function summarizeCertificate(der: Uint8Array): Promise<CertificateSummary> {
  const certificate = readTlv(der, 0);
  const [tbs] = children(der, certificate);
  if (certificate.tag !== 0x30 || tbs === undefined || tbs.tag !== 0x30) throw new Error('not a certificate');
  const fields = children(der, tbs);
  // An explicit [0] version comes first in v2 and v3 certificates.
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [, , , validity, subject] = rest;
  if (validity?.tag !== 0x30 || subject?.tag !== 0x30) throw new Error('not a certificate');
  const notAfter = children(der, validity)[1];
  return {
    subject: nameOf(der, subject) || '(no subject name)',
    notAfter: notAfter === undefined ? null : timeOf(der, notAfter),
    // The certificate's own bytes: a DER file may end in bytes that are not part of it.
    sha256: await sha256(der.subarray(0, certificate.end)),
  };
}
