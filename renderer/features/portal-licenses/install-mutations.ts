import { queryOptions, useMutation } from '@tanstack/react-query';
import type { LicenseInstallPreflight } from '../../../shared/ipc/portal-contract';
import { rowsAnswered } from '../../queries/instance-list';
import { portalKeys } from '../../queries/portal-keys';
import { askMain } from '../../queries/query-client';
import { refusalWords } from '../../store/portal-problem';
import {
  useLicenseInstallScreen,
  type LicenseInstallOutcome,
  type LicenseInstallTarget,
} from './license-install-screen';

/**
 * main fetches the key and runs the instance preflight (the page never holds the key), with the installed
 * license a renewal replaces (main finds it). Read once per opening of the dialog; Try again reads it again.
 */
export const licenseInstallPreflightQuery = (target: LicenseInstallTarget, opening: number) =>
  queryOptions({
    queryKey: portalKeys.licenseInstallPreflight(opening),
    queryFn: ({ client }): Promise<LicenseInstallPreflight> =>
      askMain(client, 'portal:preflight-license-install', {
        org: target.orgId,
        id: target.licenseId,
        instanceId: target.instanceId,
        accountId: target.accountId ?? null,
      }),
    staleTime: Infinity,
    // Gone with its dialog: the next opening checks again.
    gcTime: 0,
  });

/** The install of the dialog at `opening`, exactly as its preflight said: replacing the license it named, or beside the others. */
interface LicenseInstallRequest {
  opening: number;
  target: LicenseInstallTarget;
  preflight: LicenseInstallPreflight;
  allowOverCapacity: boolean;
}

function lateWords({ target, preflight }: LicenseInstallRequest, outcome: LicenseInstallOutcome): string {
  const replaced = preflight.replaces?.name ?? null;
  if (!outcome.installed)
    return `“${target.licenseName}” was not installed on ${target.instanceName}: ${outcome.message}`;
  return replaced === null
    ? `Installed “${target.licenseName}” on ${target.instanceName}.`
    : `Replaced “${replaced}” with “${target.licenseName}” on ${target.instanceName}.`;
}

/**
 * Exactly one install on confirmation. main's refreshed row is the list's new truth at once; the licenses
 * lists and the pairings are read again on main's `portal:did-change`, sent after the install. Closed while
 * installing: the outcome (or the failure) goes to `noticeElsewhere` (the dashboard's notice).
 */
export function useInstallPortalLicense(noticeElsewhere: (text: string) => void) {
  const installAnswered = useLicenseInstallScreen((state) => state.installAnswered);
  const stillShown = useLicenseInstallScreen((state) => state.stillShown);
  return useMutation({
    mutationFn: ({ target, preflight, allowOverCapacity }: LicenseInstallRequest, { client }) =>
      askMain(client, 'portal:install-license', {
        org: target.orgId,
        id: target.licenseId,
        instanceId: target.instanceId,
        allowOverCapacity,
        replaces: preflight.replaces?.licenseUuid ?? null,
        accountId: target.accountId ?? null,
      }),
    onSuccess({ instance, ...outcome }, request, _context, { client }) {
      rowsAnswered(client, [instance]);
      if (!installAnswered(request.opening, outcome)) noticeElsewhere(lateWords(request, outcome));
    },
    onError(error, { opening, target }) {
      if (!stillShown(opening))
        noticeElsewhere(refusalWords(error, `install “${target.licenseName}” on ${target.instanceName}`));
    },
  });
}
