/** authentik's license API (2024.2 to 2026.5.x rules, per release) on 127.0.0.1, for tests, benchmarks and the demo. */
export { startAuthentikSim } from './start-sim';
export { startAuthentikSimFleet } from './start-fleet';
export { createLoopbackTls, type LoopbackTls, type LoopbackTlsOptions } from './loopback-tls';
export type {
  AuthentikSim,
  AuthentikSimFleet,
  AuthentikSimOptions,
  SimFault,
  SimRequest,
  SimUsageRecord,
  SimUserCounts,
} from './types';
