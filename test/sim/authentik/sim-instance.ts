import type { IncomingMessage, ServerResponse } from 'node:http';
import { detail, NOT_FOUND, SERVER_ERROR, type Route } from './api-types';
import { authenticate } from './auth';
import { FaultQueue } from '../shared/fault-queue';
import { MALFORMED_BODY } from './faults';
import { drop, readBody, sendJson, sendRaw, sleep } from './http-io';
import { readInstalledKey } from './key-validation';
import { dispatch, allRoutes } from './router';
import { SimState } from './sim-state';
import type { AuthentikSimOptions, SimFault, SimRequest, SimUsageRecord, SimUserCounts } from './types';

const API_PREFIX = '/api/v3';

/** One simulated instance: its state, routes, fault queue and request log; served by a server or a fleet. */
export class SimInstance {
  readonly state: SimState;
  readonly requests: SimRequest[] = [];
  private readonly routes: Route[];
  private readonly faults = new FaultQueue<SimFault>();
  private readonly latencyMs: number;
  private readonly returnLatencyMs: number;

  constructor(options: AuthentikSimOptions) {
    this.state = new SimState(options);
    this.routes = allRoutes(this.state);
    this.latencyMs = options.latencyMs ?? 0;
    this.returnLatencyMs = options.returnLatencyMs ?? 0;
  }

  get installId(): string {
    return this.state.installId;
  }

  installed(): { licenseUuid: string; key: string }[] {
    return this.state.licenses.all().map(({ licenseUuid, key }) => ({ licenseUuid, key }));
  }

  /** Saves a `License` row without the API's validation, as an ORM `create` would (key-validation.ts `readInstalledKey`). */
  addLicense(key: string): string {
    const claims = readInstalledKey(key.trim(), this.state);
    if (claims === null)
      throw new Error('addLicense: authentik would not store this key (its x5c chain or its claims do not read)');
    return this.state.licenses.add(key.trim(), claims).licenseUuid;
  }

  setInstallId(installId: string): void {
    this.state.installId = installId;
  }

  setUsers(users: SimUserCounts): void {
    this.state.users = { ...users };
  }

  setLastValid(ms: number | null): void {
    this.state.setLastValid(ms);
  }

  setUsageRecords(records: SimUsageRecord[]): void {
    this.state.usage.replace(records);
  }

  usageRecords(): SimUsageRecord[] {
    return this.state.usage.current(this.state.now());
  }

  refreshCachedSummary(): void {
    this.state.recordUsage();
  }

  fault(fault: SimFault): void {
    this.faults.add(fault);
  }

  /** Answers one HTTP request whose path (and query) is `target`, relative to this instance's base URL. */
  async serve(request: IncomingMessage, response: ServerResponse, target: string, secure: boolean): Promise<void> {
    const url = new URL(`http://authentik-sim${target.startsWith('/') ? target : `/${target}`}`);
    const inApi = url.pathname.startsWith(`${API_PREFIX}/`);
    const path = inApi ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const method = (request.method ?? 'GET').toUpperCase();
    const authentication = authenticate(request.headers.authorization, this.state.tokens);
    const entry: SimRequest = {
      method,
      path,
      query: url.search.slice(1),
      status: null,
      authorized: authentication.kind === 'authenticated',
    };
    this.requests.push(entry);
    const fault = this.faults.take(method, path);

    if (this.latencyMs > 0) await sleep(this.latencyMs);
    if (fault?.kind === 'drop') return drop(request);
    if (fault?.kind === 'delay') await sleep(fault.delayMs ?? 0);
    const rawBody = await readBody(request);
    // The server's own clock (`now`), as the Date header of authentik's answers shows it (second precision).
    if (!response.headersSent) response.setHeader('Date', new Date(this.state.now()).toUTCString());
    if (fault?.kind === 'status') {
      entry.status = fault.status ?? 500;
      await this.returnLeg();
      return sendJson(response, entry.status, fault.body ?? { detail: SERVER_ERROR });
    }
    if (fault?.kind === 'malformed') {
      entry.status = 200;
      await this.returnLeg();
      return sendRaw(response, 200, MALFORMED_BODY);
    }

    let answer = detail(404, NOT_FOUND);
    if (inApi) {
      try {
        answer = dispatch(
          this.state,
          this.routes,
          { method, path, query: url.searchParams, headers: request.headers, rawBody, secure },
          authentication,
        );
      } catch {
        answer = detail(500, SERVER_ERROR);
      }
    }
    if (fault?.kind === 'drop-after-handling') return drop(request);
    entry.status = answer.status;
    await this.returnLeg();
    sendJson(response, answer.status, answer.body);
  }

  /** The way back of a round trip: the answer (and its Date) is made, then travels `returnLatencyMs`. */
  private async returnLeg(): Promise<void> {
    if (this.returnLatencyMs > 0) await sleep(this.returnLatencyMs);
  }
}
