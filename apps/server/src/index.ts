/** What the CLI and the benchmarks may use of the server. */
export { buildApp, VERSION } from './app.ts';
export { startServer, loadConfigOrExit } from './main.ts';
export { loadConfig, ConfigError, type Config } from './platform/config.ts';
export { openDatabase, type Database } from './platform/db.ts';
export { runMigrations, getMigrationStatus } from './platform/migrate.ts';
export { verifyChain } from './modules/audit/verify-chain.ts';
export { seedDemo } from './modules/organisation/seed-demo.ts';
export { seedProcedures } from './modules/procedures/seed-procedures.ts';
export { seedDemoSigning } from './modules/signatures/seed-demo-signing.ts';
export { ARGON2_OPTIONS } from './modules/identity/password.ts';
export { recordEvent } from './modules/audit/record-event.ts';
export type { DB } from './platform/db-types.ts';
export { listIncoming } from './modules/documents/incoming-queries.ts';
export { signPdf } from './modules/signatures/pades-sign.ts';
export { verifyPdf } from './modules/signatures/pades-verify.ts';
export { createWebCryptoSigner, type PdfSigner } from './modules/signatures/pdf-signer.ts';
export { createCrl, createRootCa, derOf, issueCertificate } from './modules/signatures/demo-ca.ts';
export { tsaSimulator } from './modules/signatures/tsa-simulator.ts';
