/**
 * `npm run sim`: the customer portal simulator and two authentik simulators on 127.0.0.1, with the seeded
 * demo data, for a demo or for trying the app and `aklm` by hand. Test and demo infrastructure only.
 * Prints the addresses, the demo users and how to point the app and the CLI at them; Ctrl-C (SIGINT) or
 * SIGTERM stops everything and removes the test root's file.
 *
 * The authentik simulators stand for two of Acme Corp's installations, each with the portal's key for
 * it installed, so a key renewed or bought at the portal installs there (they trust the portal's root).
 */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAuthentikSim } from './authentik';
import { DEMO_PASSWORD, SEED, startPortalSim } from './portal';

/** The authentik simulators' token (their default): give it to the app or as $AKLM_TOKEN. */
const AUTHENTIK_TOKEN = 'sim-admin-token';

/** The installations served, each with its seeded portal license's key and the users it has. */
const INSTALLATIONS = [
  { license: SEED.licenses.acmeProduction, users: { internal: 80, external: 640, internalJoinedLast30Days: 4 } },
  { license: SEED.licenses.acmeEdge, users: { internal: 22, external: 0, internalJoinedLast30Days: 1 } },
];

if (process.argv.length > 2) {
  process.stderr.write(
    'npm run sim takes no arguments: it starts the portal and authentik simulators on free ports of 127.0.0.1 and prints them.\n',
  );
  process.exit(2);
}

const portal = await startPortalSim();
const roots = [new X509Certificate(portal.rootPem)];
const authentiks = await Promise.all(
  INSTALLATIONS.map(async ({ license, users }) => {
    const sim = await startAuthentikSim({ roots, installId: license.installId, users });
    const key = portal.state.data.licenses.find((entry) => entry.id === license.id)?.key;
    if (key === undefined || key === null) throw new Error(`the seeded license "${license.nickname}" has no key`);
    sim.addLicense(key);
    sim.refreshCachedSummary();
    return { sim, license };
  }),
);
const folder = mkdtempSync(join(tmpdir(), 'aklm-sim-'));
const rootFile = join(folder, 'portal-sim-root.pem');
writeFileSync(rootFile, portal.rootPem);

// Listening for Ctrl-C and SIGTERM before printing how to stop, so that a signal sent on reading it is caught.
let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write('Stopping the simulators…\n');
  await Promise.all([portal.stop(), ...authentiks.map(({ sim }) => sim.close())]);
  rmSync(folder, { recursive: true, force: true });
  process.stdout.write('Stopped.\n');
  process.exit(0);
}
function onSignal(): void {
  stop().catch((error: unknown) => {
    process.stderr.write(
      `The simulators did not stop cleanly: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const column = (text: string, width: number): string => text.padEnd(width);
const users = portal.state.data.users.map((user) => {
  const memberships = portal.state
    .organizationsOf(user.id)
    .map(({ org, membership }) => `${org.name} (${membership.role})`);
  return `  ${column(user.email, 20)}${column(user.name, 15)}${memberships.length === 0 ? 'no organization' : memberships.join(', ')}`;
});
const [production] = authentiks;
process.stdout.write(
  [
    'Simulators for tests and demos (not the real portal or authentik):',
    '',
    `Customer portal   ${portal.url}`,
    `  API             ${portal.url}/api/v1 (GET /api/v1/config needs no token)`,
    `  OIDC issuer     ${portal.issuer}`,
    `  Outbox          ${portal.url}/__sim/outbox (the invitation e-mails and their links)`,
    ...authentiks.map(
      ({ sim, license }) =>
        `authentik         ${sim.url} (Acme Corp's "${license.nickname}", Install ID ${sim.installId})`,
    ),
    `  API token       ${AUTHENTIK_TOKEN}`,
    `Test root         ${rootFile}`,
    '',
    `Demo users (password: ${DEMO_PASSWORD}):`,
    ...users,
    '',
    'Point the app and the CLI at them:',
    `  AKLM_PORTAL_URL=${portal.url} npm start`,
    `  AKLM_PORTAL_URL=${portal.url} node dist/cli/aklm.js portal login`,
    `  AKLM_TOKEN=${AUTHENTIK_TOKEN} node dist/cli/aklm.js status --url ${production?.sim.url ?? ''} --root ${rootFile}`,
    `  In the app, add an instance with an authentik address above and the token ${AUTHENTIK_TOKEN}.`,
    "Keys issued here chain to the test root, not to authentik's: aklm accepts them with --root; the",
    "app, which trusts only authentik's root, reports them as untrusted.",
    '',
    `Stop with Ctrl-C (or SIGTERM to process ${process.pid}).`,
    '',
  ].join('\n'),
);
