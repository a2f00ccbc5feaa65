import { describe, expect, it } from 'vitest';
import { SEED } from '../../sim/portal';
import { freshPortalSimPerTest } from './portal-sim-fixtures';

const { users: U, organizations: O } = SEED;
const acme = `/api/v1/organizations/${O.acme.id}`;

/** The PDF's own structure: header, trailer, and a cross-reference table whose offsets hit their objects. */
function checkPdfStructure(bytes: Buffer): void {
  const text = bytes.toString('latin1');
  expect(text.startsWith('%PDF-1.')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe('xref');
  const table = /xref\n0 (\d+)\n([\s\S]*?)trailer/.exec(text.slice(startxref));
  const count = Number(table?.[1]);
  const entries = (table?.[2] ?? '').split('\n').filter((line) => line.trim() !== '');
  expect(entries).toHaveLength(count);
  entries.slice(1).forEach((entry, index) => {
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${index + 1} 0 obj`.length)).toBe(`${index + 1} 0 obj`);
  });
  const stream = /<< \/Length (\d+) >>\nstream\n/.exec(text);
  const start = (stream?.index ?? 0) + (stream?.[0].length ?? 0);
  expect(text.slice(start + Number(stream?.[1]), start + Number(stream?.[1]) + '\nendstream'.length)).toBe(
    '\nendstream',
  );
  expect(text).toMatch(/\/Root 1 0 R/);
}

describe('invoice PDFs', () => {
  const kit = freshPortalSimPerTest();

  it('serves each invoice as a real one-page PDF with its number, to members with a token only', async () => {
    const token = await kit.token(U.bob.email);
    const invoices = (await kit.call('GET', `${acme}/billing/invoices`, { token })).body as {
      number: string;
      pdf_url: string;
    }[];
    for (const invoice of invoices) {
      const response = await fetch(invoice.pdf_url, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await response.arrayBuffer());
      checkPdfStructure(bytes);
      expect(bytes.toString('latin1')).toContain(`(Invoice ${invoice.number}) Tj`);
      expect(bytes.toString('latin1')).toContain('(  Friedrichstra\xdfe 68) Tj');
    }
    const path = new URL(invoices[0]?.pdf_url ?? '').pathname;
    expect((await kit.call('GET', path)).status).toBe(401);
    expect((await kit.call('GET', path, { token: await kit.token(U.carol.email) })).status).toBe(404);
  });
});
