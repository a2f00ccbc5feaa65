import { useMutation } from '@tanstack/react-query';
import { askMain } from '../../queries/query-client';
import { rowsAnswered } from '../../queries/instance-list';
import { useInstallScreen, type InstallOutcome, type InstallReplaces } from './install-screen';

/** What a preflight asks about: the key on one instance, as the dialog held them at `attempt` of `opening`. */
export interface PreflightRequest {
  opening: number;
  attempt: number;
  instanceId: string;
  key: string;
  replaces: InstallReplaces | null;
}

/** Reads the instance and tells what installing the key would do; sends nothing to authentik. */
export function usePreflightInstall() {
  const preflightAnswered = useInstallScreen((state) => state.preflightAnswered);
  return useMutation({
    mutationFn: (request: PreflightRequest, { client }) =>
      askMain(client, 'instances:preflight-install', {
        id: request.instanceId,
        key: request.key.trim(),
        replaces: request.replaces?.licenseUuid ?? null,
      }),
    // An answer for an older key, another instance or an earlier dialog is dropped by the screen state.
    onSuccess: (preflight, request) => preflightAnswered(request.attempt, preflight),
  });
}

export interface InstallRequest {
  opening: number;
  instanceId: string;
  instanceName: string;
  key: string;
  replaces: InstallReplaces | null;
  allowOverCapacity: boolean;
}

function outcomeNotice(name: string, outcome: InstallOutcome, replaces: InstallReplaces | null): string {
  if (replaces !== null)
    return outcome.installed
      ? `Replaced the key of “${replaces.name}” on ${name}.`
      : `The key of “${replaces.name}” was not replaced on ${name}: ${outcome.message}`;
  return outcome.installed
    ? `Installed a license on ${name}.`
    : `The license was not installed on ${name}: ${outcome.message}`;
}

/**
 * Exactly one install on confirmation. main's refreshed row is the list's new truth at once (its
 * `instances:did-change` has the instance's page read again). Closed while installing: the outcome
 * goes to `noticeElsewhere` (the dashboard's notice).
 */
export function useInstallKey(noticeElsewhere: (text: string) => void) {
  const installAnswered = useInstallScreen((state) => state.installAnswered);
  const stillShown = useInstallScreen((state) => state.stillShown);
  return useMutation({
    mutationFn: (request: InstallRequest, { client }) =>
      askMain(client, 'instances:install-key', {
        id: request.instanceId,
        key: request.key.trim(),
        allowOverCapacity: request.allowOverCapacity,
        replaces: request.replaces?.licenseUuid ?? null,
      }),
    onSuccess({ instance, ...outcome }, request, _context, { client }) {
      rowsAnswered(client, [instance]);
      if (!installAnswered(request.opening, outcome))
        noticeElsewhere(outcomeNotice(request.instanceName, outcome, request.replaces));
    },
    onError(error, request) {
      // Shown in the dialog while it is open on this install (the step's own error); else on the dashboard.
      if (!stillShown(request.opening))
        noticeElsewhere(`Installing a license on ${request.instanceName} failed: ${error.message}`);
    },
  });
}
