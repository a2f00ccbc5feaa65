import { X509Certificate } from 'node:crypto';
import { caCertificateBlocks, caCertificateProblem, caUnreadableMessage } from '../../shared/instances/validation';

/**
 * Why `text` is not a CA main can trust, or null when it is one: the shared rule, then each certificate
 * parsed, which needs Node's X.509 parser. The app's service and aklm's --ca both ask here.
 */
export function caPemProblem(text: string): string | null {
  const shape = caCertificateProblem(text);
  if (shape !== null) return shape;
  const blocks = caCertificateBlocks(text);
  const unreadable = blocks.findIndex((block) => {
    try {
      new X509Certificate(block);
      return false;
    } catch {
      return true;
    }
  });
  return unreadable === -1 ? null : caUnreadableMessage(unreadable, blocks.length);
}
