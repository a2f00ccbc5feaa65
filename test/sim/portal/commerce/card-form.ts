/** A test card that is always declined (the simulator's fault for the checkout page). */
export const DECLINED_CARD = '4000 0000 0000 0002';

/** The card the pages suggest; any other valid-looking card number works too. */
export const DEMO_CARD = '4242 4242 4242 4242';

export interface CardInput {
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  declined: boolean;
}

function brandOf(digits: string): string {
  if (digits.startsWith('4')) return 'visa';
  if (/^5[1-5]/.test(digits) || /^2[2-7]/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  return 'card';
}

/** The card fields of a checkout or setup form, or what is wrong with them in words. */
export function readCard(
  form: Map<string, string>,
  thisYear: number,
): { ok: true; card: CardInput } | { ok: false; message: string } {
  const digits = (form.get('card_number') ?? '').replace(/[\s-]/g, '');
  if (!/^[0-9]{12,19}$/.test(digits)) return { ok: false, message: 'Enter the card number: 12 to 19 digits.' };
  const expMonth = Number(form.get('exp_month'));
  const expYear = Number(form.get('exp_year'));
  if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12)
    return { ok: false, message: 'Enter the expiry month, 1 to 12.' };
  if (!Number.isInteger(expYear) || expYear < thisYear || expYear > 2100)
    return { ok: false, message: `Enter the expiry year, ${thisYear} or later.` };
  return {
    ok: true,
    card: {
      brand: brandOf(digits),
      last4: digits.slice(-4),
      expMonth,
      expYear,
      declined: digits === DECLINED_CARD.replace(/ /g, ''),
    },
  };
}
