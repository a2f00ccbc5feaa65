import { newId } from '../state/ids';
import type { PortalState } from '../state/portal-state';
import type { PaymentMethodRecord, PaymentMethodSetupRecord } from '../state/records';
import type { CardInput } from './card-form';
import { cardMethod } from './checkout';

export function openSetup(state: PortalState, orgId: string): PaymentMethodSetupRecord {
  const setup: PaymentMethodSetupRecord = { id: newId(), orgId, createdAt: state.now(), paymentMethodId: null };
  state.data.paymentMethodSetups.push(setup);
  return setup;
}

export function setupUrl(state: PortalState, setup: PaymentMethodSetupRecord): string {
  return `${state.settings.origin}/billing/setup/${setup.id}`;
}

/** The "Add card" button: the card becomes a payment method, the default one when it is the organization's first. */
export function addCard(state: PortalState, setup: PaymentMethodSetupRecord, card: CardInput): PaymentMethodRecord {
  const isFirst = !state.data.paymentMethods.some((method) => method.orgId === setup.orgId);
  const method = cardMethod(state, setup.orgId, card, isFirst);
  state.data.paymentMethods.push(method);
  setup.paymentMethodId = method.id;
  return method;
}
