import { INVOICE_STATUS_WORDS, PAYMENT_STATUS_WORDS, STATUS_TONES } from './billing-words';

type Status = keyof typeof INVOICE_STATUS_WORDS | keyof typeof PAYMENT_STATUS_WORDS;

const WORDS: Record<Status, string> = { ...INVOICE_STATUS_WORDS, ...PAYMENT_STATUS_WORDS };

/** An invoice's or payment's status: its words, with a tone that only repeats them. */
export function BillingStatus({ status }: { status: Status }) {
  return (
    <span className="billing-status" data-tone={STATUS_TONES[status]} data-status={status}>
      {WORDS[status]}
    </span>
  );
}
