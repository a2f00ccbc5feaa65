import { toIsoUtc } from '../../../../shared/time/iso';
import type { InvoiceRecord, OrganizationRecord } from '../state/records';
import { pdfDocument, type PdfLine } from './pdf-document';
import { formatMoney } from './pricing';

const STATUS_WORDS: Record<InvoiceRecord['status'], string> = {
  open: 'Open (awaiting payment)',
  paid: 'Paid',
  void: 'Void (cancelled)',
};

/** The invoice as a one-page PDF: number, date, who it is made out to, the line, the total and the status. */
export function invoicePdf(input: { invoice: InvoiceRecord; organization: OrganizationRecord }): Uint8Array {
  const { invoice, organization } = input;
  const billing = organization.billing;
  const cityLine = [billing.postal_code, billing.city, billing.region].filter((part) => part !== null).join(' ');
  const billedTo = [
    billing.name ?? organization.name,
    billing.address_line1,
    billing.address_line2,
    cityLine === '' ? null : cityLine,
    billing.country,
  ].filter((line): line is string => line !== null && line !== '');
  const lines: PdfLine[] = [
    { text: `Invoice ${invoice.number}`, size: 18 },
    { text: '', size: 11 },
    { text: `Date: ${toIsoUtc(invoice.date).slice(0, 10)}`, size: 11 },
    { text: `Status: ${STATUS_WORDS[invoice.status]}`, size: 11 },
    { text: '', size: 11 },
    { text: 'Billed to:', size: 11 },
    ...billedTo.map((text) => ({ text: `  ${text}`, size: 11 })),
    ...(billing.tax_id === null ? [] : [{ text: `  Tax ID: ${billing.tax_id}`, size: 11 }]),
    { text: '', size: 11 },
    { text: invoice.description, size: 11 },
    { text: `Total: ${formatMoney(invoice.amount, invoice.currency)}`, size: 13 },
    { text: '', size: 11 },
    { text: 'authentik customer portal (simulator)', size: 9 },
  ];
  return pdfDocument(lines);
}
