import { ROLES, type Role } from '../../../shared/portal/schemas/common';
import { portalActor } from '../../audit/audit-actor';
import { succeeded } from '../../audit/audit-recorder';
import { AuditWriteError } from '../../audit/audit-trail';
import { hostOf } from '../../portal/portal-url';
import { cliAuditRecorder } from '../cli-audit';
import type { CliIo } from '../io';
import { terminalLines, terminalSafe } from '../output/terminal-safe';
import { parseFlags } from '../parse-flags';
import { UNKNOWN_EXIT, UsageError } from '../usage-error';
import { withPortalClient } from './portal-context';
import { resolveOrganization } from './portal-org-option';

function isRole(text: string): text is Role {
  return (ROLES as readonly string[]).includes(text);
}

/** `aklm portal invite --org ORG --email EMAIL --role owner|member [--account ID] [--json]`: invites someone (Owners only). */
export async function portalInviteCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    org: { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string' },
    account: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`portal invite takes no arguments, got "${positionals[0]}"`);
  const { org, email, role } = values;
  if (org === undefined || org.trim() === '')
    throw new UsageError('portal invite needs --org ORG: an organization id or its exact name (see aklm portal orgs)');
  if (email === undefined || email.trim() === '')
    throw new UsageError('portal invite needs --email EMAIL: the address to send the invitation to');
  if (role === undefined || !isRole(role))
    throw new UsageError(
      `portal invite needs --role owner or --role member${role === undefined ? '' : `, got "${role}"`}`,
    );
  return withPortalClient(io, values.account, async (client, account) => {
    const organization = await resolveOrganization(client, org);
    const { recorder, unrecorded } = cliAuditRecorder(io.env);
    const target = {
      portal: hostOf(account.portalUrl),
      organization: organization.id,
      organization_name: organization.name,
      email: email.trim(),
      role,
    };
    let invitation;
    try {
      invitation = await recorder.run(
        { actor: portalActor(account), action: 'invitation.send', target, fingerprint: null },
        () => client.createInvitation(organization.id, { email: email.trim(), role }),
        (sent) => ({ ...succeeded(), target: { invitation: sent.id } }),
      );
    } catch (error) {
      if (!(error instanceof AuditWriteError)) throw error;
      io.stderr.write(terminalLines([`aklm: ${error.refusal('No invitation was sent')}`]));
      return UNKNOWN_EXIT;
    }
    io.stderr.write(terminalLines(unrecorded.map((problem) => `warning: ${problem}`)));
    io.stdout.write(
      values.json === true
        ? terminalSafe(`${JSON.stringify(invitation, null, 2)}\n`)
        : terminalLines([
            `Invited ${invitation.email} to "${organization.name}" as ${invitation.role}; the invitation e-mail was sent and the link works until ${invitation.expires_at}.`,
          ]),
    );
    return 0;
  });
}
