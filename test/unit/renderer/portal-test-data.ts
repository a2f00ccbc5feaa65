import type { PortalAccountView } from '../../../shared/ipc/portal-contract';
import type { Organization } from '../../../shared/portal/schemas/organizations';
import type { Member } from '../../../shared/portal/schemas/members';
import { createPortalStores } from '../../../renderer/store/portal-stores';
import { ok, scriptedMain, type Answers } from './portal-licenses-fixtures';

export const ORG_ID = '11111111-1111-4111-8111-111111111111';
export const ALICE_ID = '22222222-2222-4222-8222-222222222222';
export const BOB_ID = '33333333-3333-4333-8333-333333333333';

export const ALICE: PortalAccountView = {
  id: 'acct-alice',
  portalUrl: 'https://portal.example.com',
  email: 'alice@acme.test',
  name: 'Alice Adams',
  lastUsedAt: '2026-11-29T09:00:00.000Z',
  active: true,
};

export const ACME: Organization = { id: ORG_ID, name: 'Acme Corp', notification_email: 'it@acme.test', role: 'owner', created_at: '2025-01-01T00:00:00Z' };

export const member = (user_id: string, name: string, role: 'owner' | 'member'): Member => ({
  user_id,
  name,
  email: `${name.split(' ')[0]?.toLowerCase()}@acme.test`,
  role,
  joined_at: '2025-01-01T00:00:00Z',
});

/** The portal stores over a scripted main, signed in as Alice (the accounts listed). */
export async function signedInStores(answers: Answers) {
  const main = scriptedMain({ 'portal:list-accounts': () => ok({ accounts: [ALICE], defaultPortalUrl: ALICE.portalUrl }), ...answers });
  const stores = createPortalStores({ client: main.client });
  await stores.accounts.getState().accountsNeeded();
  return { main, stores };
}
