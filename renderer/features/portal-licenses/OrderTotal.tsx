import { formatMinorUnits } from '../../ui/money';
import type { PurchaseForm } from './purchase-form';
import type { Plan } from './queries';

const PERIOD_NOUNS = { month: 'month', year: 'year' } as const;

function wholeNumber(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

/** What one billing period costs for the users entered, at the chosen plan's prices. */
export function OrderTotal({ plan, form }: { plan: Plan | null; form: PurchaseForm }) {
  const internal = wholeNumber(form.internalUsers);
  const external = wholeNumber(form.externalUsers);
  if (plan === null || internal === null || external === null) return null;
  const money = (amount: number) => formatMinorUnits(amount, plan.currency);
  const total = internal * plan.price_per_internal_user + external * plan.price_per_external_user;
  return (
    <p className="order-total">
      Each {PERIOD_NOUNS[plan.billing_period]}: {internal.toLocaleString()} internal ×{' '}
      {money(plan.price_per_internal_user)} + {external.toLocaleString()} external ×{' '}
      {money(plan.price_per_external_user)} = <strong>{money(total)}</strong>. The checkout page shows the amount due
      before you pay.
    </p>
  );
}
