import type { AuditAction, AuditResult } from '../../../shared/audit/audit-entry';

export const ACTION_WORDS: Record<AuditAction, string> = {
  'license.install': 'License installed',
  'license.replace': 'License key replaced',
  'license.delete': 'License deleted',
  'instance.add': 'Instance added',
  'instance.edit': 'Instance edited',
  'instance.remove': 'Instance removed',
  'license.purchase': 'License purchased',
  'license.renewal': 'License renewed',
  'invitation.send': 'Invitation sent',
  'invitation.resend': 'Invitation sent again',
  'invitation.revoke': 'Invitation revoked',
  'invitation.accept': 'Invitation accepted',
  'member.remove': 'Member removed',
  'member.role_change': 'Role changed',
};

/** An action in words; one a newer version wrote is shown as it is. */
export function actionWords(action: string): string {
  return Object.hasOwn(ACTION_WORDS, action) ? ACTION_WORDS[action as AuditAction] : action;
}

export const RESULT_WORDS: Record<AuditResult, string> = {
  attempted: 'Attempted',
  succeeded: 'Succeeded',
  refused: 'Refused',
  failed: 'Failed',
  unknown: 'Outcome unknown',
};
