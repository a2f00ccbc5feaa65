import { derToPem, pemCertificates, summarizeCertificate, type CertificateSummary } from '../format/pem-certificates';

/** Files people keep CA certificates in. */
export const CA_FILE_EXTENSIONS = ['.pem', '.crt', '.cer'] as const;
const MAX_CA_FILE_BYTES = 64 * 1024;

/** A chosen CA file as PEM text (PEM as is, DER converted), or why it cannot be used. */
export async function readCaFile(file: File): Promise<{ pem: string } | { problem: string }> {
  if (file.size > MAX_CA_FILE_BYTES) return { problem: `${file.name} is ${Math.round(file.size / 1024)} KiB; a CA certificate file is a few KiB.` };
  try {
    const text = await file.text();
    if (text.includes('-----BEGIN CERTIFICATE-----')) return { pem: text.trim() };
    const der = new Uint8Array(await file.arrayBuffer());
    await summarizeCertificate(der);
    return { pem: derToPem(der).trim() };
  } catch {
    return { problem: `${file.name} holds no certificate: choose a PEM (-----BEGIN CERTIFICATE-----) or DER certificate file.` };
  }
}

/** What a PEM text holds, for the dialog to show before anything is saved. */
export async function describeCaPem(pem: string): Promise<{ certificates: CertificateSummary[] } | { problem: string }> {
  try {
    const blocks = pemCertificates(pem);
    if (blocks.length === 0) return { problem: 'No certificate found: the text needs a -----BEGIN CERTIFICATE----- … -----END CERTIFICATE----- block.' };
    return { certificates: await Promise.all(blocks.map(summarizeCertificate)) };
  } catch {
    return { problem: 'This PEM text does not hold a readable X.509 certificate.' };
  }
}
