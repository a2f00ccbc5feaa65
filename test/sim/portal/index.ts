/** The customer portal simulator: Portal API v1, a real OpenID Provider, checkout, billing and the outbox. */
export { startPortalSim } from './start-portal-sim';
export { completeSignIn, type CompleteSignInOptions } from './sign-in/complete-sign-in';
export { DEMO_PASSWORD } from './oidc/interaction-pages';
export { NATIVE_REDIRECT_URIS } from './oidc/identity-provider';
export { DECLINED_CARD, DEMO_CARD } from './commerce/card-form';
export { SEED } from './state/seed-catalog';
export type { PortalFault } from './http/faults';
export type { OutboxMail, PortalSim, PortalSimOptions, PortalSimRequest } from './types';
