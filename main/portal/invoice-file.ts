import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where invoice PDFs are saved for the viewer: one folder per app run that only this user can read (mkdtemp: 0700). */
export function invoiceFolder(parent: string = tmpdir()): () => Promise<string> {
  let folder: Promise<string> | undefined;
  return () => (folder ??= mkdtemp(join(parent, 'aklm-invoices-')));
}

/** `AK-2026-000123.pdf`: the invoice number with anything but letters, digits, dots and dashes replaced, so it stays one file name. */
export function invoiceFileName(number: string): string {
  const safe = number
    .replace(/[^A-Za-z0-9.-]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 100);
  return `${safe === '' ? 'invoice' : safe}.pdf`;
}

/** Writes the PDF readable by this user only, replacing an earlier copy of the same invoice; returns its path. */
export async function saveInvoicePdf(folder: string, number: string, pdf: Uint8Array): Promise<string> {
  const path = join(folder, invoiceFileName(number));
  await writeFile(path, pdf, { mode: 0o600 });
  return path;
}
