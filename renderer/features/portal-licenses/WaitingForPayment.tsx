import { WAITING_FOR_PAYMENT, WAITING_FOR_PAYMENT_DETAIL } from './license-words';

/** Amber until the portal has validated the payment: the order is placed, nothing is bought yet. */
export function WaitingForPayment() {
  return (
    <p className="waiting-payment" data-waiting-payment="true">
      <strong className="waiting-payment__title">
        <span aria-hidden="true">… </span>
        {WAITING_FOR_PAYMENT}
      </strong>{' '}
      {WAITING_FOR_PAYMENT_DETAIL}
    </p>
  );
}
