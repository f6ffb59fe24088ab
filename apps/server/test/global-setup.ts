import { mkdirSync } from 'node:fs';
import { buildFixture, FIXTURE_DIR, testDatabaseKind } from './fixture-database.ts';

/** Builds the migrated, seeded fixture database once for the whole run. */
export default async function setup(): Promise<void> {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const started = Date.now();
  await buildFixture();
  console.log(`test fixture (${testDatabaseKind()}) ready in ${Date.now() - started} ms`);
}
