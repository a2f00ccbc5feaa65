/** A faithful authentik (2026.5.x / pre-2024.8) license API on 127.0.0.1, for tests, benchmarks and the demo. */
export { startAuthentikSim } from './start-sim';
export { startAuthentikSimFleet } from './start-fleet';
export { createLoopbackTls, type LoopbackTls, type LoopbackTlsOptions } from './loopback-tls';
export type { AuthentikSim, AuthentikSimFleet, AuthentikSimOptions, SimFault, SimRequest, SimUserCounts } from './types';
