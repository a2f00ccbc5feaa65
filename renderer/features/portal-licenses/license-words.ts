import type { LicenseStatus } from '../../../shared/portal/schemas/licenses';

/** Until the portal has validated the payment: never a success before that. */
export const WAITING_FOR_PAYMENT = 'Waiting for payment';
export const WAITING_FOR_PAYMENT_DETAIL =
  'The key appears here once the portal has validated the payment. If it does not, contact authentik.';

type LicenseTone = 'ok' | 'warn' | 'bad';

/** A portal license's status in words, with a shape so it never relies on colour. */
export const LICENSE_STATUS: Record<
  LicenseStatus,
  { words: string; tone: LicenseTone; icon: string; meaning: string }
> = {
  pending_payment: {
    words: WAITING_FOR_PAYMENT,
    tone: 'warn',
    icon: '…',
    meaning: 'The order is placed; the key is issued once the portal has validated the payment.',
  },
  active: { words: 'Valid', tone: 'ok', icon: '✓', meaning: 'Paid; its key can be installed.' },
  expired: {
    words: 'Expired',
    tone: 'bad',
    icon: '✕',
    meaning: 'Its expiry date has passed; renew it to get a new key.',
  },
};

/** Within this many days an expiry is shown as soon, as authentik's license table does. */
export const SOON_DAYS = 30;

/** The Install ID shortened for a table cell; the full one is in its title and the details. */
export function shortInstallId(installId: string): string {
  return `${installId.slice(0, 8)}…`;
}

/** main clears the clipboard this long after copying a key, if it still holds the key. */
export const CLIPBOARD_CLEAR_SECONDS = 60;
