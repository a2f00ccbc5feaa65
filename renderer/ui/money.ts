/** Digits after the decimal point in `currency`'s minor unit (2 for EUR, 0 for JPY, 3 for KWD). */
function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount in the currency's minor unit (cents), written in the reader's locale: 520000 EUR → "€5,200.00". */
export function formatMinorUnits(amount: number, currency: string, locale?: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
}
