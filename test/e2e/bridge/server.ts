/**
 * The end-to-end test bridge: the app's real handlers and router, in Node, serving the built renderer
 * over HTTP with the production CSP and speaking the IPC protocol over a WebSocket on 127.0.0.1.
 * Tests observe the OS ports (clipboard, external browser, file opener, clock) through the control
 * endpoint, and may start the customer portal simulator, which then is the portal the handlers use.
 *   node dist/test-bridge/server.js --renderer dist/renderer [--root PEM]... [--data-dir DIR]
 * Prints one JSON line `{"url": "http://127.0.0.1:PORT"}` when ready.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import { WebSocketServer, type WebSocket } from 'ws';
import { createHandlers } from '../../../main/app/create-handlers';
import { fileAuditTrail } from '../../../main/audit/audit-trail';
import { contentSecurityPolicy } from '../../../main/app-protocol/content-security-policy';
import { serveRendererFile } from '../../../main/app-protocol/serve-renderer-file';
import { fileStatusHistory, statusHistoryDir } from '../../../main/instances/status-history';
import { createEventHub } from '../../../main/ipc/event-hub';
import { createRouter } from '../../../main/ipc/router';
import { createSenderPolicy } from '../../../main/ipc/sender';
import { defaultTrustRoots, parsePemCertificates, trustRootsOf } from '../../../main/license/trust-roots';
import { confAccountStore } from '../../../main/portal/account-store';
import { DEFAULT_PORTAL_URL } from '../../../main/portal/purchase-url';
import { confRegistryStore } from '../../../main/registry/registry-store';
import { dataFolderVault } from '../../../main/secrets/data-folder-vault';
import { keyringCallsSettled, keyringSecretStore } from '../../../main/secrets/keyring-secret-store';
import { dataDir } from '../../../main/settings/data-dir';
import { createDataNotices } from '../../../main/settings/data-notices';
import type { PortalFault } from '../../sim/portal';
import { CONTROL_PATH, IPC_PATH, type BridgeMessage, type BridgeRequest } from './bridge-protocol';
import { manualClock } from './manual-clock';
import { createSimControl, type SimRequestBody } from './sim-control';
import { memoryClipboard } from './memory-clipboard';
import { createPortalSimControl, type PortalSimRequestBody } from './portal-sim-control';

const { values } = parseArgs({
  options: { renderer: { type: 'string' }, root: { type: 'string', multiple: true }, 'data-dir': { type: 'string' } },
  strict: true,
});
const rendererDir = values.renderer ?? 'dist/renderer';
const rootFiles = values.root ?? [];
let roots =
  rootFiles.length > 0
    ? trustRootsOf(rootFiles.flatMap((file) => parsePemCertificates(readFileSync(file, 'utf8'))))
    : defaultTrustRoots();
const dataFolder = values['data-dir'] ?? dataDir();

const clipboard = memoryClipboard();
const clock = manualClock();
const openedUrls: string[] = [];
/** Files the app asked the system to open (invoice PDFs): the paths, in order. */
const openedFiles: string[] = [];
const portalSim = createPortalSimControl({
  now: () => clock.now(),
  // Keys the portal simulator issues verify like the test PKI's (in the app and in the authentik simulators).
  trust: (rootPem) => {
    roots = trustRootsOf([...roots.certificates, ...parsePemCertificates(rootPem)]);
  },
});
const hub = createEventHub();
const keychain = keyringSecretStore();
const dataNotices = createDataNotices({ error: (what) => console.error(`bridge: ${what}`) });
const registryStore = confRegistryStore(dataFolder, dataNotices.report);
const accountStore = confAccountStore(dataFolder, dataNotices.report);
const vault = dataFolderVault({
  dataDir: dataFolder,
  keychain,
  registryStore,
  accountStore,
  report: dataNotices.report,
});
const handlers = createHandlers(
  {
    clipboard,
    clock,
    emit: hub.emit,
    browser: { open: async (url) => void openedUrls.push(url) },
    // The real token vault, its key in the real OS keychain (this bridge's own Secret Service), and the real registry file.
    secrets: vault,
    registryStore,
    accountStore,
    dataNotices: dataNotices.list,
    files: { open: async (path) => void openedFiles.push(path) },
    statusHistory: fileStatusHistory(
      statusHistoryDir(dataFolder),
      { error: (what) => console.error(`bridge: ${what}`) },
      () => clock.now(),
    ),
    audit: fileAuditTrail(dataFolder, keychain),
  },
  {
    roots: () => roots,
    portalUrl: () => portalSim.url() ?? DEFAULT_PORTAL_URL,
    refreshConcurrency: 8,
    requestTimeoutMs: 5_000,
  },
);
const connections = new Set<number>();
let origin = '';
const router = createRouter({
  handlers,
  isTrusted: (sender) => createSenderPolicy(origin, connections)(sender),
  outputCheck: 'strict',
  onInternalError: (channel, error) => console.error(`bridge: ${channel} failed:`, error),
});

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const sims = createSimControl(
  () => roots.certificates,
  () => clock.now(),
);

async function body(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

async function control(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  if (path === `${CONTROL_PATH}/sims` && request.method === 'POST')
    return send(response, 200, await sims.start((await body(request)) as SimRequestBody));
  if (path === `${CONTROL_PATH}/sims/stop` && request.method === 'POST') {
    const stopped = await sims.stop(((await body(request)) as { url: string }).url);
    return send(response, stopped ? 200 : 404, { stopped });
  }
  if (path === `${CONTROL_PATH}/portal-sim` && request.method === 'POST')
    return send(response, 200, await portalSim.start((await body(request)) as PortalSimRequestBody));
  if (path === `${CONTROL_PATH}/portal-sim/outbox`) return send(response, 200, portalSim.outbox());
  if (path === `${CONTROL_PATH}/portal-sim/fault` && request.method === 'POST') {
    const queued = portalSim.fault((await body(request)) as PortalFault);
    return send(response, queued ? 200 : 409, { queued });
  }
  // The token vault as another process sharing the data folder changes it (the CLI, an older install's
  // leftovers): through the bridge's own store, so its writes queue with the app's. Nothing is answered.
  if (path === `${CONTROL_PATH}/vault` && request.method === 'POST') {
    const { account, secret } = (await body(request)) as { account: string; secret: string | null };
    if (secret === null) await vault.delete(account);
    else await vault.set(account, secret);
    return send(response, 200, {});
  }
  // One search of the bridge's own keychain, the call the vault makes on first use: the app's channels no
  // longer reach the keychain after that, and a test of its teardown needs calls in flight.
  if (path === `${CONTROL_PATH}/keychain-search` && request.method === 'POST')
    return send(response, 200, { accounts: (await keychain.accounts()).length });
  if (path === `${CONTROL_PATH}/state`)
    return send(response, 200, { clipboard: clipboard.peek(), openedUrls, openedFiles, now: clock.now() });
  if (path === `${CONTROL_PATH}/advance-clock` && request.method === 'POST') {
    const ms = Number(new URL(request.url ?? '', origin).searchParams.get('ms'));
    if (!Number.isFinite(ms) || ms < 0) return send(response, 400, { error: 'ms must be a non-negative number' });
    await clock.advance(ms);
    return send(response, 200, { now: clock.now() });
  }
  send(response, 404, { error: 'no such control endpoint' });
}

const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', origin).pathname;
  if (path.startsWith(CONTROL_PATH)) {
    control(request, response, path).catch((error: unknown) => send(response, 500, { error: String(error) }));
    return;
  }
  const csp = contentSecurityPolicy([`ws://${new URL(origin).host}`]);
  void serveRendererFile(
    rendererDir,
    { method: request.method ?? 'GET', url: `${origin}${request.url ?? '/'}` },
    csp,
  ).then(async (file) => {
    response.writeHead(file.status, Object.fromEntries(file.headers));
    response.end(Buffer.from(await file.arrayBuffer()));
  });
});

const sockets = new WebSocketServer({ server, path: IPC_PATH });
let nextConnection = 1;
sockets.on('connection', (socket: WebSocket, request) => {
  if (request.headers.origin !== origin) {
    socket.close(1008, 'foreign origin');
    return;
  }
  const id = nextConnection++;
  connections.add(id);
  const post = (message: BridgeMessage): void => socket.send(JSON.stringify(message));
  const unsubscribe = hub.subscribe((event, payload) => post({ event, payload }));
  const answer = async (data: unknown): Promise<void> => {
    const request = JSON.parse(String(data)) as BridgeRequest;
    const result = await router(request.channel, request.input, {
      id,
      url: `${origin}/`,
      isMainFrame: request.frame === 'main',
    });
    post({ id: request.id, result });
  };
  // ws ignores what a listener returns: a failure is logged here, not left as an unhandled rejection.
  socket.on('message', (data) => {
    answer(data).catch((error: unknown) => console.error('bridge: IPC message failed:', error));
  });
  socket.on('close', () => {
    connections.delete(id);
    unsubscribe();
  });
});

/**
 * Stops taking requests, lets keychain calls in flight finish (GNOME Keyring 42 aborts when a client leaves
 * in the middle of one), stops the simulators, then exits.
 */
process.on('SIGTERM', () => {
  sockets.clients.forEach((socket) => socket.terminate());
  server.close();
  server.closeAllConnections();
  void Promise.all([keyringCallsSettled(), sims.closeAll(), portalSim.stop()]).finally(() => process.exit(0));
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('bridge: no TCP address');
  origin = `http://127.0.0.1:${address.port}`;
  console.log(JSON.stringify({ url: origin }));
});
