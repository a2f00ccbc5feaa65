import { toIsoUtc } from '../../../../shared/time/iso';
import type { Role } from './records';

export const INVITATION_VALID_MS = 7 * 24 * 3600 * 1000;

export interface InvitationMailInput {
  to: string;
  inviter: { name: string; email: string };
  organizationName: string;
  role: Role;
  link: string;
  sentAt: number;
}

/** The invitation e-mail's subject and text, with the link that holds the token. */
export function invitationMail(input: InvitationMailInput): { subject: string; text: string } {
  const role = input.role === 'owner' ? 'an Owner' : 'a Member';
  return {
    subject: `${input.inviter.name} invited you to ${input.organizationName} on the authentik customer portal`,
    text: [
      'Hello,',
      '',
      `${input.inviter.name} (${input.inviter.email}) invited you to join ${input.organizationName} on the authentik customer portal as ${role}.`,
      '',
      `Accept the invitation: ${input.link}`,
      '',
      `The invitation expires at ${toIsoUtc(input.sentAt + INVITATION_VALID_MS)}. If you did not expect it, ignore this e-mail.`,
      '',
    ].join('\n'),
  };
}

/** The link in the e-mail: `base` with the token as the `token` query parameter. */
export function invitationLink(base: string, token: string): string {
  const url = new URL(base);
  url.searchParams.set('token', token);
  return url.href;
}
