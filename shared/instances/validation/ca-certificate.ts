/** A CA certificate is a few KiB; a bundle of several stays far below this. */
const CA_MAX_LENGTH = 64 * 1024;

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export const CA_MESSAGES = {
  tooLarge: 'A CA certificate is far smaller than 64 KiB; give only the certificate(s) to trust.',
  notPem: 'The CA is not a PEM certificate: it needs a -----BEGIN CERTIFICATE----- … -----END CERTIFICATE----- block.',
} as const;

/** Each `-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----` block of a PEM text, in order. */
export function caCertificateBlocks(text: string): string[] {
  return text.match(PEM_BLOCK) ?? [];
}

/**
 * Why `text` is not an extra CA to trust, or null when it has the shape of one: at most 64 KiB, holding
 * at least one PEM certificate block. Whether each block is a readable certificate needs an X.509 parser,
 * which main and the page each have: they report it with `caUnreadableMessage`.
 */
export function caCertificateProblem(text: string): string | null {
  if (text.length > CA_MAX_LENGTH) return CA_MESSAGES.tooLarge;
  return caCertificateBlocks(text).length === 0 ? CA_MESSAGES.notPem : null;
}

/** The certificate at `index` (0-based) of `count` blocks is no X.509 certificate; named by number only in a bundle. */
export function caUnreadableMessage(index: number, count: number): string {
  const which = count > 1 ? `certificate ${index + 1} of ${count}` : 'certificate';
  return `The CA’s ${which} cannot be read; copy it again from its PEM file.`;
}
