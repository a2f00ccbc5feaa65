import type { ChannelOutput } from '../../shared/ipc/contract';
import type { License } from '../../shared/portal/schemas/licenses';
import type { Organization } from '../../shared/portal/schemas/organizations';
import { linkLicenses, type InstanceLinkDeps } from './instance-links';
import type { PortalAccount } from './portal-account';
import { PortalError } from './portal-error';
import type { PortalSession } from './portal-session';

type PendingInstalls = ChannelOutput<'portal:list-pending-installs'>;
type AccountProblem = PendingInstalls['accountProblems'][number];

/** A license as one signed-in account sees it, in one of its organizations. */
interface SeenLicense {
  account: PortalAccount;
  organization: Organization;
  license: License;
}

/** A portal failure is the account's own problem, reported in words; anything else is a bug and goes up. */
function problemOf(account: PortalAccount, error: unknown, organization: Organization | null): AccountProblem {
  if (!(error instanceof PortalError)) throw error;
  return {
    accountId: account.id,
    email: account.email,
    portalUrl: account.portalUrl,
    // A 401 that survived a refresh, or no tokens in the vault: only signing in again helps.
    signInAgain: error.code === 'unauthorized' || error.code === 'not_signed_in',
    message: organization === null ? error.message : `${organization.name}: ${error.message}`,
  };
}

/**
 * Everything one account sees: the licenses of all its organizations, read without making the account the
 * active one. One organization that cannot be read does not hide the others.
 */
async function readAccount(
  session: PortalSession,
  account: PortalAccount,
): Promise<{ seen: SeenLicense[]; problems: AccountProblem[] }> {
  const client = session.accounts.client(account.id, { markUsed: false });
  let organizations: Organization[];
  try {
    organizations = await client.listOrganizations();
  } catch (error) {
    return { seen: [], problems: [problemOf(account, error, null)] };
  }
  const perOrganization = await Promise.all(
    organizations.map(async (organization) => {
      try {
        const licenses = await client.listLicenses(organization.id);
        return { seen: licenses.map((license) => ({ account, organization, license })), problems: [] };
      } catch (error) {
        return { seen: [], problems: [problemOf(account, error, organization)] };
      }
    }),
  );
  return {
    seen: perOrganization.flatMap((entry) => entry.seen),
    problems: perOrganization.flatMap((entry) => entry.problems),
  };
}

/** Each license once, as the first account (most recently used first, so the active one wins) saw it. */
function oncePerLicense(seen: readonly SeenLicense[]): SeenLicense[] {
  const kept = new Map<string, SeenLicense>();
  for (const entry of seen) {
    const key = `${entry.account.portalUrl} ${entry.license.id}`;
    if (!kept.has(key)) kept.set(key, entry);
  }
  return [...kept.values()];
}

/**
 * Renewed-but-not-installed pairings across every signed-in account and all of its organizations, each
 * carrying the account and organization it came from (so its install fetches the key as that account). An
 * account that cannot be read (its sign-in ended, its portal is down) is reported and never hides the others.
 */
export async function listPendingInstalls(session: PortalSession, links: InstanceLinkDeps): Promise<PendingInstalls> {
  const accounts = session.accounts.list();
  // Nobody signed in: `not_signed_in`, as for every portal channel.
  if (accounts.length === 0) session.accounts.resolve();
  const perAccount = await Promise.all(accounts.map((account) => readAccount(session, account)));
  const seen = oncePerLicense(perAccount.flatMap((entry) => entry.seen));
  // Linked in one go, so an instance not read yet this session is read once.
  const linked = await linkLicenses(
    links,
    seen.map((entry) => entry.license),
  );
  const pairings = linked.flatMap(({ instances, ...license }, index) => {
    const source = seen[index];
    if (source === undefined) return [];
    return instances.map((instance) => ({
      link: instance,
      pairing: {
        instanceId: instance.instanceId,
        accountId: source.account.id,
        accountEmail: source.account.email,
        org: source.organization.id,
        organizationName: source.organization.name,
        license,
      },
    }));
  });
  return {
    pending: pairings.filter(({ link }) => link.renewedNotInstalled).map(({ pairing }) => pairing),
    uncompared: pairings.flatMap(({ link, pairing }) =>
      link.lastReadProblem === null ? [] : [{ ...pairing, lastReadProblem: link.lastReadProblem }],
    ),
    accountProblems: perAccount.flatMap((entry) => entry.problems),
  };
}
