import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { invoiceFileName, saveInvoicePdf } from '../../../main/portal/invoice-file';

const folder = mkdtempSync(join(tmpdir(), 'aklm-invoice-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('invoice files', () => {
  it('are named for the invoice number', () => {
    expect(invoiceFileName('AK-2026-000123')).toBe('AK-2026-000123.pdf');
  });

  it.each([
    ['../../.bashrc', '__.._.bashrc.pdf'],
    ['..', '_.pdf'],
    ['C:\\Windows\\evil', 'C__Windows_evil.pdf'],
    ['', 'invoice.pdf'],
  ])('keep a number the portal sent (%j) inside the invoice folder as one file name', async (number, name) => {
    expect(invoiceFileName(number)).toBe(name);
    const path = await saveInvoicePdf(folder, number, new TextEncoder().encode('%PDF-1.4\n'));
    expect(dirname(path)).toBe(folder);
    expect(readdirSync(folder)).toContain(name);
  });
});
