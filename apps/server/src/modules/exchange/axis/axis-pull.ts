import type { Db } from '../../../platform/db.ts';
import { importDirectory } from '../queries.ts';
import { receiveMessage } from '../receive-message.ts';
import type { AxisClient } from './axis-client.ts';

/**
 * One pull from the national axis (R-EDX-4): register this server's agency codes, take every package
 * and status message waiting for them, receive each (stored or quarantined, idempotent) and only
 * then acknowledge it with UpdateStatus(done), so a crash in between means a second delivery, which
 * the receiver deduplicates, never a lost one.
 */
export async function pullFromAxis(db: Db, axis: AxisClient): Promise<{ received: number }> {
  const agencies = await db.selectFrom('agency').select('code').execute();
  await axis.registerAgencies(agencies.map((agency) => agency.code));
  let received = 0;
  for (const item of await axis.getReceivedEdocList()) {
    const bytes = await axis.getEdoc(item.docId);
    await receiveMessage(db, { bytes, transport: 'axis' });
    await axis.updateStatus(item.docId, 'done');
    received += 1;
  }
  return { received };
}

/** The axis's agency list into the directory (transport axis), leaving this server's agencies out. */
export async function syncDirectoryFromAxis(db: Db, axis: AxisClient): Promise<{ imported: number }> {
  const local = new Set((await db.selectFrom('agency').select('code').execute()).map((row) => row.code));
  const entries = (await axis.getAgencyList())
    .filter(
      (agency) =>
        !local.has(agency.code) && /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/.test(agency.code),
    )
    .map((agency) => ({ code: agency.code, name: agency.name.slice(0, 300), transport: 'axis' as const }));
  return { imported: await importDirectory(db, entries, 'axis') };
}
