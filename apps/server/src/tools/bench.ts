/**
 * What the exchange, remote-signing and OCSP benchmarks (bench/exchange.ts, bench/remote-signing.ts,
 * bench/signatures-ocsp.ts) use
 * beyond the public entry point, as `@tinhso/server/bench`: bench/ is a TypeScript project of its
 * own that reaches the server through its package exports only, and must not import test code.
 */
export { openPglite, openPostgres } from '../platform/db.ts';
export {
  prepareServerPair,
  queueLetters,
  signIn,
  startServer,
  type Pair,
  type ServerSpec,
} from './two-servers.ts';
export { seededDatabases } from './seeded-databases.ts';
export { exportPkcs8 } from '../modules/signatures/demo-ca.ts';
export { configureSigningKeySecret } from '../modules/signatures/key-encryption.ts';
export { signerFromPkcs8 } from '../modules/signatures/key-material.ts';
export { clearOcspCache } from '../modules/signatures/ocsp-client.ts';
export { ocspSimulator } from '../modules/signatures/ocsp-simulator.ts';
export { createRemoteSigningClient, parseTransaction } from '../modules/signatures/remote/remote-client.ts';
export { createRemoteSigner } from '../modules/signatures/remote/remote-signer.ts';
export { RemoteWaiters } from '../modules/signatures/remote/remote-waiters.ts';
export { remoteSigningSimulator } from '../modules/signatures/remote/simulator.ts';
export { storeSimulatorUser } from '../modules/signatures/remote/simulator-users.ts';
