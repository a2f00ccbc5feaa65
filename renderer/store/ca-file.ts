import { caCertificateBlocks, caCertificateProblem, caUnreadableMessage } from '../../shared/instances/validation';
import { derToPem, pemCertificates, summarizeCertificate, type CertificateSummary } from '../format/pem-certificates';

/** Files people keep CA certificates in. */
export const CA_FILE_EXTENSIONS = ['.pem', '.crt', '.cer'] as const;
const MAX_CA_FILE_BYTES = 64 * 1024;

/** A chosen CA file as PEM text (PEM as is, DER converted), or why it cannot be used. */
export async function readCaFile(file: File): Promise<{ pem: string } | { problem: string }> {
  if (file.size > MAX_CA_FILE_BYTES)
    return { problem: `${file.name} is ${Math.round(file.size / 1024)} KiB; a CA certificate file is a few KiB.` };
  try {
    const text = await file.text();
    if (text.includes('-----BEGIN CERTIFICATE-----')) return { pem: text.trim() };
    const der = new Uint8Array(await file.arrayBuffer());
    await summarizeCertificate(der);
    return { pem: derToPem(der).trim() };
  } catch {
    return {
      problem: `${file.name} holds no certificate: choose a PEM (-----BEGIN CERTIFICATE-----) or DER certificate file.`,
    };
  }
}

/**
 * What a PEM text holds, for the dialog to show before anything is saved; refused by the shared CA rule's
 * words, down to which certificate of a bundle cannot be read (as main reports it).
 */
export async function describeCaPem(
  pem: string,
): Promise<{ certificates: CertificateSummary[] } | { problem: string }> {
  const shape = caCertificateProblem(pem);
  if (shape !== null) return { problem: shape };
  const blocks = caCertificateBlocks(pem);
  const read = await Promise.all(blocks.map((block) => summarizeBlock(block)));
  const unreadable = read.indexOf(null);
  if (unreadable !== -1) return { problem: caUnreadableMessage(unreadable, blocks.length) };
  return { certificates: read.filter((summary) => summary !== null) };
}

/** One PEM certificate block described, or null when it is no readable X.509 certificate. */
async function summarizeBlock(block: string): Promise<CertificateSummary | null> {
  try {
    const [der] = pemCertificates(block);
    return der === undefined ? null : await summarizeCertificate(der);
  } catch {
    return null;
  }
}
