/**
 * `load` for one organization at a time: a call while one for the same organization is in flight gets
 * that one's promise instead of a second request; another organization starts its own.
 */
export function sharedPerOrg(load: (orgId: string) => Promise<void>): (orgId: string) => Promise<void> {
  let inFlight: { orgId: string; done: Promise<void> } | null = null;
  return (orgId) => {
    if (inFlight?.orgId === orgId) return inFlight.done;
    const done: Promise<void> = load(orgId).finally(() => {
      if (inFlight?.done === done) inFlight = null;
    });
    inFlight = { orgId, done };
    return done;
  };
}
