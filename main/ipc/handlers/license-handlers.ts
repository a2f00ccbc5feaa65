import type { SecretClipboard } from '../../clipboard/secret-clipboard';
import { normalisedInstallId } from '../../license/install-id';
import type { RecentKeys } from '../../license/recent-keys';
import type { TrustRoots } from '../../license/trust-roots';
import { toVerdictView } from '../../license/verdict-view';
import { verifyKey } from '../../license/verify-key';
import type { Clock } from '../../ports/clock';
import { toIsoUtc } from '../../../shared/time/iso';
import type { Handlers } from '../handlers';
import { IpcError } from '../ipc-error';

export interface LicenseHandlerDeps {
  roots: () => TrustRoots;
  clock: Clock;
  clipboard: SecretClipboard;
  recentKeys: RecentKeys;
}

export function licenseHandlers(
  deps: LicenseHandlerDeps,
): Pick<Handlers, 'license:verify-key' | 'license:copy-key' | 'license:copy-fingerprint'> {
  return {
    'license:verify-key': async ({ key, installId }) => {
      const at = deps.clock.now();
      // Typed on the verify screen: any case is accepted, then compared as authentik compares it.
      const verdict = verifyKey(key, {
        roots: deps.roots(),
        at,
        installId: installId === null ? null : normalisedInstallId(installId),
      });
      if (verdict.reason !== 'malformed') deps.recentKeys.remember(verdict.fingerprint, key.trim());
      return toVerdictView(verdict, at);
    },
    'license:copy-key': async ({ fingerprint }) => {
      const key = deps.recentKeys.get(fingerprint);
      if (key === undefined)
        throw new IpcError('not_found', 'That key is no longer held by the app; verify it again, then copy it.');
      return { clearsAt: toIsoUtc((await deps.clipboard.copySecret(key)).clearsAt) };
    },
    'license:copy-fingerprint': async ({ fingerprint }) => {
      await deps.clipboard.copyText(fingerprint);
      return {};
    },
  };
}
