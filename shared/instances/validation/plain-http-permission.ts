import { isPlainHttpElsewhere } from '../plain-http';
import { parseAddress } from './address';

/** Where the person gives the permission for plain HTTP, which decides what the message tells them to do. */
export type PlainHttpPermission = 'dialog' | 'saved-instance' | 'cli-flag' | 'fleet-entry';

const REMEDIES: Record<PlainHttpPermission, string> = {
  dialog: 'Use the instance’s https:// address, or tick “Allow plain HTTP” to send it this way anyway.',
  'saved-instance':
    'Edit the instance in the app: give its https:// address, or tick “Allow plain HTTP” to send it this way anyway.',
  'cli-flag': 'Use the instance’s https:// address, or add --allow-http to send it this way anyway.',
  'fleet-entry':
    'Use the instance’s https:// address, or add "allow_http": true to its entry to send it this way anyway.',
};

/** The plain-HTTP rule in words: what is wrong, then how to fix it where the permission is given. */
export function plainHttpMessage(permission: PlainHttpPermission): string {
  return `This address is plain http://, so the API token would cross the network unencrypted. ${REMEDIES[permission]}`;
}

/** Whether the typed address is plain http:// to another computer, where the token would travel unencrypted. */
export function isPlainHttpAddress(text: string): boolean {
  const url = parseAddress(text.trim());
  return url !== null && isPlainHttpElsewhere(url);
}

/**
 * Why the token may not go to `address`, or null when it may: plain http:// to another computer needs
 * the person's permission (`allowed`); https://, loopback and addresses that are none pass (the address
 * rule speaks about those).
 */
export function plainHttpProblem(address: string, allowed: boolean, permission: PlainHttpPermission): string | null {
  return isPlainHttpAddress(address) && !allowed ? plainHttpMessage(permission) : null;
}
