import type { PortalAccountView } from '../../../shared/ipc/portal-contract';
import type { Organization } from '../../../shared/portal/schemas/organizations';
import type { Member } from '../../../shared/portal/schemas/members';

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

export const ACME: Organization = {
  id: ORG_ID,
  name: 'Acme Corp',
  notification_email: 'it@acme.test',
  role: 'owner',
  created_at: '2025-01-01T00:00:00Z',
};

export const member = (user_id: string, name: string, role: 'owner' | 'member'): Member => ({
  user_id,
  name,
  email: `${name.split(' ')[0]?.toLowerCase()}@acme.test`,
  role,
  joined_at: '2025-01-01T00:00:00Z',
});

/** A refusal as main answers it. */
export const refused = (code: string, message: string, fields?: Record<string, string>) => ({
  ok: false as const,
  error: { code: code as 'invalid_input', message, ...(fields === undefined ? {} : { fields }) },
});
