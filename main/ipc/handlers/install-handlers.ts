import { osActor } from '../../audit/audit-actor';
import { installOnInstance, preflightInstall, type InstallStepDeps } from '../../instances/install-steps';
import { answering } from '../answering/answering';
import type { Handlers } from '../handlers';

export type InstallHandlerDeps = InstallStepDeps;

/** Install a license from the app: the CLI's preflight and install, shown in full before anything is sent. */
export function installHandlers(
  deps: InstallHandlerDeps,
): Pick<Handlers, 'instances:preflight-install' | 'instances:install-key'> {
  return {
    'instances:preflight-install': async ({ id, key, replaces = null }) =>
      answering(() => preflightInstall(deps, id, key, replaces)),
    'instances:install-key': async ({ id, key, allowOverCapacity, replaces = null }) =>
      answering(() => installOnInstance(deps, id, key, { allowOverCapacity, replaces, actor: osActor() })),
  };
}
